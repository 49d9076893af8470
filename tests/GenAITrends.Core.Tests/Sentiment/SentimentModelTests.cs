using GenAITrends.Core.Classification;
using GenAITrends.Core.Sentiment;
using GenAITrends.Core.Tests.Classification;
using Xunit.Abstractions;

namespace GenAITrends.Core.Tests.Sentiment;

/// <summary>The shipped sentiment model on the hand-written Fixtures/sentiment_cases.csv (label column empty = varied text, no expectation).</summary>
[Collection(ShippedModelsCollection.Name)]
public sealed class SentimentModelTests(ShippedModels models, ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-sentiment-" + Guid.NewGuid().ToString("N"));

    private static readonly IReadOnlyList<IReadOnlyDictionary<string, string>> Cases =
        ShippedModels.ReadFixture("Sentiment", "Fixtures", "sentiment_cases.csv");

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static List<string> VariedTexts() =>
        Cases.Select(r => r["text"]).Concat(ThemeCase.Texts)
            .Concat(["", "!!!", "😍😍😍", "😡", "ok", "RT @someone: https://t.co/abc #AI", "Не знаю", "great... not"])
            .ToList();

    [Fact]
    public void Loading_the_model_twice_gives_the_same_predictions()
    {
        var again = SentimentModel.Load(TrendModels.SentimentFile(models.ModelsDirectory));
        var texts = VariedTexts();
        Assert.Equal(models.Sentiment.PredictBatch(texts), again.PredictBatch(texts));
        Assert.Equal(models.Sentiment.PredictBatch(texts), models.Sentiment.PredictBatch(texts));
        Assert.Equal(models.Sentiment.Metadata.ClassLogBias, again.Metadata.ClassLogBias);
    }

    [Fact]
    public void Saved_and_reloaded_model_gives_the_same_predictions()
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "sentiment.zip");
        models.Sentiment.Save(path);
        var reloaded = SentimentModel.Load(path);
        var texts = VariedTexts();
        Assert.Equal(models.Sentiment.PredictBatch(texts), reloaded.PredictBatch(texts));
        Assert.Equal(models.Sentiment.Metadata.TrainedUtc, reloaded.Metadata.TrainedUtc);
    }

    [Fact]
    public void Score_sign_agrees_with_the_label_on_varied_texts()
    {
        var texts = VariedTexts();
        var results = models.Sentiment.PredictBatch(texts);
        Assert.Equal(texts.Count, results.Count);
        for (int i = 0; i < texts.Count; i++)
        {
            var r = results[i];
            string why = $"\"{texts[i]}\" → {r.Label} {r.Score}";
            Assert.Contains(r.Label, SentimentLabels.All);
            Assert.InRange(r.Score, -1f, 1f);
            Assert.Equal(1f, r.Negative + r.Neutral + r.Positive, 1e-4f);
            switch (r.Label)
            {
                case SentimentLabels.Positive: Assert.True(r.Score > 0, why); break;
                case SentimentLabels.Negative: Assert.True(r.Score < 0, why); break;
                default: Assert.True(Math.Abs(r.Score) < 0.25f, why); break;
            }
        }

        Assert.Equal(3, results.Select(r => r.Label).Distinct().Count());
    }

    [Theory]
    [InlineData("I love this, best release ever 😍", SentimentLabels.Positive)]
    [InlineData("this is awful, total garbage, I hate it", SentimentLabels.Negative)]
    public void Obvious_cases(string text, string expected)
    {
        var r = models.Sentiment.PredictBatch([text])[0];
        Assert.Equal(expected, r.Label);
        Assert.True(expected == SentimentLabels.Positive ? r.Score > 0.5f : r.Score < -0.5f, $"score {r.Score}");
    }

    [Fact]
    public void Labelled_fixture_posts_get_their_label()
    {
        var labelled = Cases.Where(r => r["sentiment"].Length > 0).ToList();
        var results = models.Sentiment.PredictBatch(labelled.Select(r => r["text"]).ToList());
        var wrong = labelled.Select((r, i) => (Row: r, Result: results[i])).Where(x => x.Result.Label != x.Row["sentiment"]).ToList();
        foreach (var (row, result) in wrong)
        {
            output.WriteLine($"{row["id"]} gold {row["sentiment"]} predicted {result.Label} {result.Score:0.000}: {row["text"]}");
        }

        // Clear praise and clear complaints: all of them right.
        Assert.DoesNotContain(wrong, x => x.Row["sentiment"] != SentimentLabels.Neutral);
        // Plain announcements: the model leans negative on some ("The company published its quarterly report this
        // morning." → negative today), so a floor, and never the opposite polarity with a strong score.
        int neutral = labelled.Count(r => r["sentiment"] == SentimentLabels.Neutral);
        int neutralWrong = wrong.Count;
        Assert.True(neutralWrong <= neutral / 4, $"{neutralWrong}/{neutral} neutral announcements mislabelled");
        Assert.All(wrong, x => Assert.InRange(x.Result.Score, -0.6f, 0.6f));

        var m = SentimentEvaluator.Evaluate(labelled.Select(r => r["sentiment"]).ToList(), results.Select(r => r.Label).ToList());
        Assert.True(m.MacroRecall >= 0.9, m.ToString());
    }
}

using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Sentiment;
using GenAITrends.Core.Tests.Classification;
using Xunit.Abstractions;

namespace GenAITrends.Core.Tests.Sentiment;

/// <summary>The plain-C# sentiment scorer against the ML.NET pipeline it replicates.</summary>
[Collection(ShippedModelsCollection.Name)]
public sealed class CompiledSentimentScorerTests(ShippedModels models, ITestOutputHelper output)
{
    [Fact]
    public void The_shipped_model_is_compiled()
    {
        output.WriteLine(models.Sentiment.CompiledStatus);
        Assert.True(models.Sentiment.IsCompiled, models.Sentiment.CompiledStatus);
    }

    [Fact]
    public void A_configuration_the_replica_does_not_know_falls_back_to_ML_NET_with_the_same_predictions()
    {
        var unknown = new SentimentModel(new Microsoft.ML.MLContext(), models.Sentiment.Transformer,
            models.Sentiment.Metadata with { TrainerDescription = "SentimentTrainerOptions { WordNgramLength = 3 }" });
        output.WriteLine(unknown.CompiledStatus);
        Assert.False(unknown.IsCompiled);
        string[] texts = ["I love this!", "worst release ever :(", "Не знаю 🤔", ""];
        var expected = models.Sentiment.PredictBatch(texts);
        var actual = unknown.PredictBatch(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            Assert.Equal(expected[i].Label, actual[i].Label);
            Assert.Equal(expected[i].Score, actual[i].Score, 1e-4f);
        }
    }

    [Fact]
    public void Compiled_and_ML_NET_probabilities_agree_on_generated_posts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genaitrends-compiled-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var file = Path.Combine(dir, "posts.csv");
            SyntheticExport.Write(file, 3000, seed: 7);
            var texts = CsvRecords.ReadWithHeader(file).Select(r => r["text"]).ToList();
            texts.AddRange(ShippedModels.ReadFixture("Sentiment", "Fixtures", "sentiment_cases.csv").Select(r => r["text"]));
            texts.AddRange(["", "!!!", "😍😍😍", "😡", "ok", "RT @someone: https://t.co/abc #AI", "Не знаю", "great... not", "𝕏 👩‍💻 🏳️‍🌈 \uD83D"]);
            var compiled = models.Sentiment.PredictProbabilities(texts);
            var reference = models.Sentiment.PredictProbabilitiesMlNet(texts);
            Assert.Equal(reference.Length, compiled.Length);
            double worst = 0;
            int worstText = 0;
            for (int i = 0; i < compiled.Length; i++)
            {
                double d = Math.Abs(compiled[i] - reference[i]);
                if (d > worst) (worst, worstText) = (d, i / 3);
            }
            output.WriteLine($"largest difference {worst:G3} over {texts.Count} texts, on \"{texts[worstText]}\"");
            Assert.True(worst < 1e-4, $"largest difference {worst}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Sentiment;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Tags drafts with the shipped ML.NET models, one block at a time: five theme heads over one shared
/// featurisation, and the three-class sentiment model. Thread-safe for concurrent blocks.
/// </summary>
public sealed class ModelAnnotator(ThemeModel themes, SentimentModel sentiment) : IPostAnnotator
{
    public ThemeModel Themes { get; } = themes;
    public SentimentModel SentimentModel { get; } = sentiment;

    public string Version { get; } = $"{themes.Manifest.ModelVersion}; sentiment-{sentiment.Metadata.TrainedUtc:yyyyMMdd-HHmmss}";

    public void Annotate(IReadOnlyList<PostDraft> drafts)
    {
        if (drafts.Count == 0) return;
        var texts = new string[drafts.Count];
        for (int i = 0; i < texts.Length; i++) texts[i] = drafts[i].Text;
        var themePredictions = Themes.PredictBatch(texts);
        var sentiments = SentimentModel.PredictBatch(texts);
        for (int i = 0; i < texts.Length; i++)
        {
            var p = themePredictions[i];
            var assigned = new List<ThemeScore>(p.Themes.Count);
            foreach (var id in p.Themes)
                if (Posts.Themes.TryParse(id, out var theme)) assigned.Add(new ThemeScore(theme, p.ProbabilityOf(id)));
            drafts[i].Themes = [.. assigned];
            drafts[i].Sentiment = ToLabel(sentiments[i].Label);
            drafts[i].SentimentScore = sentiments[i].Score;
        }
    }

    public static SentimentLabel ToLabel(string label) => label switch
    {
        SentimentLabels.Negative => SentimentLabel.Negative,
        SentimentLabels.Positive => SentimentLabel.Positive,
        _ => SentimentLabel.Neutral,
    };
}

/// <summary>Finds and loads the shipped models (data/models by default).</summary>
public static class TrendModels
{
    public const string DefaultDirectory = "data/models";

    public static string ThemesDirectory(string modelsDirectory) => Path.Combine(modelsDirectory, "themes");
    public static string SentimentFile(string modelsDirectory) => Path.Combine(modelsDirectory, "sentiment", "sentiment.zip");

    public static bool Exist(string modelsDirectory) =>
        File.Exists(Path.Combine(ThemesDirectory(modelsDirectory), ThemeModelManifest.ManifestFileName))
        && File.Exists(SentimentFile(modelsDirectory));

    /// <summary>The ML annotator when both model files are present, else the keyword rules (logged by the caller).</summary>
    public static IPostAnnotator LoadAnnotator(string modelsDirectory)
    {
        if (!Exist(modelsDirectory)) return new KeywordAnnotator();
        var annotator = new ModelAnnotator(ThemeModel.Load(ThemesDirectory(modelsDirectory)), SentimentModel.Load(SentimentFile(modelsDirectory)));
        // Loading and checking the models leaves tens of MB of large, dead arrays (zip buffers, ML.NET weight copies):
        // compact them away once so that they do not stay in the process's memory for its whole life.
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return annotator;
    }
}

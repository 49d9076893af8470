using GenAITrends.Core.Classification;
using GenAITrends.Core.Sentiment;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>
/// The shipped theme and sentiment models (data/models, copied to the test output by the project file; a checkout's
/// data/models found from GenAITrends.sln otherwise), loaded once for every test of the collection.
/// </summary>
public sealed class ShippedModels
{
    public ShippedModels()
    {
        ModelsDirectory = FindModelsDirectory();
        Themes = ThemeModel.Load(TrendModels.ThemesDirectory(ModelsDirectory));
        Sentiment = SentimentModel.Load(TrendModels.SentimentFile(ModelsDirectory));
    }

    public string ModelsDirectory { get; }

    public ThemeModel Themes { get; }

    public SentimentModel Sentiment { get; }

    public static string FindModelsDirectory()
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "data", "models");
        if (TrendModels.Exist(copied)) return copied;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GenAITrends.sln")))
            {
                var models = Path.Combine(dir.FullName, "data", "models");
                if (TrendModels.Exist(models)) return models;
            }
        }
        throw new DirectoryNotFoundException($"No shipped models (data/models) next to {AppContext.BaseDirectory} or in the checkout.");
    }

    /// <summary>A fixture CSV copied next to the test assembly (hand-written posts, never real post text).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadFixture(params string[] relative) =>
        CsvRecords.ReadWithHeader(Path.Combine([AppContext.BaseDirectory, .. relative])).ToList();
}

[CollectionDefinition(Name)]
public sealed class ShippedModelsCollection : ICollectionFixture<ShippedModels>
{
    public const string Name = "Shipped models";
}

using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Core.Tests.Reports;

/// <summary>Tags posts with the sample corpus's writers' labels (themes and sentiment), as a trained model would.</summary>
public sealed class SampleLabelsAnnotator : IPostAnnotator
{
    private readonly Dictionary<string, (Theme[] Themes, SentimentLabel Sentiment)> _labels = [];

    public SampleLabelsAnnotator(string labelsCsv)
    {
        foreach (var line in File.ReadLines(labelsCsv).Skip(1))
        {
            var parts = line.Split(',');
            var themes = parts[1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(t => Themes.TryParse(t, out var th) ? th : (Theme?)null).OfType<Theme>().ToArray();
            _labels[parts[0]] = (themes, Enum.Parse<SentimentLabel>(parts[2], ignoreCase: true));
        }
    }

    public string Version => "sample-labels";

    public void Annotate(IReadOnlyList<PostDraft> drafts)
    {
        foreach (var d in drafts)
        {
            if (d.PlatformPostId is null || !_labels.TryGetValue(d.PlatformPostId, out var l)) continue;
            d.Themes = [.. l.Themes.Select(t => new ThemeScore(t, 0.9f))];
            d.Sentiment = l.Sentiment;
            d.SentimentScore = l.Sentiment switch { SentimentLabel.Positive => 0.7f, SentimentLabel.Negative => -0.7f, _ => 0f };
        }
    }
}

/// <summary>A temp SQLite file with the 3,300-post sample corpus imported through the real pipeline.</summary>
public sealed class SampleCorpusFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "genaitrends-report-tests-" + Guid.NewGuid().ToString("N")[..8]);
    public string ConnectionString { get; private set; } = "";

    public static string RepoFile(string relative) => Path.Combine(RepositoryPaths.FindRepositoryRoot()!, relative);

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        ConnectionString = DatabaseLocation.Resolve(null, Path.Combine(Directory, "sample.db"));
        await DatabaseInitializer.MigrateAsync(ConnectionString);
        var importer = new PostImporter(ConnectionString, new SampleLabelsAnnotator(RepoFile("data/sample/labels.csv")), NullLogger<PostImporter>.Instance);
        var result = await importer.ImportAsync(new ImportRequest(RepoFile("data/sample/posts.csv")));
        Assert.True(result.Succeeded, result.Error);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

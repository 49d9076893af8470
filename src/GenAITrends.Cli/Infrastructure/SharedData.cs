using GenAITrends.Core.Storage;

namespace GenAITrends.Cli.Infrastructure;

/// <summary>Where the public reference data lives: a `shared/` folder beside the checkout (see docs/model-card.md).</summary>
public static class SharedData
{
    public static string Root(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        var repo = RepositoryPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(repo).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "real");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Path.GetFullPath(Path.Combine(repo, "..", "shared", "data", "real"));
    }
}

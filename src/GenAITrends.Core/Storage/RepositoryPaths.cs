namespace GenAITrends.Core.Storage;

/// <summary>Finds shipped files (sample data, models) from a checkout or next to a published binary.</summary>
public static class RepositoryPaths
{
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "GenAITrends.sln"))) return dir.FullName;
        }
        return null;
    }

    /// <summary>An absolute path as is; a relative one against the repository root, else the app's folder.</summary>
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var root = FindRepositoryRoot();
        if (root is not null && (File.Exists(Path.Combine(root, path)) || Directory.Exists(Path.Combine(root, path))))
            return Path.Combine(root, path);
        return Path.Combine(AppContext.BaseDirectory, path);
    }

    /// <summary>Where to write a file that belongs to the checkout (models): the repository root, else the current folder.</summary>
    public static string ResolveForWrite(string path) =>
        Path.IsPathRooted(path) ? path : Path.Combine(FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), path);
}

using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>
/// Resolves the one connection string web and CLI share. A relative SQLite path is taken relative to
/// the repository root (the folder holding GenAITrends.sln) when run from a checkout, so
/// `dotnet run` of either project from anywhere in the tree opens the same file.
/// </summary>
public static class DatabaseLocation
{
    public const string DefaultConnectionString = "Data Source=.data/genaitrends.db";

    public static string Resolve(string? configured, string? dbPathOverride = null)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        // A path typed on the command line means the current folder, as any CLI argument does.
        if (!string.IsNullOrWhiteSpace(dbPathOverride))
            builder.DataSource = Path.GetFullPath(dbPathOverride);

        if (builder.DataSource is not (":memory:" or "") && builder.Mode != SqliteOpenMode.Memory)
        {
            var path = builder.DataSource;
            if (!Path.IsPathRooted(path))
                path = Path.GetFullPath(Path.Combine(RepositoryPaths.FindRepositoryRoot() ?? Directory.GetCurrentDirectory(), path));
            builder.DataSource = path;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }
        builder.ForeignKeys = true;
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    public static string DataSourcePath(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString).DataSource;
}

using System.Text;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// A fresh, migrated SQLite file in its own temp folder, deleted on dispose. Also the place where a
/// test writes the files it generates, so nothing outlives the test.
/// </summary>
public sealed class ImportTestDb : IAsyncDisposable
{
    /// <summary>"Now" for every import in these tests, so "more than a day in the future" is exact.</summary>
    public static readonly DateTimeOffset Now = new(2025, 6, 15, 12, 0, 0, TimeSpan.Zero);

    public string Folder { get; }
    public string DbPath { get; }
    public string ConnectionString { get; }
    public TimeProvider Clock { get; }

    private ImportTestDb(string folder, TimeProvider clock)
    {
        Folder = folder;
        DbPath = Path.Combine(folder, "test.db");
        // Pooling off: every connection really closes, so the folder can be deleted afterwards.
        ConnectionString = new SqliteConnectionStringBuilder(DatabaseLocation.Resolve(null, DbPath)) { Pooling = false }.ToString();
        Clock = clock;
    }

    public static async Task<ImportTestDb> CreateAsync(TimeProvider? clock = null)
    {
        var db = new ImportTestDb(NewFolder(), clock ?? new FixedClock(Now));
        await File.WriteAllBytesAsync(db.DbPath, await MigratedTemplate.Value);
        return db;
    }

    /// <summary>
    /// Migrating costs a few hundred milliseconds, so it is done once per test run and each test gets a
    /// byte copy of that freshly migrated file (all connections closed, so the WAL is checkpointed into it).
    /// </summary>
    private static readonly Lazy<Task<byte[]>> MigratedTemplate = new(async () =>
    {
        var template = new ImportTestDb(NewFolder(), TimeProvider.System);
        await DatabaseInitializer.MigrateAsync(template.ConnectionString);
        var bytes = await File.ReadAllBytesAsync(template.DbPath);
        await template.DisposeAsync();
        return bytes;
    });

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "genaitrends-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public PostImporter Importer() => new(ConnectionString, NoAnnotation.Instance, NullLogger<PostImporter>.Instance, Clock);

    /// <summary>A fresh database holding <paramref name="posts"/> generated posts (SyntheticExport), tagged by the keyword rules.</summary>
    public static async Task<ImportTestDb> WithSyntheticPostsAsync(int posts, int seed)
    {
        var db = await CreateAsync();
        var result = await new PostImporter(db.ConnectionString, new KeywordAnnotator(), NullLogger<PostImporter>.Instance, db.Clock)
            .ImportAsync(new ImportRequest(db.WriteSynthetic("synthetic.csv", posts, seed)), null, default);
        Assert.True(result.Succeeded, result.Error);
        return db;
    }

    /// <summary>Writes a generated export (SyntheticExport numbers posts from the same first id whatever the seed).</summary>
    public string WriteSynthetic(string name, int posts, int seed)
    {
        var path = Path.Combine(Folder, name);
        SyntheticExport.Write(path, posts, seed);
        return path;
    }

    public Task<ImportResult> ImportAsync(string path, CancellationToken ct = default) =>
        Importer().ImportAsync(new ImportRequest(path), null, ct);

    /// <summary>Imports a file that must succeed; fails the test with the importer's message otherwise.</summary>
    public async Task<ImportResult> ImportOkAsync(string path)
    {
        var result = await ImportAsync(path);
        Assert.True(result.Succeeded, $"import of {Path.GetFileName(path)} failed: {result.Error}");
        return result;
    }

    /// <summary>Writes a file into the test's folder, with the encoding's byte-order mark if it has one.</summary>
    public string WriteText(string name, string content, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        return WriteBytes(name, [.. encoding.GetPreamble(), .. encoding.GetBytes(content)]);
    }

    public string WriteBytes(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public TrendsDbContext Context() => new(DatabaseInitializer.Options(ConnectionString));

    public long PostCount() => Scalar("SELECT count(*) FROM Posts");

    /// <summary>The first column of every row of a query, as ids.</summary>
    public List<long> Ids(string sql)
    {
        using var c = SqliteConnections.Open(ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var ids = new List<long>();
        while (r.Read()) ids.Add(r.GetInt64(0));
        return ids;
    }

    public long Scalar(string sql)
    {
        using var c = SqliteConnections.Open(ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar());
    }

    public async Task<List<Post>> PostsAsync()
    {
        await using var db = Context();
        return await db.Posts.AsNoTracking()
            .Include(p => p.Author).Include(p => p.RetweetedAuthor)
            .OrderBy(p => p.Id).ToListAsync();
    }

    public async Task<Post> PostAsync(Func<Post, bool> predicate)
    {
        var posts = await PostsAsync();
        return Assert.Single(posts, p => predicate(p));
    }

    public async Task<ImportBatch> BatchAsync(long id)
    {
        await using var db = Context();
        return await db.ImportBatches.AsNoTracking().SingleAsync(b => b.Id == id);
    }

    public async Task<List<RejectedRow>> RejectedRowsAsync(long batchId)
    {
        await using var db = Context();
        return await db.RejectedRows.AsNoTracking().Where(r => r.BatchId == batchId).OrderBy(r => r.LineNumber).ToListAsync();
    }

    /// <summary>How many posts the full-text index (built on the NFKC-folded matching text) finds for a query.</summary>
    public long FtsCount(string word)
    {
        using var c = SqliteConnections.Open(ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM PostsFts WHERE PostsFts MATCH $q";
        cmd.Parameters.AddWithValue("$q", word);
        return (long)cmd.ExecuteScalar()!;
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* best effort: a leftover temp folder must not fail the test */ }
        catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

/// <summary>Paths of the hand-written fixtures copied next to the test assembly.</summary>
public static class Fixtures
{
    public static string Root => Path.Combine(AppContext.BaseDirectory, "Ingestion", "Fixtures");

    public static string Get(params string[] parts) => Path.Combine([Root, .. parts]);
}

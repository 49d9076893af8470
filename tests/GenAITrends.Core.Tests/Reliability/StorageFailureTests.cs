using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using GenAITrends.Core.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Core.Tests.Reliability;

/// <summary>
/// A full disk or a read-only database: the import fails with a message an admin understands, and the
/// database is exactly as it was.
/// </summary>
public sealed class StorageFailureTests
{
    private const int FilePosts = 20_000;

    /// <summary>
    /// SQLITE_FULL (13) the deterministic way: <c>PRAGMA max_page_count</c> caps the database a little above
    /// its current size, so the batch row still fits but the import's posts do not. The pragma belongs to a
    /// connection, not to the file, so it is set on pooled connections of the very connection string the
    /// importer is given; every connection the importer opens is one of them (it never holds more than one).
    /// A real ENOSPC surfaces as the same SQLITE_FULL from the same write path.
    /// </summary>
    [Fact(Timeout = 120_000)]
    public async Task A_full_disk_mid_import_rolls_back_with_a_clear_message()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var file = Path.Combine(db.Folder, "big.csv");
        SyntheticExport.Write(file, FilePosts, seed: 5);
        var before = DbFingerprint.Read(db.ConnectionString);
        var batchesBefore = db.Scalar("SELECT count(*) FROM ImportBatches");

        var pooled = new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = true }.ToString();
        var pageCount = db.Scalar("PRAGMA page_count");
        var cap = pageCount + 64; // 256 KB of headroom: the batch row and its failure record, not 20,000 posts
        try
        {
            LimitPooledConnections(pooled, $"PRAGMA max_page_count = {cap}", connections: 4);
            var importer = new PostImporter(pooled, NoAnnotation.Instance, NullLogger<PostImporter>.Instance, db.Clock);

            var result = await importer.ImportAsync(new ImportRequest(file));

            Assert.Equal(ImportStatus.Failed, result.Status);
            Assert.Equal("The disk is full: the import was rolled back and nothing was changed.", result.Error);
            Assert.Equal((0, 0, 0), (result.Imported, result.Updated, result.Duplicates));
            Assert.True(result.BatchId > 0);

            // The cap really was in force on the importer's connections (not just on ours).
            using (var c = new SqliteConnection(pooled))
            {
                c.Open();
                using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA max_page_count";
                Assert.Equal(cap, Convert.ToInt64(cmd.ExecuteScalar()));
            }

            var batch = await db.BatchAsync(result.BatchId);
            Assert.Equal(ImportStatus.Failed, batch.Status);
            Assert.Equal(result.Error, batch.Error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }

        Assert.Equal("ok", IntegrityCheck(db));
        Assert.Equal(before, DbFingerprint.Read(db.ConnectionString));
        Assert.Equal(batchesBefore + 1, db.Scalar("SELECT count(*) FROM ImportBatches"));

        // Space back: the same file goes in whole.
        var again = await db.ImportOkAsync(file);
        Assert.Equal(FilePosts, again.Imported);
        Assert.Equal(before.Posts + FilePosts, db.PostCount());
    }

    /// <summary>
    /// A disk already full to the last page: whichever write fails first (the batch row or the posts), the
    /// import reports the full disk and changes nothing.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task An_already_full_disk_fails_cleanly_whichever_write_hits_it_first()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var file = Path.Combine(db.Folder, "posts.csv");
        SyntheticExport.Write(file, 2_000, seed: 8);
        var before = DbFingerprint.Read(db.ConnectionString);

        var pooled = new SqliteConnectionStringBuilder(db.ConnectionString) { Pooling = true }.ToString();
        try
        {
            LimitPooledConnections(pooled, $"PRAGMA max_page_count = {db.Scalar("PRAGMA page_count")}", connections: 4);
            var importer = new PostImporter(pooled, NoAnnotation.Instance, NullLogger<PostImporter>.Instance, db.Clock);

            var result = await importer.ImportAsync(new ImportRequest(file));

            Assert.Equal(ImportStatus.Failed, result.Status);
            Assert.Equal("The disk is full: the import was rolled back and nothing was changed.", result.Error);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
        Assert.Equal("ok", IntegrityCheck(db));
        Assert.Equal(before, DbFingerprint.Read(db.ConnectionString));
    }

    /// <summary>
    /// A read-only database. Tests run as root in CI, where chmod does not stop a write, so the importer is
    /// given a <c>Mode=ReadOnly</c> connection string: SQLite opens the file with SQLITE_OPEN_READONLY, which
    /// is exactly what it falls back to when a read-write open is refused (file mode, read-only mount), and
    /// every write then fails with SQLITE_READONLY (8). The first write is the batch row itself.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task A_read_only_database_fails_cleanly_and_changes_nothing()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var file = Path.Combine(db.Folder, "posts.csv");
        SyntheticExport.Write(file, 2_000, seed: 6);
        var before = DbFingerprint.Read(db.ConnectionString);
        var batchesBefore = db.Scalar("SELECT count(*) FROM ImportBatches");

        var readOnly = new SqliteConnectionStringBuilder(db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        var importer = new PostImporter(readOnly, NoAnnotation.Instance, NullLogger<PostImporter>.Instance, db.Clock);

        var result = await importer.ImportAsync(new ImportRequest(file));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal("The database is read-only: the import was rolled back and nothing was changed.", result.Error);
        Assert.Equal((0, 0, 0), (result.Imported, result.Updated, result.Duplicates));
        Assert.Equal(0, result.BatchId); // there was nowhere to record a batch

        Assert.Equal("ok", IntegrityCheck(db));
        Assert.Equal(before, DbFingerprint.Read(db.ConnectionString));
        Assert.Equal(batchesBefore, db.Scalar("SELECT count(*) FROM ImportBatches"));
    }

    /// <summary>
    /// The web queue creates the batch row at upload time; if the database is read-only by the time the
    /// import runs, marking it running is the first write that fails. Clean failure, nothing changed, and the
    /// queued row is left for <see cref="ImportBatches.FailInterruptedAsync"/> at the next start.
    /// </summary>
    [Fact(Timeout = 60_000)]
    public async Task A_queued_import_on_a_database_gone_read_only_fails_cleanly()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var file = Path.Combine(db.Folder, "posts.csv");
        SyntheticExport.Write(file, 2_000, seed: 6);
        var queued = await ImportBatches.CreateAsync(db.ConnectionString, "posts.csv", new FileInfo(file).Length, "admin", db.Clock, CancellationToken.None);
        var before = DbFingerprint.Read(db.ConnectionString);

        var readOnly = new SqliteConnectionStringBuilder(db.ConnectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        var importer = new PostImporter(readOnly, NoAnnotation.Instance, NullLogger<PostImporter>.Instance, db.Clock);

        var result = await importer.ImportAsync(new ImportRequest(file) { ExistingBatchId = queued });

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal("The database is read-only: the import was rolled back and nothing was changed.", result.Error);
        Assert.Equal(queued, result.BatchId);
        Assert.Equal("ok", IntegrityCheck(db));
        Assert.Equal(before, DbFingerprint.Read(db.ConnectionString));
        Assert.Equal(ImportStatus.Queued, (await db.BatchAsync(queued)).Status);

        Assert.Equal(1, await ImportBatches.FailInterruptedAsync(db.ConnectionString, db.Clock, CancellationToken.None));
        Assert.Equal(ImportStatus.Failed, (await db.BatchAsync(queued)).Status);
    }

    /// <summary>Opens <paramref name="connections"/> pooled connections at once, runs the pragma on each, returns them to the pool.</summary>
    private static void LimitPooledConnections(string pooledConnectionString, string pragma, int connections)
    {
        var open = new List<SqliteConnection>();
        try
        {
            for (int i = 0; i < connections; i++)
            {
                var c = new SqliteConnection(pooledConnectionString);
                c.Open();
                open.Add(c);
                using var cmd = c.CreateCommand();
                cmd.CommandText = pragma;
                cmd.ExecuteNonQuery();
            }
        }
        finally
        {
            foreach (var c in open) c.Dispose();
        }
    }

    private static string IntegrityCheck(ImportTestDb db)
    {
        using var c = SqliteConnections.Open(db.ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        return Convert.ToString(cmd.ExecuteScalar())!;
    }
}

using System.Diagnostics;
using System.Text.Json;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using GenAITrends.Core.Tests.Ingestion;
using nietras.SeparatedValues;
using Xunit.Abstractions;

namespace GenAITrends.Core.Tests.Reliability;

/// <summary>
/// kill -9 in the middle of a large import (ADR 001): the database stays intact, nothing of the killed
/// import is visible, the batch is recorded failed once the app notices, and a re-run is exactly-once.
/// </summary>
public sealed class CrashDuringImportTests(ITestOutputHelper output)
{
    // Large enough (a ~100 MB database) that the import's 64 MB page cache spills into the WAL about two
    // thirds of the way through: the kill then lands while uncommitted frames of the open transaction are
    // on disk, the case WAL recovery must get right. (300k posts would widen the window but cost a minute.)
    private const int LargePosts = 200_000;
    private const int BaselinePosts = 5_000;
    private const long PartWayWalBytes = 4L << 20;

    private static readonly TimeSpan ImportTimeout = TimeSpan.FromMinutes(3);

    [Fact(Timeout = 6 * 60_000)]
    public async Task Killing_the_cli_mid_import_keeps_the_database_intact_and_a_rerun_is_exactly_once()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var baseline = Path.Combine(db.Folder, "baseline.csv");
        var large = Path.Combine(db.Folder, "large.csv");
        SyntheticExport.Write(baseline, BaselinePosts, seed: 11);
        SyntheticExport.Write(large, LargePosts, seed: 7);
        var expectedKeys = DistinctPostIds(baseline, large);

        // A committed baseline, so "unchanged" means something: the same ids as the first rows of the large file.
        var first = await ImportWithCliAsync(db, baseline);
        Assert.Equal(BaselinePosts, first.GetProperty("imported").GetInt64());
        var before = DbFingerprint.Read(db.ConnectionString);
        Assert.Equal(BaselinePosts, before.Posts);

        // Start the large import and kill it once it is well under way.
        // A WAL file left by an earlier connection is reused from its start without shrinking: count growth past it.
        var walBefore = File.Exists(db.DbPath + "-wal") ? new FileInfo(db.DbPath + "-wal").Length : 0;
        var watch = Stopwatch.StartNew();
        long killedBatch, walAtKill;
        using (var cli = CliProcess.Start("import", "--db", db.DbPath, "--json", large))
        {
            (killedBatch, walAtKill) = await WaitUntilPartWayAsync(db, cli, walBefore, TimeSpan.FromMinutes(2));
            cli.Kill();
            output.WriteLine($"killed pid {cli.Id} after {watch.Elapsed.TotalSeconds:F1} s: batch {killedBatch} running, WAL {walAtKill / 1e6:F1} MB");
            Assert.Equal("", cli.Stdout.Trim()); // it never got to print a summary
        }
        Assert.True(File.Exists(db.DbPath + "-wal"), "the killed import left no WAL behind");

        // Recovery: the first connection replays only committed frames.
        Assert.Equal("ok", IntegrityCheck(db));
        Assert.Equal(before, DbFingerprint.Read(db.ConnectionString));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM Posts WHERE CreatedByBatchId = {killedBatch}"));
        Assert.Equal(ImportStatus.Running, (await db.BatchAsync(killedBatch)).Status);

        // What the web app does at start: the orphaned batch becomes failed, and only that one.
        Assert.Equal(1, await ImportBatches.FailInterruptedAsync(db.ConnectionString, db.Clock, CancellationToken.None));
        var killed = await db.BatchAsync(killedBatch);
        Assert.Equal(ImportStatus.Failed, killed.Status);
        Assert.StartsWith("Interrupted", killed.Error);
        Assert.Equal((0, 0, 0), (killed.Imported, killed.Updated, killed.Duplicates));

        // Re-run: exactly the file's posts, no loss, no duplicates, rollups in agreement.
        watch.Restart();
        var rerun = await ImportWithCliAsync(db, large);
        output.WriteLine($"re-import of {LargePosts:N0} posts: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(LargePosts, rerun.GetProperty("rows").GetInt64());
        Assert.Equal(LargePosts - BaselinePosts, rerun.GetProperty("imported").GetInt64());
        Assert.Equal(BaselinePosts, rerun.GetProperty("updated").GetInt64() + rerun.GetProperty("duplicates").GetInt64());
        Assert.True(rerun.GetProperty("batch").GetInt64() > killedBatch);

        Assert.Equal("ok", IntegrityCheck(db));
        var after = DbFingerprint.Read(db.ConnectionString);
        Assert.Equal(expectedKeys, after.Posts);
        Assert.Equal(expectedKeys, db.Scalar("SELECT count(DISTINCT PlatformPostId) FROM Posts"));
        Assert.Equal(expectedKeys, after.FtsRows);
        Assert.Equal(expectedKeys, after.DailyRollupPosts);
        Assert.Equal(
            db.Scalar("SELECT coalesce(sum(Likes + Reposts + Replies + Quotes), 0) FROM Posts"),
            db.Scalar("SELECT coalesce(sum(Engagement), 0) FROM DailyRollups WHERE Theme = 0"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM Posts WHERE CreatedByBatchId = {killedBatch}"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM ImportBatches WHERE Status IN ({(int)ImportStatus.Queued}, {(int)ImportStatus.Running})"));
    }

    /// <summary>
    /// Part-way = the batch is Running and its uncommitted pages have spilled into the WAL past a few MB
    /// (the committed database file itself has not moved). Fails if the CLI finishes or dies first.
    /// </summary>
    private static async Task<(long BatchId, long WalBytes)> WaitUntilPartWayAsync(ImportTestDb db, CliProcess cli, long startBytes, TimeSpan timeout)
    {
        var wal = new FileInfo(db.DbPath + "-wal");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (cli.HasExited)
                Assert.Fail($"the import ended (exit {cli.ExitCode}) before it could be killed part-way; use a larger file. stdout: {cli.Stdout} stderr: {cli.Stderr}");
            wal.Refresh();
            if (wal.Exists && wal.Length > startBytes + PartWayWalBytes)
            {
                var running = db.Scalar($"SELECT coalesce(max(Id), 0) FROM ImportBatches WHERE Status = {(int)ImportStatus.Running}");
                if (running > 0) return (running, wal.Length);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the import did not get part-way within {timeout} (WAL {(wal.Exists ? wal.Length : 0)} bytes). stderr: {cli.Stderr}");
    }

    private static async Task<JsonElement> ImportWithCliAsync(ImportTestDb db, string file)
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(ImportTimeout, "import", "--db", db.DbPath, "--json", file);
        Assert.True(exit == 0, $"import of {Path.GetFileName(file)} exited {exit}: {stdout} {stderr}");
        var summary = JsonDocument.Parse(stdout.Trim().Split('\n')[^1]).RootElement.Clone();
        Assert.Equal("succeeded", summary.GetProperty("status").GetString());
        return summary;
    }

    private static string IntegrityCheck(ImportTestDb db)
    {
        using var c = SqliteConnections.Open(db.ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        using var r = cmd.ExecuteReader();
        var lines = new List<string>();
        while (r.Read()) lines.Add(r.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>The dedupe keys the files hold: every synthetic row has a reliable post id.</summary>
    private static long DistinctPostIds(params string[] files)
    {
        var ids = new HashSet<string>();
        foreach (var file in files)
        {
            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file);
            foreach (var row in reader) ids.Add(row["post_id"].ToString());
        }
        return ids.Count;
    }
}

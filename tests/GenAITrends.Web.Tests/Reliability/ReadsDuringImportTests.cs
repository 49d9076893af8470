using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GenAITrends.Core.Ingestion;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace GenAITrends.Web.Tests.Reliability;

/// <summary>
/// While a large import runs, the dashboard keeps answering from the last committed state (WAL): every
/// response of /api/trends/share carries exactly the before-import or the after-import totals, never a mix.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ReadsDuringImportTests(ITestOutputHelper output)
{
    private const string ShareQuery = "/api/trends/share?from=2023-01-01&to=2024-12-31&granularity=month";
    private const int BaselinePosts = 10_000;
    // About 75 MB of database: the importer's 64 MB page cache spills uncommitted pages into the WAL near
    // the end of the import, so readers also race a WAL holding frames they must not see. Two readers with a
    // short pause keep the two CI cores mostly for the import (four back-to-back readers tripled its time).
    private const int LargePosts = 150_000;
    private const int Readers = 2;
    private static readonly TimeSpan PauseBetweenReads = TimeSpan.FromMilliseconds(20);

    private sealed record Read(TimeSpan Start, TimeSpan End, HttpStatusCode Status, long[]? Total, long WalBytes, bool DuringImport);

    [Fact(Timeout = 5 * 60_000)]
    public async Task Share_totals_during_a_large_import_are_the_before_or_the_after_totals_never_a_mix()
    {
        using var app = new ReliabilityApp();
        using var client = app.CreateClient();
        var baseline = Path.Combine(app.Folder, "baseline.csv");
        var large = Path.Combine(app.Folder, "large.csv");
        SyntheticExport.Write(baseline, BaselinePosts, seed: 21);
        SyntheticExport.Write(large, LargePosts, seed: 22);

        var first = await app.ImportAsync(baseline);
        Assert.True(first.Succeeded, first.Error);
        var before = await TotalAsync(client);
        Assert.Equal(BaselinePosts, before.Sum());

        // Start from an empty WAL, so its size during the import is the import's own (uncommitted) frames.
        using (var c = new SqliteConnection(app.ConnectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            cmd.ExecuteNonQuery();
        }
        var wal = new FileInfo(app.DatabasePath + "-wal");
        var clock = Stopwatch.StartNew();
        using var importTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var import = Task.Run(() => app.ImportAsync(large, importTimeout.Token));

        async Task<List<Read>> ReadUntilImportEnds()
        {
            var reads = new List<Read>();
            while (!import.IsCompleted && reads.Count < 100_000)
            {
                wal.Refresh();
                var walBytes = wal.Exists ? wal.Length : 0;
                var start = clock.Elapsed;
                using var response = await client.GetAsync(ShareQuery);
                long[]? total = null;
                if (response.IsSuccessStatusCode)
                    total = Totals(await response.Content.ReadAsStringAsync());
                // Counted as "during" only if the import was still running when the answer arrived.
                reads.Add(new Read(start, clock.Elapsed, response.StatusCode, total, walBytes, !import.IsCompleted));
                await Task.Delay(PauseBetweenReads);
            }
            return reads;
        }

        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(ReadUntilImportEnds)).ToArray();
        var result = await import;
        var importTime = clock.Elapsed;
        var reads = (await Task.WhenAll(readers)).SelectMany(r => r).ToList();
        Assert.True(result.Succeeded, result.Error);

        var after = await TotalAsync(client);
        Assert.NotEqual(before, after);
        using (var c = new SqliteConnection(app.ConnectionString))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT (SELECT count(*) FROM Posts), (SELECT coalesce(sum(Posts), 0) FROM DailyRollups WHERE Theme = 0)";
            using var r = cmd.ExecuteReader();
            r.Read();
            Assert.Equal(r.GetInt64(0), after.Sum());
            Assert.Equal(r.GetInt64(1), after.Sum());
        }

        var during = reads.Where(r => r.DuringImport).ToList();
        var sawBefore = during.Count(r => r.Total is not null && r.Total.SequenceEqual(before));
        var sawAfter = reads.Count(r => r.Total is not null && r.Total.SequenceEqual(after));
        var withSpill = during.Count(r => r.WalBytes > 1 << 20);
        var latencies = during.Select(r => (r.End - r.Start).TotalMilliseconds).Order().ToList();
        output.WriteLine($"import of {LargePosts:N0} posts: {importTime.TotalSeconds:F1} s; {reads.Count} reads by {Readers} readers, {during.Count} answered during the import " +
                         $"({withSpill} while the WAL held over 1 MB of uncommitted pages); {sawBefore} saw the before totals, {sawAfter} the after totals");
        if (latencies.Count > 0)
            output.WriteLine($"read latency during the import: p50 {Percentile(latencies, 50):F1} ms, p99 {Percentile(latencies, 99):F1} ms, max {latencies[^1]:F1} ms");
        output.WriteLine($"before: {before.Sum():N0} posts, after: {after.Sum():N0} posts in range");

        Assert.All(reads, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.All(reads, r => Assert.True(r.Total!.SequenceEqual(before) || r.Total!.SequenceEqual(after),
            $"a read at {r.Start.TotalSeconds:F2} s saw totals [{string.Join(",", r.Total!)}] (sum {r.Total!.Sum()}), neither before ({before.Sum()}) nor after ({after.Sum()})"));
        Assert.True(during.Count >= 20, $"only {during.Count} reads overlapped the import: the test did not race it");
        Assert.True(sawBefore >= 20, $"only {sawBefore} reads saw the committed state while the import was writing");
    }

    private static async Task<long[]> TotalAsync(HttpClient client)
    {
        using var response = await client.GetAsync(ShareQuery);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{ShareQuery}: {(int)response.StatusCode} {body}");
        return Totals(body);
    }

    private static long[] Totals(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.GetProperty("total").EnumerateArray().Select(e => e.GetInt64())];
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}

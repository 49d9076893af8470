using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace GenAITrends.Web.Tests.Reliability;

public sealed record LoadReport(
    string Target, int Connections, double Seconds, long Requests, long Errors, double RequestsPerSecond,
    double P50Ms, double P95Ms, double P99Ms, double MaxMs, IReadOnlyList<string> ErrorSamples)
{
    public override string ToString() =>
        $"{Requests:N0} requests over {Connections} connections in {Seconds:F1} s ({RequestsPerSecond:N0}/s), {Errors} errors; " +
        $"latency p50 {P50Ms:F1} ms, p95 {P95Ms:F1} ms, p99 {P99Ms:F1} ms, max {MaxMs:F1} ms";
}

/// <summary>
/// A small closed-loop load generator: <c>connections</c> workers, each with one request in flight, for a
/// fixed time and at most a fixed number of requests; it stops by itself. Refuses any host but 127.0.0.1
/// and never goes through a proxy.
/// </summary>
public static class LoadGenerator
{
    public static async Task<LoadReport> RunAsync(Uri baseAddress, IReadOnlyList<string> paths, int connections, TimeSpan duration, long maxRequests, CancellationToken ct = default)
    {
        if (baseAddress.Host != "127.0.0.1" || !IPAddress.IsLoopback(IPAddress.Parse(baseAddress.Host)))
            throw new ArgumentException($"Load is only ever sent to 127.0.0.1, not {baseAddress}.", nameof(baseAddress));

        using var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AllowAutoRedirect = false,
        };
        using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(15) };

        // Warm-up (JIT, connection set-up, first queries), not measured.
        foreach (var path in paths)
        {
            using var warm = await client.GetAsync(path, ct);
            warm.EnsureSuccessStatusCode();
        }

        long issued = 0, errors = 0;
        var samples = new List<string>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(w => Task.Run(async () =>
        {
            var latencies = new List<double>(4096);
            var i = w;
            while (clock.Elapsed < duration && !ct.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests)
            {
                var path = paths[i++ % paths.Count];
                var start = Stopwatch.GetTimestamp();
                string? error = null;
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    if (response.StatusCode != HttpStatusCode.OK) error = $"{(int)response.StatusCode} for {path}";
                    else if (body.Length == 0 || body[0] != (byte)'{') error = $"not a JSON object for {path}";
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    error = $"{ex.GetType().Name} for {path}: {ex.Message}";
                }
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (error is not null)
                {
                    Interlocked.Increment(ref errors);
                    lock (samples) if (samples.Count < 10) samples.Add(error);
                }
            }
            return latencies;
        }, CancellationToken.None)).ToArray();

        var all = (await Task.WhenAll(workers)).SelectMany(l => l).Order().ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        return new LoadReport(
            new Uri(baseAddress, paths[0]).GetLeftPart(UriPartial.Path), connections, seconds, all.Count, errors, all.Count / seconds,
            ReadsDuringImportTests.Percentile(all, 50), ReadsDuringImportTests.Percentile(all, 95), ReadsDuringImportTests.Percentile(all, 99),
            all.Count == 0 ? double.NaN : all[^1], samples);
    }

    /// <summary>
    /// Where result files go: $GENAITRENDS_TEST_RESULTS if set, else TestResults/Reliability in the test
    /// project (TestResults/ is ignored by git and collected by CI with the rest of the test results).
    /// </summary>
    public static string ResultsFolder()
    {
        var configured = Environment.GetEnvironmentVariable("GENAITRENDS_TEST_RESULTS");
        string root;
        if (!string.IsNullOrWhiteSpace(configured)) root = configured;
        else
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenAITrends.Web.Tests.csproj"))) dir = dir.Parent;
            root = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults");
        }
        var folder = Path.Combine(root, "Reliability");
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string Write(LoadReport report, string name)
    {
        var path = Path.Combine(ResultsFolder(), name + ".json");
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            report.Target, report.Connections, report.Seconds, report.Requests, report.Errors, report.RequestsPerSecond,
            report.P50Ms, report.P95Ms, report.P99Ms, report.MaxMs, report.ErrorSamples,
            MachineProcessors = Environment.ProcessorCount,
            WrittenAtUtc = DateTime.UtcNow,
        }, new JsonSerializerOptions { WriteIndented = true }));
        File.WriteAllText(Path.ChangeExtension(path, ".txt"), report + Environment.NewLine);
        return path;
    }
}

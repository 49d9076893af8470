using GenAITrends.Core.Ingestion;
using Xunit.Abstractions;

namespace GenAITrends.Web.Tests.Reliability;

/// <summary>
/// 50 concurrent connections for 30 seconds on /api/trends/share, against the app served by Kestrel on
/// 127.0.0.1: zero errors. Latency percentiles go to the test output and to TestResults/Reliability.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ShareApiLoadTests(ITestOutputHelper output)
{
    private const int Connections = 50;
    private const int SeedPosts = 20_000;
    private const long MaxRequests = 2_000_000; // a bound on count as well as on time
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(30);

    // What the dashboard pages ask for: the two-year overview by month, a year by week, a quarter by day, one theme.
    private static readonly string[] Paths =
    [
        "/api/trends/share?from=2023-01-01&to=2024-12-31&granularity=month",
        "/api/trends/share?from=2024-01-01&to=2024-12-31&granularity=week",
        "/api/trends/share?from=2024-10-01&to=2024-12-31&granularity=day",
        "/api/trends/share?from=2023-01-01&to=2024-12-31&granularity=week&theme=open_source_llm_os",
    ];

    [Fact(Timeout = 3 * 60_000)]
    public async Task Fifty_connections_for_thirty_seconds_on_the_share_api_get_no_errors()
    {
        using var app = new ReliabilityApp(kestrel: true);
        var baseAddress = app.StartLoopbackServer();
        var file = Path.Combine(app.Folder, "posts.csv");
        SyntheticExport.Write(file, SeedPosts, seed: 31);
        var seeded = await app.ImportAsync(file);
        Assert.True(seeded.Succeeded, seeded.Error);

        using var guard = new CancellationTokenSource(Duration + TimeSpan.FromSeconds(90));
        // First one connection for a few seconds: the service time, against which the 50-connection figures
        // (mostly queueing on two cores) can be read.
        var single = await LoadGenerator.RunAsync(baseAddress, Paths, 1, TimeSpan.FromSeconds(5), MaxRequests, guard.Token);
        var report = await LoadGenerator.RunAsync(baseAddress, Paths, Connections, Duration, MaxRequests, guard.Token);

        LoadGenerator.Write(single, "share-api-1-connection");
        var path = LoadGenerator.Write(report, "share-api-load");
        output.WriteLine($"{report.Target} on {baseAddress} ({SeedPosts:N0} posts, {Environment.ProcessorCount} cores)");
        output.WriteLine($"  1 connection:  {single}");
        output.WriteLine($"  {Connections} connections: {report}");
        output.WriteLine($"written to {path}");

        Assert.True(single.Errors == 0, $"{single.Errors} errors, e.g. {string.Join("; ", single.ErrorSamples)}");
        Assert.True(report.Errors == 0, $"{report.Errors} errors, e.g. {string.Join("; ", report.ErrorSamples)}");
        Assert.True(report.Requests >= Connections * 10, $"only {report.Requests} requests in {report.Seconds:F1} s: the load did not happen");
        Assert.InRange(report.Seconds, Duration.TotalSeconds, Duration.TotalSeconds + 20);
    }
}

extern alias web;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Analytics;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>
/// `genaitrends bench api`: fills a database with synthetic posts when it has fewer than --posts, starts the
/// real web app in-process on a loopback Kestrel port (signed in by a bench-only scheme that exists only in
/// this process), calls the dashboard endpoints over HTTP and prints p50/p95 per endpoint, beside the same calls to a
/// second instance without the in-memory DailyRollups, then the time of the naive GROUP BY over the posts table that
/// the rollups replace.
/// </summary>
public sealed class BenchApiCommand : AsyncCommand<BenchApiCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Posts the database should hold (generated and imported when it has fewer; default 1,000,000)")]
        public int Posts { get; init; } = 1_000_000;

        [CommandOption("--iterations <N>")]
        [Description("Timed calls per endpoint (default 40, after 3 warm-up calls)")]
        public int Iterations { get; init; } = 40;

        public override ValidationResult Validate() =>
            Posts <= 0 || Iterations <= 0 ? ValidationResult.Error("--posts and --iterations must be positive")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var dbPath = settings.Db ?? Path.Combine(Path.GetTempPath(), $"genaitrends-bench-{settings.Posts}.db");
        using var cli = await CliContext.OpenAsync(dbPath, ct);
        var cs = cli.ConnectionString;

        var existing = Scalar(cs, "SELECT count(*) FROM Posts");
        if (existing < settings.Posts)
        {
            var csv = Path.Combine(Path.GetTempPath(), $"genaitrends-bench-{settings.Posts - existing}.csv");
            AnsiConsole.MarkupLine($"[grey]Database has {existing:N0} posts; generating and importing {settings.Posts - existing:N0} …[/]");
            SyntheticExport.Write(csv, (int)(settings.Posts - existing), seed: 42 + (int)existing);
            var importer = new PostImporter(cs, Annotators.Load(cli), cli.LoggerFactory.CreateLogger<PostImporter>());
            var result = await importer.ImportAsync(new ImportRequest(csv) { ImportedBy = "bench api" }, null, ct);
            File.Delete(csv);
            if (!result.Succeeded) { AnsiConsole.MarkupLine($"[red]Import failed: {Markup.Escape(result.Error ?? "")}[/]"); return 1; }
        }
        var posts = Scalar(cs, "SELECT count(*) FROM Posts");
        var first = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + (int)Scalar(cs, "SELECT min(Day) FROM DailyRollups"));
        var last = DateOnly.FromDayNumber(new DateOnly(1970, 1, 1).DayNumber + (int)Scalar(cs, "SELECT max(Day) FROM DailyRollups"));
        var topAuthor = Text(cs, "SELECT a.Handle FROM AuthorDailyRollups r JOIN Authors a ON a.Id = r.AuthorId WHERE r.Theme = 0 GROUP BY r.AuthorId ORDER BY sum(r.Posts) DESC LIMIT 1");

        // Two instances of the app on the same database: as shipped, and without the in-memory DailyRollups (every
        // chart call runs its GROUP BY over the table). Calls alternate between them, so both see the same load.
        await using var app = new BenchApp(cs, rollupCache: true);
        await using var sqlApp = new BenchApp(cs, rollupCache: false);
        var clients = new[] { app, sqlApp }.Select(a =>
        {
            a.UseKestrel(0);
            a.StartServer();
            var client = a.CreateClient();
            client.DefaultRequestHeaders.Add(BenchAuthHandler.Header, "Analyst");
            return client;
        }).ToArray();
        AnsiConsole.MarkupLine($"[grey]{posts:N0} posts, {first:yyyy-MM-dd} … {last:yyyy-MM-dd}; web app on {clients[0].BaseAddress} (and {clients[1].BaseAddress} without the rollup cache)[/]");

        string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var all = $"from={D(first)}&to={D(last)}";
        var year = $"from={D(last.AddDays(-364))}&to={D(last)}";
        var month = $"from={D(last.AddDays(-29))}&to={D(last)}";
        var calls = new (string Name, string Url)[]
        {
            ("share · 30 days by day", $"/api/trends/share?{month}&granularity=day"),
            ("share · year by week", $"/api/trends/share?{year}&granularity=week"),
            ("share · all by day", $"/api/trends/share?{all}&granularity=day"),
            ("share · all by month, engagement", $"/api/trends/share?{all}&granularity=month&weighting=engagement"),
            ("share · all by week, lang=en", $"/api/trends/share?{all}&granularity=week&lang=en"),
            ("share · all by day, top author", $"/api/trends/share?{all}&granularity=day&author={topAuthor}"),
            ("sentiment · all by day", $"/api/trends/sentiment?{all}&granularity=day"),
            ("spikes · all by day", $"/api/spikes?{all}&granularity=day"),
            ("influencers · 30 days, cloud", $"/api/influencers?{month}&theme=cloud"),
            ("influencers · all, all posts", $"/api/influencers?{all}"),
            ("rising terms · 30 days, security", $"/api/terms/rising?{month}&theme=security"),
            ("distinctive terms · all, security", $"/api/terms/rising?{all}&theme=security"),
            ("posts · newest, all", $"/api/posts?{all}"),
            ("posts · theme + 1 day", $"/api/posts?from={D(last)}&to={D(last)}&theme=cloud"),
            ("posts · all, most engagement", $"/api/posts?{all}&sort=engagement"),
            ("posts · security, most engagement", $"/api/posts?{all}&theme=security&sort=engagement"),
            ("posts · search \"prompt injection\"", $"/api/posts?{all}&q=prompt%20injection"),
            ("posts · search \"weather\" + lang", $"/api/posts?{all}&q=weather&lang=en"),
        };

        var table = new Table().AddColumns("Endpoint", "p50 ms", "p95 ms", "no cache p50", "no cache p95", "bytes");
        foreach (var (name, url) in calls)
        {
            var times = new[] { new List<double>(), new List<double>() };
            long bytes = 0;
            for (int i = 0; i < settings.Iterations + 3; i++)
                for (int a = 0; a < clients.Length; a++)
                {
                    var sw = Stopwatch.StartNew();
                    using var response = await clients[a].GetAsync(url, ct);
                    var body = await response.Content.ReadAsByteArrayAsync(ct);
                    sw.Stop();
                    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: HTTP {(int)response.StatusCode}");
                    bytes = body.Length;
                    if (i >= 3) times[a].Add(sw.Elapsed.TotalMilliseconds);
                }
            table.AddRow(Markup.Escape(name), P(times[0], 50), P(times[0], 95), P(times[1], 50), P(times[1], 95), bytes.ToString("N0", CultureInfo.InvariantCulture));
            AnsiConsole.MarkupLine($"[grey]  {Markup.Escape(name)}: p50 {P(times[0], 50)} ms, p95 {P(times[0], 95)} ms (no cache {P(times[1], 50)} / {P(times[1], 95)})[/]");
        }
        AnsiConsole.Write(table);

        // What a change costs the next chart call: reloading DailyRollups into memory.
        var reloads = new List<double>();
        int rows = 0;
        for (int i = 0; i < 6; i++)
        {
            using var c = SqliteConnections.Open(cs);
            var sw = Stopwatch.StartNew();
            var snapshot = await DailyRollupSnapshot.LoadAsync(c, DailyRollupCache.DefaultMaxRows, ct);
            if (i > 0) reloads.Add(sw.Elapsed.TotalMilliseconds);
            rows = snapshot?.Rows ?? 0;
        }
        AnsiConsole.MarkupLine($"Reloading the rollup cache after a change ({rows:N0} DailyRollups rows): p50 {P(reloads, 50)} ms of {reloads.Count} runs");

        // What the rollups replace: the same figures grouped straight from the posts table.
        var naive = new Table().AddColumns("Naive GROUP BY over Posts (same figures)", "p50 ms", "runs");
        foreach (var (name, sql) in new[]
        {
            ("share · all by day (posts ⋈ themes)", $"SELECT p.Day, coalesce(t.Theme, 0), count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes) FROM Posts p LEFT JOIN PostThemes t ON t.PostId = p.Id WHERE p.Day BETWEEN {Days(first)} AND {Days(last)} GROUP BY 1, 2"),
            ("share · 30 days by day", $"SELECT p.Day, coalesce(t.Theme, 0), count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes) FROM Posts p LEFT JOIN PostThemes t ON t.PostId = p.Id WHERE p.Day BETWEEN {Days(last.AddDays(-29))} AND {Days(last)} GROUP BY 1, 2"),
            ("influencers · all, all posts", $"SELECT AuthorId, count(*) AS n FROM Posts WHERE Day BETWEEN {Days(first)} AND {Days(last)} GROUP BY AuthorId ORDER BY n DESC LIMIT 10"),
        })
        {
            var times = new List<double>();
            for (int i = 0; i < 4; i++)
            {
                using var c = SqliteConnections.Open(cs);
                using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                var sw = Stopwatch.StartNew();
                using (var r = cmd.ExecuteReader()) while (r.Read()) { }
                if (i > 0) times.Add(sw.Elapsed.TotalMilliseconds);
            }
            naive.AddRow(Markup.Escape(name), P(times, 50), times.Count.ToString(CultureInfo.InvariantCulture));
        }
        AnsiConsole.Write(naive);
        return 0;
    }

    private static int Days(DateOnly d) => d.DayNumber - new DateOnly(1970, 1, 1).DayNumber;

    private static string P(List<double> times, int percentile)
    {
        var sorted = times.OrderBy(t => t).ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)].ToString("0.0", CultureInfo.InvariantCulture);
    }

    private static long Scalar(string cs, string sql)
    {
        using var c = SqliteConnections.Open(cs);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() is long v ? v : 0;
    }

    private static string Text(string cs, string sql)
    {
        using var c = SqliteConnections.Open(cs);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string ?? "";
    }

    /// <summary>The web app as deployed, plus a sign-in scheme that lives only in this benchmark process.</summary>
    private sealed class BenchApp(string connectionString, bool rollupCache) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            // The web project's folder in a checkout, else the folder of this binary (appsettings, wwwroot are not needed for the API).
            var root = RepositoryPaths.FindRepositoryRoot() is { } repo && Directory.Exists(Path.Combine(repo, "src", "GenAITrends.Web"))
                ? Path.Combine(repo, "src", "GenAITrends.Web") : AppContext.BaseDirectory;
            builder.UseContentRoot(root);
            builder.UseSetting("ConnectionStrings:Default", connectionString);
            builder.UseSetting("Seed:SampleData", "false");
            builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Error");
            builder.UseSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Warning");
            builder.ConfigureTestServices(services =>
            {
                if (!rollupCache) services.RemoveAll<DailyRollupCache>();
                services.AddAuthentication(o =>
                {
                    o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = o.DefaultForbidScheme = BenchAuthHandler.SchemeName;
                })
                .AddScheme<AuthenticationSchemeOptions, BenchAuthHandler>(BenchAuthHandler.SchemeName, _ => { });
            });
        }
    }

    private sealed class BenchAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "Bench";
        public const string Header = "X-Bench-Role";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var role = Request.Headers[Header].ToString();
            if (role.Length == 0) return Task.FromResult(AuthenticateResult.NoResult());
            var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "bench"), new Claim(ClaimTypes.Role, role)], SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }
    }
}

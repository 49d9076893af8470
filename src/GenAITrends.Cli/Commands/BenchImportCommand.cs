using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GenAITrends.Cli.Benchmarks;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>
/// Import throughput and peak memory against two references measured in the same run:
/// `sqlite3 .import` of the same file into a plain table, and a plain EF Core AddRange/SaveChanges loader.
/// </summary>
public sealed class BenchImportCommand : AsyncCommand<BenchImportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Posts in the generated file (default 1,000,000)")]
        public int Posts { get; init; } = 1_000_000;

        [CommandOption("--runs <R>")]
        [Description("Repetitions of each measure; medians are printed (default 3)")]
        public int Runs { get; init; } = 3;

        [CommandOption("--ef-posts <N>")]
        [Description("Posts loaded by the EF Core reference (default 100,000: it is slow)")]
        public int EfPosts { get; init; } = 100_000;
    }

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var result = Measure(settings.Posts, settings.Runs, settings.EfPosts);
        Print(result, settings);
        return Task.FromResult(0);
    }

    public sealed record Figures(double OursSeconds, double OursPostsPerSecond, double PeakMemoryMb, double SqliteSeconds,
        double SqlitePostsPerSecond, double EfPostsPerSecond, long FileBytes, int Posts);

    public static Figures Measure(int posts, int runs, int efPosts)
    {
        var dir = BenchRunner.ScratchDirectory();
        var file = Path.Combine(dir, $"generated-{posts}.csv");
        if (!File.Exists(file))
        {
            AnsiConsole.MarkupLine($"[grey]Generating {posts:N0} posts…[/]");
            SyntheticExport.Write(file, posts, seed: 42);
        }
        var fileBytes = new FileInfo(file).Length;
        var (self, prefix) = BenchRunner.Self();
        var db = Path.Combine(dir, "bench-import.db");
        var plain = Path.Combine(dir, "bench-plain.db");

        var ours = new List<double>();
        var peaks = new List<double>();
        var sqlite = new List<double>();
        var ef = new List<double>();
        for (int r = 0; r < runs; r++)
        {
            AnsiConsole.MarkupLine($"[grey]Run {r + 1}/{runs}…[/]");
            BenchRunner.DeleteDatabase(db);
            var run = BenchRunner.Run(self, [.. prefix, "import", "--json", "--db", db, file],
                new Dictionary<string, string> { ["GENAITRENDS_PRINT_PEAK_MEMORY"] = "1" });
            if (run.ExitCode != 0) throw new InvalidOperationException($"import failed: {run.StdOut} {run.StdErr}");
            using (var json = JsonDocument.Parse(run.StdOut.Trim().Split('\n')[^1]))
                ours.Add(json.RootElement.GetProperty("durationMs").GetDouble() / 1000);
            var peakLine = run.StdErr.Split('\n').FirstOrDefault(l => l.StartsWith("peak-working-set-bytes:", StringComparison.Ordinal));
            if (peakLine is not null) peaks.Add(double.Parse(peakLine.Split(':')[1], CultureInfo.InvariantCulture) / 1e6);

            BenchRunner.DeleteDatabase(plain);
            var s = BenchRunner.Run("sqlite3", [plain, "-cmd", ".mode csv", $".import {file} posts_plain"]);
            if (s.ExitCode != 0) throw new InvalidOperationException($"sqlite3 .import failed: {s.StdErr}");
            sqlite.Add(s.Elapsed.TotalSeconds);

            BenchRunner.DeleteDatabase(db);
            var cs = DatabaseLocation.Resolve(null, db);
            DatabaseInitializer.MigrateAsync(cs).GetAwaiter().GetResult();
            var sw = Stopwatch.StartNew();
            var loaded = EfCoreNaiveLoader.Load(file, cs, efPosts);
            ef.Add(loaded / sw.Elapsed.TotalSeconds);
        }
        BenchRunner.DeleteDatabase(db);
        BenchRunner.DeleteDatabase(plain);

        var oursMedian = BenchRunner.Median(ours);
        var sqliteMedian = BenchRunner.Median(sqlite);
        return new Figures(oursMedian, posts / oursMedian, peaks.Count > 0 ? peaks.Max() : double.NaN,
            sqliteMedian, posts / sqliteMedian, BenchRunner.Median(ef), fileBytes, posts);
    }

    private static void Print(Figures f, Settings s)
    {
        AnsiConsole.MarkupLine($"[bold]bench import[/]: {f.Posts:N0} posts, {f.FileBytes / 1e6:N0} MB file, medians of {s.Runs} runs; {Markup.Escape(BenchRunner.Machine())}");
        var t = new Table().AddColumns("measure", "seconds", "posts/s", "vs sqlite3 .import", "peak memory");
        t.AddRow("genaitrends import (parse, dedupe, classify, store, FTS, rollups)", $"{f.OursSeconds:N2}", $"{f.OursPostsPerSecond:N0}",
            $"{f.OursPostsPerSecond / f.SqlitePostsPerSecond:P0}", $"{f.PeakMemoryMb:N0} MB");
        t.AddRow("sqlite3 .import into a plain table", $"{f.SqliteSeconds:N2}", $"{f.SqlitePostsPerSecond:N0}", "100%", "–");
        t.AddRow($"EF Core AddRange/SaveChanges ({s.EfPosts:N0} posts)", "–", $"{f.EfPostsPerSecond:N0}",
            $"{f.EfPostsPerSecond / f.SqlitePostsPerSecond:P0}", "–");
        AnsiConsole.Write(t);
    }
}

using System.ComponentModel;
using System.Diagnostics;
using GenAITrends.Cli.Benchmarks;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Reports;
using GenAITrends.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>
/// Time to produce a PDF snapshot of the whole period of an N-post database (data source + charts + PDF), in process,
/// median of several runs after one warm-up. The database is generated and imported once and reused (or pass --db).
/// </summary>
public sealed class BenchReportCommand : AsyncCommand<BenchReportCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Posts in the generated database (default 1,000,000)")]
        public int Posts { get; init; } = 1_000_000;

        [CommandOption("--runs <R>")]
        [Description("Measured runs after one warm-up; the median is printed (default 5)")]
        public int Runs { get; init; } = 5;

        [CommandOption("--db <PATH>")]
        [Description("Use this database instead of generating one")]
        public string? Db { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var path = settings.Db ?? Path.Combine(BenchRunner.ScratchDirectory(), $"bench-report-{settings.Posts}.db");
        var cs = DatabaseLocation.Resolve(null, path);
        await DatabaseInitializer.MigrateAsync(cs, ct); // an existing database is brought to the current schema too
        if (settings.Db is null && !await PostCounts.AnyAsync(cs))
        {
            var file = Path.Combine(BenchRunner.ScratchDirectory(), $"generated-{settings.Posts}.csv");
            if (!File.Exists(file))
            {
                AnsiConsole.MarkupLine($"[grey]Generating {settings.Posts:N0} posts…[/]");
                SyntheticExport.Write(file, settings.Posts, seed: 42);
            }
            AnsiConsole.MarkupLine($"[grey]Importing into {Markup.Escape(path)} (once; reused by later runs)…[/]");
            var importer = new PostImporter(cs, new GenAITrends.Core.Classification.KeywordAnnotator(), NullLogger<PostImporter>.Instance);
            var result = await importer.ImportAsync(new ImportRequest(file) { ImportedBy = "bench report" }, null, ct);
            if (!result.Succeeded) throw new InvalidOperationException($"import failed: {result.Error}");
        }

        var source = new RollupSnapshotDataSource(cs);
        var request = new SnapshotRequest();
        var load = new List<double>();
        var render = new List<double>();
        var totals = new List<double>();
        SnapshotData? data = null;
        byte[] pdf = [];
        for (var r = 0; r <= settings.Runs; r++)
        {
            var sw = Stopwatch.StartNew();
            data = await source.LoadAsync(request, ct);
            var loaded = sw.Elapsed.TotalSeconds;
            AnsiConsole.MarkupLine($"[grey]run {r}: {Markup.Escape(source.LastTimings)}[/]");
            pdf = SnapshotPdfRenderer.Render(data);
            var total = sw.Elapsed.TotalSeconds;
            if (r == 0)
            {
                AnsiConsole.MarkupLine($"[grey]Warm-up: {total:N2} s (data {loaded:N2} s)[/]");
                continue;
            }
            load.Add(loaded);
            render.Add(total - loaded);
            totals.Add(total);
        }

        AnsiConsole.MarkupLine($"[bold]bench report[/]: {data!.Coverage.Posts:N0} posts, {data.Period.Describe()}, {pdf.Length / 1024.0:N0} KB PDF; medians of {settings.Runs} runs; {Markup.Escape(BenchRunner.Machine())}");
        var t = new Table().AddColumns("measure", "median s", "min s", "max s");
        t.AddRow("data source (rollups, influencers, text sample)", $"{BenchRunner.Median(load):N3}", $"{load.Min():N3}", $"{load.Max():N3}");
        t.AddRow("charts + PDF", $"{BenchRunner.Median(render):N3}", $"{render.Min():N3}", $"{render.Max():N3}");
        t.AddRow("[bold]snapshot total[/] (budget 1.5 s)", $"[bold]{BenchRunner.Median(totals):N3}[/]", $"{totals.Min():N3}", $"{totals.Max():N3}");
        AnsiConsole.Write(t);
        return 0;
    }
}

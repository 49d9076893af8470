using GenAITrends.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("genaitrends");
    config.AddCommand<ImportCommand>("import").WithDescription("Import X/Twitter CSV exports into the database.");
    config.AddCommand<StatsCommand>("stats").WithDescription("Show totals of the database.");
    config.AddCommand<ReportCommand>("report").WithDescription("Write a PDF snapshot report (the dashboard view as a printable document).");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Benchmarks that print medians next to their references (docs/benchmarks.md).");
        bench.AddCommand<BenchImportCommand>("import").WithDescription("Import throughput and peak memory vs sqlite3 .import and EF Core.");
        bench.AddCommand<BenchReportCommand>("report").WithDescription("Time to produce a PDF snapshot of the whole period (median of runs).");
    });
    config.AddCommand<GenerateCommand>("generate").WithDescription("Write a synthetic export in the canonical format (for benchmarks).");
});
return await app.RunAsync(args);

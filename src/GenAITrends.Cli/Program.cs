using GenAITrends.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("genaitrends");
    config.AddCommand<ImportCommand>("import").WithDescription("Import X/Twitter CSV exports into the database.");
    config.AddCommand<StatsCommand>("stats").WithDescription("Show totals of the database.");
    config.AddBranch("bench", bench =>
    {
        bench.SetDescription("Measure performance.");
        bench.AddCommand<BenchApiCommand>("api").WithDescription("p50/p95 of the dashboard API over HTTP (generates and imports data if needed), next to the naive GROUP BY over posts.");
    });
    config.AddCommand<GenerateCommand>("generate").WithDescription("Write a synthetic export in the canonical format (for benchmarks).");
});
return await app.RunAsync(args);

using GenAITrends.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// Redirected to a file (benchmark logs, CI), tables keep one line per row instead of wrapping at 80 columns.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 160;

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
        bench.AddCommand<BenchAllCommand>("all").WithDescription("Every benchmark in turn: import, classify, api, report.");
        bench.AddCommand<BenchImportCommand>("import").WithDescription("Import throughput and peak memory vs sqlite3 .import and EF Core.");
        bench.AddCommand<BenchClassifyCommand>("classify").WithDescription("Posts/s for five themes + sentiment in batch mode, and model load time.");
        bench.AddCommand<BenchApiCommand>("api").WithDescription("p50/p95 of the dashboard API over HTTP (generates and imports data if needed), next to the naive GROUP BY over posts.");
        bench.AddCommand<BenchReportCommand>("report").WithDescription("Time to produce a PDF snapshot of the whole period (median of runs).");
    });
    config.AddBranch("users", users =>
    {
        users.SetDescription("Manage accounts (roles: Admin, Analyst, Manager).");
        users.AddCommand<UsersAddCommand>("add").WithDescription("Add a user with a role.")
            .WithExample("users", "add", "ana@example.com", "--role", "Analyst", "--password-stdin");
        users.AddCommand<UsersListCommand>("list").WithDescription("List users, their roles and lockouts.");
        users.AddCommand<UsersRemoveCommand>("remove").WithDescription("Remove a user (never the last admin).");
        users.AddCommand<UsersSetPasswordCommand>("set-password").WithDescription("Set a user's password from standard input; lifts a lockout.");
    });
    config.AddCommand<TrainCommand>("train").WithDescription("Train the theme or sentiment model: train themes|sentiment [[--data …]] [[--out …]].");
    config.AddCommand<ClassifyCommand>("classify").WithDescription("Tag an id,text CSV: themes, sentiment and per-theme probabilities.");
    config.AddCommand<EvaluateCommand>("evaluate").WithDescription("Evaluate the models on a labelled file: evaluate themes|sentiment FILE [[--json]].");
    config.AddCommand<ReclassifyCommand>("reclassify").WithDescription("Re-tag every stored post with the current models.");
    config.AddCommand<GenerateCommand>("generate").WithDescription("Write a synthetic export in the canonical format (for benchmarks).");
});
return await app.RunAsync(args);

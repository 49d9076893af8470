using Microsoft.Extensions.Logging;
using System.ComponentModel;
using System.Text.Json;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

public sealed class ImportCommand : AsyncCommand<ImportCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("One or more CSV exports")]
        public string[] Files { get; init; } = [];

        [CommandOption("--json")]
        [Description("Print one JSON summary per file on stdout instead of a progress bar")]
        public bool Json { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(settings.Db, ct);
        var importer = new PostImporter(cli.ConnectionString, Annotators.Load(cli), cli.LoggerFactory.CreateLogger<PostImporter>());
        var failed = 0;

        foreach (var file in settings.Files)
        {
            ImportResult result;
            if (!File.Exists(file))
            {
                result = new ImportResult { File = file, Status = ImportStatus.Failed, Error = $"File not found: {file}" };
            }
            else if (settings.Json || Console.IsOutputRedirected)
            {
                result = await importer.ImportAsync(new ImportRequest(file) { ImportedBy = Environment.UserName }, null, ct);
            }
            else
            {
                result = await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async p =>
                    {
                        var task = p.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: 100);
                        var progress = new SynchronousProgress<ImportProgress>(x =>
                        {
                            task.Value = x.Percent;
                            task.Description = Markup.Escape($"{Path.GetFileName(file)} · {x.RowsRead:N0} rows · {x.RowsPerSecond:N0}/s");
                        });
                        var r = await importer.ImportAsync(new ImportRequest(file) { ImportedBy = Environment.UserName }, progress, ct);
                        task.Value = 100;
                        return r;
                    });
            }

            if (!result.Succeeded) failed++;
            if (settings.Json) WriteJson(result);
            else WriteSummary(result);
        }
        if (Environment.GetEnvironmentVariable("GENAITRENDS_PRINT_PEAK_MEMORY") == "1")
            Console.Error.WriteLine($"peak-working-set-bytes:{System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64}");
        return failed == 0 ? 0 : 1;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    private static void WriteJson(ImportResult r)
    {
        var summary = new
        {
            file = r.File,
            rows = r.Rows,
            imported = r.Imported,
            updated = r.Updated,
            duplicates = r.Duplicates,
            rejected = r.Rejected,
            status = r.Succeeded ? "succeeded" : "failed",
            errors = r.Errors.Select(e => new { line = e.Line, reason = e.Reason }),
            error = r.Error,
            batch = r.BatchId,
            layout = r.Layout,
            encoding = r.Encoding,
            sha256 = r.Sha256,
            durationMs = (long)r.Duration.TotalMilliseconds,
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(summary, JsonOptions));
    }

    private static void WriteSummary(ImportResult r)
    {
        if (!r.Succeeded)
        {
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(r.File)}: {Markup.Escape(r.Error ?? "failed")}[/]");
        }
        else
        {
            AnsiConsole.MarkupLine(
                $"[green]✓[/] {Markup.Escape(r.File)} [grey]({r.Layout}, {r.Encoding}, batch #{r.BatchId}, {r.Duration.TotalSeconds:N1} s)[/]: " +
                $"{r.Rows:N0} rows → [green]{r.Imported:N0} imported[/], {r.Updated:N0} updated, {r.Duplicates:N0} duplicates, " +
                (r.Rejected > 0 ? $"[yellow]{r.Rejected:N0} rejected[/]" : "0 rejected"));
            if (r.PreviousImportOfSameFile is { } prev)
                AnsiConsole.MarkupLine($"[grey]  note: the same file was imported before as batch #{prev}.[/]");
        }
        foreach (var e in r.Errors.Take(10))
            AnsiConsole.MarkupLine($"[yellow]  line {e.Line}: {Markup.Escape(e.Reason)}[/]");
        if (r.Rejected > 10)
            AnsiConsole.MarkupLine($"[grey]  … {r.Rejected - 10:N0} more rejected rows (see the import's details page)[/]");
    }
}

/// <summary>IProgress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>`genaitrends reclassify`: re-tags all stored posts with the current models (themes, sentiment, rollups).</summary>
public sealed class ReclassifyCommand : AsyncCommand<DbSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DbSettings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(settings.Db, ct);
        var annotator = Annotators.Load(cli);
        long done = 0;
        if (Console.IsOutputRedirected)
        {
            done = PostReclassifier.Run(cli.ConnectionString, annotator, null, ct);
        }
        else
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async p =>
                {
                    var task = p.AddTask("Reclassifying", maxValue: 1);
                    var progress = new SynchronousProgress<(long Done, long Total)>(x =>
                    {
                        task.MaxValue = Math.Max(1, x.Total);
                        task.Value = x.Done;
                    });
                    done = await Task.Run(() => PostReclassifier.Run(cli.ConnectionString, annotator, progress, ct), ct);
                    task.Value = task.MaxValue;
                });
        }
        AnsiConsole.MarkupLine($"Re-tagged {done:N0} posts with {Markup.Escape(annotator.Version)}");
        return 0;
    }
}

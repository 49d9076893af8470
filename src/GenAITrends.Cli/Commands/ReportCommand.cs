using System.ComponentModel;
using System.Diagnostics;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>`genaitrends report --out FILE.pdf [...]`: the same PDF snapshot as GET /reports/snapshot.pdf.</summary>
public sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    public sealed class Settings : DbSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("PDF file to write")]
        public string Out { get; init; } = "";

        [CommandOption("--from <DATE>")]
        [Description("First day (yyyy-MM-dd, UTC; default: first day with posts)")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last day, inclusive (default: last day with posts)")]
        public string? To { get; init; }

        [CommandOption("--granularity <G>")]
        [Description("day, week or month (default: by the period's length)")]
        public string? Granularity { get; init; }

        [CommandOption("--lang <CODE>")]
        [Description("Only posts in this language (e.g. en)")]
        public string? Lang { get; init; }

        [CommandOption("--author <HANDLE>")]
        [Description("Only posts by this author (handle, with or without @)")]
        public string? Author { get; init; }

        [CommandOption("--theme <ID>")]
        [Description("Only this theme's page (open_source_llm_os, regulation_ethics, ai_video, cloud, security)")]
        public string? Theme { get; init; }

        [CommandOption("--paper <SIZE>")]
        [Description("A4 (default) or Letter")]
        public string Paper { get; init; } = "A4";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE.pdf is required");
            if (!Enum.TryParse<PaperSize>(Paper, ignoreCase: true, out _) || int.TryParse(Paper, out _))
                return ValidationResult.Error("--paper must be A4 or Letter");
            SnapshotRequest.TryParse(From, To, Granularity, Lang, Author, Theme, out var error);
            return error is null ? ValidationResult.Success() : ValidationResult.Error(error.Replace("'", "--").Replace("----", "'"));
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        var request = SnapshotRequest.TryParse(settings.From, settings.To, settings.Granularity, settings.Lang, settings.Author, settings.Theme, out _)!;
        using var cli = await CliContext.OpenAsync(settings.Db, ct);
        var sw = Stopwatch.StartNew();
        var source = new RollupSnapshotDataSource(cli.ConnectionString);
        var (data, pdf) = await SnapshotReport.CreateAsync(source, request, new ReportOptions(Enum.Parse<PaperSize>(settings.Paper, ignoreCase: true)), ct);
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (dir is not null) Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(settings.Out, pdf, ct);
        AnsiConsole.MarkupLine($"Wrote {Markup.Escape(settings.Out)}: {pdf.Length / 1024.0:N0} KB, {data.Period.Describe()}, {data.Coverage.Posts:N0} posts, {sw.Elapsed.TotalSeconds:N2} s");
        if (data.Notice is not null) AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(data.Notice)}[/]");
        return 0;
    }
}

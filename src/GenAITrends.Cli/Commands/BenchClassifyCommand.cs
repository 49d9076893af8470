using System.ComponentModel;
using System.Diagnostics;
using GenAITrends.Cli.Benchmarks;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Sentiment;
using nietras.SeparatedValues;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>Posts/s for five themes + sentiment in batch mode, and the models' load time (medians).</summary>
public sealed class BenchClassifyCommand : AsyncCommand<BenchClassifyCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--posts <N>")]
        [Description("Posts classified per run (default 200,000)")]
        public int Posts { get; init; } = 200_000;

        [CommandOption("--runs <R>")]
        public int Runs { get; init; } = 3;

        [CommandOption("--in <FILE>")]
        [Description("Classify the posts of this CSV export (its text column), repeated up to --posts, instead of generated posts")]
        public string? In { get; init; }

        public override ValidationResult Validate() =>
            In is not null && !File.Exists(In) ? ValidationResult.Error($"File not found: {In}") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(null, ct, migrate: false);
        var dir = Annotators.ModelsDirectory(cli);
        if (!TrendModels.Exist(dir))
        {
            AnsiConsole.MarkupLine("[red]No model files in data/models.[/]");
            return 1;
        }
        var texts = settings.In is null ? GeneratedTexts(settings.Posts) : Repeated(RealPostLabels.ReadExportTexts(settings.In), settings.Posts);
        if (texts.Count == 0)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(settings.In!)} holds no posts.[/]");
            return 1;
        }

        var loads = new List<double>();
        ModelAnnotator? annotator = null;
        for (int r = 0; r < settings.Runs; r++)
        {
            var sw = Stopwatch.StartNew();
            annotator = new ModelAnnotator(ThemeModel.Load(TrendModels.ThemesDirectory(dir)), SentimentModel.Load(TrendModels.SentimentFile(dir)));
            loads.Add(sw.Elapsed.TotalSeconds);
        }

        var drafts = texts.Select(t => new PostDraft { DedupeKey = "", AuthorHandle = "", Text = t, MatchText = "", ContentHash = "" }).ToList();
        annotator!.Annotate(drafts.Take(4096).ToList()); // warm-up (JIT)
        var rates = new List<double>();
        var themeRates = new List<double>();
        var sentimentRates = new List<double>();
        for (int r = 0; r < settings.Runs; r++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < drafts.Count; i += 4096)
                annotator.Annotate(drafts.GetRange(i, Math.Min(4096, drafts.Count - i)));
            rates.Add(drafts.Count / sw.Elapsed.TotalSeconds);

            sw.Restart();
            for (int i = 0; i < texts.Count; i += 4096) annotator.Themes.PredictBatch(texts.GetRange(i, Math.Min(4096, texts.Count - i)));
            themeRates.Add(texts.Count / sw.Elapsed.TotalSeconds);
            sw.Restart();
            for (int i = 0; i < texts.Count; i += 4096) annotator.SentimentModel.PredictBatch(texts.GetRange(i, Math.Min(4096, texts.Count - i)));
            sentimentRates.Add(texts.Count / sw.Elapsed.TotalSeconds);
        }

        string source = settings.In is null ? "generated posts" : $"posts of {Path.GetFileName(settings.In)}";
        AnsiConsole.MarkupLine($"[bold]bench classify[/]: {texts.Count:N0} {Markup.Escape(source)} in blocks of 4,096, medians of {settings.Runs} runs; {Markup.Escape(BenchRunner.Machine())}; load average {Markup.Escape(LoadAverage())}");
        var t = new Table().AddColumns("measure", "median", "target");
        t.AddRow("five themes + sentiment (ModelAnnotator, as in the import)", $"{BenchRunner.Median(rates):N0} posts/s", "≥ 60,000 posts/s");
        t.AddRow("five themes alone", $"{BenchRunner.Median(themeRates):N0} posts/s", "");
        t.AddRow("sentiment alone", $"{BenchRunner.Median(sentimentRates):N0} posts/s", "");
        t.AddRow("model load (both)", $"{BenchRunner.Median(loads):N2} s", "≤ 1 s");
        AnsiConsole.Write(t);
        return 0;
    }

    private static List<string> Repeated(IReadOnlyList<string> texts, int count) =>
        texts.Count == 0 ? [] : Enumerable.Range(0, count).Select(i => texts[i % texts.Count]).ToList();

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static List<string> GeneratedTexts(int posts)
    {
        var file = Path.Combine(BenchRunner.ScratchDirectory(), $"classify-{posts}.csv");
        if (!File.Exists(file)) SyntheticExport.Write(file, posts, seed: 7);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(file);
        var texts = new List<string>(posts);
        foreach (var row in reader) texts.Add(row["text"].ToString());
        return texts;
    }
}

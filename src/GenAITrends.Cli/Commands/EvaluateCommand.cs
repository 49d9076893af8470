using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Sentiment;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>
/// `genaitrends evaluate themes FILE` (id,text,themes) and `evaluate sentiment FILE` (id,text,sentiment):
/// per-class precision/recall/F1, macro figures, false-positive rate, confusion counts.
/// </summary>
public sealed class EvaluateCommand : AsyncCommand<EvaluateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<TASK>")]
        [Description("themes or sentiment")]
        public string Task { get; init; } = "";

        [CommandArgument(1, "<FILE>")]
        [Description("CSV with id,text,themes (or id,text,sentiment); or a label file of real posts (file,key,themes,sentiment) whose texts are read from --shared")]
        public string File { get; init; } = "";

        [CommandOption("--shared <DIR>")]
        [Description("Public reference data holding posts/ (default: ../shared/data/real beside the checkout)")]
        public string? Shared { get; init; }

        [CommandOption("--json")]
        public bool Json { get; init; }

        [CommandOption("--baseline")]
        [Description("themes: also evaluate the keyword-rule baseline on the same posts")]
        public bool Baseline { get; init; }

        public override ValidationResult Validate() =>
            Task is not ("themes" or "sentiment") ? ValidationResult.Error("TASK must be 'themes' or 'sentiment'")
            : !System.IO.File.Exists(File) ? ValidationResult.Error($"File not found: {File}")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(null, ct, migrate: false);
        if (TrendModels.LoadAnnotator(Annotators.ModelsDirectory(cli)) is not ModelAnnotator models)
        {
            AnsiConsole.MarkupLine("[red]No trained models found (data/models).[/]");
            return 1;
        }
        var (header, rows) = CsvRecords.Read(settings.File);
        string[] needed = header.Contains("key", StringComparer.OrdinalIgnoreCase) ? ["key", settings.Task] : ["id", "text", settings.Task];
        if (needed.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList() is { Count: > 0 } missing)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(settings.File)} needs the columns {string.Join(",", needed)} (missing {string.Join(", ", missing)}); found: {Markup.Escape(string.Join(", ", header))}[/]");
            return 1;
        }

        if (rows.FindIndex(r => !needed.All(r.ContainsKey)) is int shortRow and >= 0)
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(settings.File)}: data record {shortRow + 1} (counting from the first after the header) has fewer fields than the header ({string.Join(",", needed.Where(c => !rows[shortRow].ContainsKey(c)))} missing).[/]");
            return 1;
        }

        if (rows.Count > 0 && rows[0].ContainsKey("key") && !rows[0].ContainsKey("text"))
        {
            // Labels of real posts are kept as keys; their texts come from the original exports.
            var posts = RealPostLabels.Load(settings.File, Path.Combine(SharedData.Root(settings.Shared), "posts"));
            rows = posts.Select(p => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>
            {
                ["id"] = p.Key, ["text"] = p.Text, ["themes"] = p.Themes, ["sentiment"] = p.Sentiment,
            }).ToList();
        }
        var texts = rows.Select(r => r["text"]).ToList();
        object output;
        if (settings.Task == "themes")
        {
            var gold = rows.Select(r => ThemeIds.ParseList(r["themes"])).ToList();
            var predictions = models.Themes.PredictBatch(texts);
            var report = MultiLabelEvaluator.Evaluate(gold, predictions.Select(p => p.Themes).ToList());
            var ranking = ThemeRankingEvaluator.Evaluate(gold, predictions.Select(p => p.Probabilities).ToList());
            var baseline = settings.Baseline ? MultiLabelEvaluator.Evaluate(gold, KeywordThemeBaseline.Default.PredictBatch(texts)) : null;
            output = new { model = ThemesJson(report), ranking = RankingJson(ranking), baseline = baseline is null ? null : ThemesJson(baseline) };
            if (!settings.Json)
            {
                Console.WriteLine(MultiLabelEvaluator.ToMarkdown(report, $"Model {models.Themes.Manifest.ModelVersion} on {Path.GetFileName(settings.File)}"));
                Console.WriteLine(RankingMarkdown(ranking, models.Themes.Thresholds));
                if (baseline is not null) Console.WriteLine(MultiLabelEvaluator.ToMarkdown(baseline, "Keyword-rule baseline"));
                return 0;
            }
        }
        else
        {
            var gold = rows.Select(r => r["sentiment"].Trim().ToLowerInvariant()).ToList();
            var predicted = models.SentimentModel.PredictBatch(texts).Select(p => p.Label).ToList();
            var m = SentimentEvaluator.Evaluate(gold, predicted);
            output = new
            {
                posts = gold.Count,
                macroRecall = m.MacroRecall,
                macroF1 = m.MacroF1,
                accuracy = m.Accuracy,
                classes = SentimentLabels.All.Select((label, i) => new { label, precision = m.Precision[i], recall = m.Recall[i], f1 = m.F1[i] }),
                confusion = m.Confusion,
            };
            if (!settings.Json)
            {
                Console.WriteLine($"Sentiment on {Path.GetFileName(settings.File)}: {m}");
                Console.WriteLine(m.ConfusionMarkdown());
                return 0;
            }
        }
        Console.WriteLine(JsonSerializer.Serialize(output, new JsonSerializerOptions { WriteIndented = true }));
        return 0;
    }

    private static object RankingJson(IReadOnlyList<ThemeRanking> ranking) => new
    {
        meanAveragePrecision = ThemeRankingEvaluator.MeanAveragePrecision(ranking),
        bestMacroF1 = ThemeRankingEvaluator.BestMacroF1(ranking),
        themes = ranking.Select(r => new { theme = r.ThemeId, averagePrecision = r.AveragePrecision, bestF1 = r.BestF1, bestThreshold = r.BestThreshold }),
    };

    private static string RankingMarkdown(IReadOnlyList<ThemeRanking> ranking, IReadOnlyList<float> thresholds)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("Ranking, whatever the threshold (the best F1 is chosen on these very posts: an upper bound, not a result):");
        sb.AppendLine();
        sb.AppendLine("| theme | average precision | best F1 | at threshold | model threshold |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var (r, t) in ranking.Select((r, t) => (r, t)))
        {
            sb.AppendLine(inv, $"| {r.ThemeId} | {r.AveragePrecision:0.000} | {r.BestF1:0.000} | {r.BestThreshold:0.000} | {thresholds[t]:0.000} |");
        }

        sb.AppendLine(inv, $"| **mean** | **{ThemeRankingEvaluator.MeanAveragePrecision(ranking):0.000}** | **{ThemeRankingEvaluator.BestMacroF1(ranking):0.000}** | | |");
        return sb.ToString();
    }

    private static object ThemesJson(MultiLabelReport r) => new
    {
        posts = r.Posts,
        macroF1 = r.MacroF1,
        microF1 = r.MicroF1,
        falsePositiveRate = r.FalsePositiveRate,
        themelessPosts = r.ThemelessPosts,
        themelessGivenAnyTheme = r.ThemelessGivenAnyTheme,
        themes = r.PerTheme.Select(t => new
        {
            theme = t.ThemeId, precision = t.Precision, recall = t.Recall, f1 = t.F1, support = t.Support,
            truePositives = t.TruePositives, falsePositives = t.FalsePositives, falseNegatives = t.FalseNegatives, trueNegatives = t.TrueNegatives,
        }),
    };
}

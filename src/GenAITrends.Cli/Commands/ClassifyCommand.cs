using System.ComponentModel;
using System.Globalization;
using GenAITrends.Cli.Infrastructure;
using GenAITrends.Core.Classification;
using nietras.SeparatedValues;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GenAITrends.Cli.Commands;

/// <summary>
/// `genaitrends classify --in FILE --out FILE`: tags an `id,text` CSV (other columns ignored; quoted
/// multi-line texts fine) and writes `id,themes,sentiment,sentiment_score,p_&lt;theme id&gt;…`.
/// </summary>
public sealed class ClassifyCommand : AsyncCommand<ClassifyCommand.Settings>
{
    private const int BlockSize = 4096;

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--in <FILE>")] public string In { get; init; } = "";
        [CommandOption("--out <FILE>")] public string Out { get; init; } = "";

        [CommandOption("--explain")]
        [Description("Add an `explanations` column: for each assigned theme, the terms that pushed the post into it (`theme: term, term | …`)")]
        public bool Explain { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(In) || string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--in FILE and --out FILE are required")
            : !File.Exists(In) ? ValidationResult.Error($"Input file not found: {In}")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken ct)
    {
        using var cli = await CliContext.OpenAsync(null, ct, migrate: false);
        if (TrendModels.LoadAnnotator(Annotators.ModelsDirectory(cli)) is not ModelAnnotator models)
        {
            AnsiConsole.MarkupLine("[red]No trained models found (data/models): run `genaitrends train themes` and `train sentiment`.[/]");
            return 1;
        }

        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(settings.In);
        if (!reader.Header.ColNames.Contains("id") || !reader.Header.ColNames.Contains("text"))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(settings.In)} needs the columns id and text; found: {Markup.Escape(string.Join(", ", reader.Header.ColNames))}[/]");
            return 1;
        }
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(settings.Out);
        var ids = new List<string>(BlockSize);
        var texts = new List<string>(BlockSize);
        long rows = 0;
        foreach (var row in reader)
        {
            ids.Add(row["id"].ToString());
            texts.Add(row["text"].ToString());
            if (texts.Count == BlockSize) rows += Flush(models, ids, texts, writer, settings.Explain);
        }
        rows += Flush(models, ids, texts, writer, settings.Explain);
        AnsiConsole.MarkupLine($"Classified {rows:N0} posts → {Markup.Escape(settings.Out)} (models {Markup.Escape(models.Version)})");
        return 0;
    }

    private static int Flush(ModelAnnotator models, List<string> ids, List<string> texts, SepWriter writer, bool explain)
    {
        if (texts.Count == 0) return 0;
        var themes = models.Themes.PredictBatch(texts);
        var sentiments = models.SentimentModel.PredictBatch(texts);
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < texts.Count; i++)
        {
            using var row = writer.NewRow();
            row["id"].Set(ids[i]);
            row["themes"].Set(string.Join(';', themes[i].Themes));
            row["sentiment"].Set(sentiments[i].Label);
            row["sentiment_score"].Set(sentiments[i].Score.ToString("0.####", inv));
            foreach (var id in ThemeIds.All)
                row[$"p_{id}"].Set(themes[i].ProbabilityOf(id).ToString("0.####", inv));
            if (explain)
                row["explanations"].Set(string.Join(" | ", themes[i].Themes.Select(t =>
                    $"{t}: {string.Join(", ", models.Themes.Explain(texts[i], t, 4).Where(c => c.Contribution > 0).Select(c => c.Term))}")));
        }
        var n = texts.Count;
        ids.Clear();
        texts.Clear();
        return n;
    }
}

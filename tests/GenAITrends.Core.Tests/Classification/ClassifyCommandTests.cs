using System.Globalization;
using System.Text;
using System.Text.Json;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Sentiment;
using GenAITrends.Core.Tests.Reliability;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>
/// `genaitrends classify` and `genaitrends evaluate` run as child processes of the built CLI (as a user runs them),
/// with the shipped models and a throw-away database location.
/// </summary>
[Collection(ShippedModelsCollection.Name)]
public sealed class ClassifyCommandTests(ShippedModels models) : IDisposable
{
    private const string ExpectedHeader =
        "id,themes,sentiment,sentiment_score,p_open_source_llm_os,p_regulation_ethics,p_ai_video,p_cloud,p_security";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _dir = Directory.CreateTempSubdirectory("genaitrends-classify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Dictionary<string, string> Environment => new()
    {
        ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(_dir, "cli.db")}",
        ["Models__Directory"] = models.ModelsDirectory,
    };

    // id is not the first column, there are extra columns, and texts hold quotes, commas, new lines and emoji.
    private static readonly (string Id, string Text)[] Posts =
    [
        ("101", "Meta just released Llama 3 open weights,\nrunning the 8B locally on my laptop"),
        ("102", "The EU AI Act vote passed: \"new rules\" for high-risk AI,\r\nand copyright duties for foundation models"),
        ("103", "cloudy weather all week"),
        ("104", ""),
        ("105", "I love this, best release ever 😍"),
        ("106", "this is awful, total garbage, I hate it"),
        ("107", "Hackers use ChatGPT to write phishing emails and malware; AWS Bedrock and Azure OpenAI add guardrails"),
        ("x-8", "Runway Gen-2 text to video:\n\n\"a cat surfing\", 4 seconds, AI-generated"),
    ];

    private string WriteInput()
    {
        var sb = new StringBuilder("lang,id,author,text,likes\n");
        foreach (var (id, text) in Posts)
        {
            sb.Append("en,").Append(id).Append(",\"some, one\",\"").Append(text.Replace("\"", "\"\"")).Append("\",7\n");
        }

        var path = Path.Combine(_dir, "in.csv");
        File.WriteAllText(path, sb.ToString(), new UTF8Encoding(false));
        return path;
    }

    [Fact]
    public async Task Classify_writes_one_well_formed_row_per_input_post()
    {
        var input = WriteInput();
        var outPath = Path.Combine(_dir, "out.csv");

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, Environment, "classify", "--in", input, "--out", outPath);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Equal(ExpectedHeader, File.ReadLines(outPath).First());
        var rows = CsvRecords.ReadWithHeader(outPath).ToList();
        Assert.Equal(Posts.Select(p => p.Id), rows.Select(r => r["id"]));

        var themes = models.Themes.PredictBatch(Posts.Select(p => p.Text).ToList());
        var sentiments = models.Sentiment.PredictBatch(Posts.Select(p => p.Text).ToList());
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Assert.Equal(ExpectedHeader.Split(','), row.Keys);
            var ids = row["themes"].Length == 0 ? [] : row["themes"].Split(';');
            Assert.All(ids, id => Assert.True(ThemeIds.IsKnown(id), $"unknown theme '{id}' in row {i}"));
            Assert.Equal(ids.Length, ids.Distinct().Count());
            Assert.Contains(row["sentiment"], SentimentLabels.All);
            Assert.InRange(double.Parse(row["sentiment_score"], NumberStyles.Float, inv), -1, 1);
            foreach (var id in ThemeIds.All)
            {
                Assert.True(double.TryParse(row[$"p_{id}"], NumberStyles.Float, inv, out var p), $"p_{id} = '{row[$"p_{id}"]}'");
                Assert.InRange(p, 0, 1);
                // Same models as in-process, written to four decimals.
                Assert.Equal(themes[i].ProbabilityOf(id), p, 6e-5);
            }

            Assert.Equal(themes[i].Themes, ids);
            Assert.Equal(sentiments[i].Label, row["sentiment"]);
        }

        Assert.Contains(ThemeIds.OpenSourceLlmOs, rows[0]["themes"].Split(';'));
        Assert.Equal("", rows[2]["themes"]);
        Assert.Equal(SentimentLabels.Positive, rows[4]["sentiment"]);
        Assert.Equal(SentimentLabels.Negative, rows[5]["sentiment"]);
        Assert.True(rows.Any(r => r["themes"].Contains(';')), "a multi-theme post is written ;-joined");
    }

    [Fact]
    public async Task Evaluate_themes_json_reports_the_evaluator_figures_of_the_models_predictions()
    {
        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, Environment, "evaluate", "themes", ThemeCase.FixturePath, "--json");

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        using var json = JsonDocument.Parse(stdout);
        var model = json.RootElement.GetProperty("model");
        var expected = MultiLabelEvaluator.Evaluate(
            ThemeCase.All.Select(c => c.Themes).ToList(),
            models.Themes.PredictBatch(ThemeCase.Texts).Select(p => p.Themes).ToList());
        Assert.Equal(ThemeCase.All.Count, model.GetProperty("posts").GetInt32());
        Assert.Equal(expected.MacroF1, model.GetProperty("macroF1").GetDouble(), 12);
        Assert.Equal(expected.FalsePositiveRate, model.GetProperty("falsePositiveRate").GetDouble(), 12);
        var perTheme = model.GetProperty("themes").EnumerateArray().ToList();
        Assert.Equal(ThemeIds.All, perTheme.Select(t => t.GetProperty("theme").GetString()));
        for (int t = 0; t < perTheme.Count; t++)
        {
            Assert.Equal(expected.PerTheme[t].TruePositives, perTheme[t].GetProperty("truePositives").GetInt32());
            Assert.Equal(expected.PerTheme[t].FalsePositives, perTheme[t].GetProperty("falsePositives").GetInt32());
            Assert.Equal(expected.PerTheme[t].FalseNegatives, perTheme[t].GetProperty("falseNegatives").GetInt32());
            Assert.Equal(expected.PerTheme[t].F1, perTheme[t].GetProperty("f1").GetDouble(), 12);
        }
    }

    [Theory]
    [InlineData("themes", "id,text\n1,a post about sora\n", "needs the columns id,text,themes (missing themes); found: id, text")]
    [InlineData("sentiment", "id,text,themes\n1,a post,\n", "needs the columns id,text,sentiment (missing sentiment)")]
    [InlineData("themes", "id,text,themes\n1,a post about sora,ai_video\n2,a short row\n", "data record 2 (counting from the first after the header) has fewer fields than the header (themes missing)")]
    public async Task Evaluate_names_the_missing_columns_of_a_file_instead_of_failing(string task, string content, string expected)
    {
        string path = Path.Combine(_dir, $"bad-{task}-{content.Length}.csv");
        await File.WriteAllTextAsync(path, content);

        var (exit, stdout, stderr) = await CliProcess.RunAsync(Timeout, Environment, "evaluate", task, path);

        Assert.Equal(1, exit);
        Assert.Contains(expected, (stdout + stderr).ReplaceLineEndings(" ").Replace("  ", " "), StringComparison.Ordinal);
    }
}

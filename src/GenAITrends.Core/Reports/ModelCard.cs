using System.Text.RegularExpressions;
using GenAITrends.Core.Storage;

namespace GenAITrends.Core.Reports;

/// <summary>
/// Model versions seen in the import batches, each with its held-out figures from docs/model-card.md when that file
/// names them (a line or table row mentioning the version and a macro-F1 / recall / accuracy figure); else "not yet measured".
/// </summary>
public static partial class ModelCard
{
    public const string DefaultPath = "docs/model-card.md";
    public const string NotMeasured = "not yet measured";

    public static IReadOnlyList<ModelVersion> Read(string? path, IReadOnlyList<ImportSource> batches)
    {
        var versions = batches.Select(b => b.Models).Where(m => !string.IsNullOrWhiteSpace(m))
            .SelectMany(m => m!.Split([',', ';', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).ToList();
        var lines = ReadLines(path);
        var figures = FiguresLines(lines);
        if (versions.Count == 0)
            return figures.Count == 0 ? [] : [new ModelVersion("model card", string.Join("; ", figures.Take(6)))];
        return versions.Select(v =>
        {
            var mine = lines.Where(l => l.Contains(v, StringComparison.OrdinalIgnoreCase) && FigureRegex().IsMatch(l)).Select(Clean).Take(4).ToList();
            return new ModelVersion(v, mine.Count > 0 ? string.Join("; ", mine) : v == "keyword-rules" && figures.Count == 0
                ? $"{NotMeasured} (keyword rules: the fallback used when no trained model is installed)"
                : NotMeasured);
        }).ToList();
    }

    private static List<string> ReadLines(string? path)
    {
        try
        {
            var file = RepositoryPaths.Resolve(path ?? DefaultPath);
            return File.Exists(file) ? File.ReadLines(file).Take(2000).ToList() : [];
        }
        catch (IOException) { return []; }
        catch (UnauthorizedAccessException) { return []; }
    }

    private static List<string> FiguresLines(List<string> lines) =>
        lines.Where(l => FigureRegex().IsMatch(l) && !l.TrimStart().StartsWith("|--", StringComparison.Ordinal)).Select(Clean).ToList();

    private static string Clean(string line) =>
        Regex.Replace(line.Replace('|', ' ').Replace("**", "").Replace("`", ""), @"\s+", " ").Trim(' ', '-', '*');

    [GeneratedRegex(@"(?i)(macro[- ]?f1|f1|recall|precision|accuracy)\D{0,40}\d")]
    private static partial Regex FigureRegex();
}

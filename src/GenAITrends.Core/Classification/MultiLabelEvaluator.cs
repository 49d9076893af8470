using System.Globalization;
using System.Text;

namespace GenAITrends.Core.Classification;

/// <summary>Counts and scores of one theme treated as a binary decision.</summary>
public sealed record ThemeScores(string ThemeId, int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives)
{
    public int Support => TruePositives + FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => Support == 0 ? 0 : (double)TruePositives / Support;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Per-theme scores, macro-F1, the false-positive rate on theme-less posts and a gold×predicted co-occurrence table.</summary>
public sealed record MultiLabelReport(
    IReadOnlyList<ThemeScores> PerTheme,
    int Posts,
    int ThemelessPosts,
    int ThemelessGivenAnyTheme,
    int ExactMatches,
    int[,] Confusion)
{
    public double MacroF1 => PerTheme.Count == 0 ? 0 : PerTheme.Average(t => t.F1);

    public double MicroF1
    {
        get
        {
            int tp = PerTheme.Sum(t => t.TruePositives);
            int fp = PerTheme.Sum(t => t.FalsePositives);
            int fn = PerTheme.Sum(t => t.FalseNegatives);
            return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
        }
    }

    /// <summary>Share of theme-less posts that were given at least one theme.</summary>
    public double FalsePositiveRate => ThemelessPosts == 0 ? 0 : (double)ThemelessGivenAnyTheme / ThemelessPosts;

    public double ExactMatchRate => Posts == 0 ? 0 : (double)ExactMatches / Posts;

    public ThemeScores For(string themeId) => PerTheme.First(t => t.ThemeId == themeId);
}

/// <summary>Multi-label evaluation over the five themes (THEMES.md "Evaluation").</summary>
public static class MultiLabelEvaluator
{
    /// <summary>Confusion rows/columns: the themes in <see cref="ThemeIds.All"/> order, then "none".</summary>
    public static MultiLabelReport Evaluate(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} posts, predicted has {predicted.Count}.");
        }

        int n = ThemeIds.All.Count;
        var tp = new int[n];
        var fp = new int[n];
        var fn = new int[n];
        var tn = new int[n];
        var confusion = new int[n + 1, n + 1];
        int themeless = 0, themelessHit = 0, exact = 0;
        for (int p = 0; p < gold.Count; p++)
        {
            var g = gold[p];
            var pr = predicted[p];
            bool allSame = true;
            for (int t = 0; t < n; t++)
            {
                string id = ThemeIds.All[t];
                bool inGold = g.Contains(id);
                bool inPred = pr.Contains(id);
                if (inGold && inPred) tp[t]++;
                else if (inPred) fp[t]++;
                else if (inGold) fn[t]++;
                else tn[t]++;
                allSame &= inGold == inPred;
            }

            if (allSame) exact++;
            if (g.Count == 0)
            {
                themeless++;
                if (pr.Count > 0) themelessHit++;
            }

            var goldRows = g.Count == 0 ? [n] : g.Select(ThemeIds.IndexOf).ToArray();
            var predCols = pr.Count == 0 ? [n] : pr.Select(ThemeIds.IndexOf).ToArray();
            foreach (int r in goldRows)
            {
                foreach (int c in predCols)
                {
                    confusion[r, c]++;
                }
            }
        }

        var perTheme = Enumerable.Range(0, n).Select(t => new ThemeScores(ThemeIds.All[t], tp[t], fp[t], fn[t], tn[t])).ToList();
        return new MultiLabelReport(perTheme, gold.Count, themeless, themelessHit, exact, confusion);
    }

    public static string ToMarkdown(MultiLabelReport report, string title)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(inv, $"**{title}** — {report.Posts} posts, {report.ThemelessPosts} theme-less");
        sb.AppendLine();
        sb.AppendLine("| theme | support | TP | FP | FN | precision | recall | F1 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var t in report.PerTheme)
        {
            sb.AppendLine(inv, $"| {t.ThemeId} | {t.Support} | {t.TruePositives} | {t.FalsePositives} | {t.FalseNegatives} | {t.Precision:0.000} | {t.Recall:0.000} | {t.F1:0.000} |");
        }

        sb.AppendLine(inv, $"| **macro** | | | | | {report.PerTheme.Average(t => t.Precision):0.000} | {report.PerTheme.Average(t => t.Recall):0.000} | **{report.MacroF1:0.000}** |");
        sb.AppendLine();
        sb.AppendLine(inv, $"FP rate on theme-less posts: **{report.FalsePositiveRate:P1}** ({report.ThemelessGivenAnyTheme}/{report.ThemelessPosts}); micro-F1 {report.MicroF1:0.000}; exact match {report.ExactMatchRate:P1}.");
        sb.AppendLine();
        sb.AppendLine("Gold (rows) × predicted (columns) co-occurrence:");
        sb.AppendLine();
        var names = ThemeIds.All.Append("none").ToArray();
        sb.AppendLine("| gold \\ pred | " + string.Join(" | ", names) + " |");
        sb.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", names.Length)));
        for (int r = 0; r < names.Length; r++)
        {
            sb.Append(inv, $"| {names[r]} |");
            for (int c = 0; c < names.Length; c++)
            {
                sb.Append(inv, $" {report.Confusion[r, c]} |");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }
}

namespace GenAITrends.Core.Classification;

/// <summary>
/// How well one theme's probabilities rank its posts, whatever the threshold: average precision, and the best F1
/// any threshold reaches on these posts (with that threshold). The best F1 is an upper bound for threshold tuning,
/// since it is chosen on the very posts it is measured on.
/// </summary>
public sealed record ThemeRanking(string ThemeId, int Support, double AveragePrecision, double BestF1, double BestThreshold);

public static class ThemeRankingEvaluator
{
    /// <param name="probabilities">Per post, one probability per theme in <see cref="ThemeIds.All"/> order.</param>
    public static IReadOnlyList<ThemeRanking> Evaluate(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<float>> probabilities)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (gold.Count != probabilities.Count)
        {
            throw new ArgumentException($"gold has {gold.Count} posts, probabilities has {probabilities.Count}.");
        }

        return ThemeIds.All.Select((id, t) => Rank(id, gold.Select(g => g.Contains(id)).ToArray(), probabilities.Select(p => p[t]).ToArray())).ToList();
    }

    /// <summary>Mean of the per-theme average precisions.</summary>
    public static double MeanAveragePrecision(IReadOnlyList<ThemeRanking> rankings) => rankings.Count == 0 ? 0 : rankings.Average(r => r.AveragePrecision);

    /// <summary>Macro-F1 if every theme had its best threshold for these posts.</summary>
    public static double BestMacroF1(IReadOnlyList<ThemeRanking> rankings) => rankings.Count == 0 ? 0 : rankings.Average(r => r.BestF1);

    private static ThemeRanking Rank(string id, bool[] positive, float[] probability)
    {
        int support = positive.Count(p => p);
        if (support == 0)
        {
            return new ThemeRanking(id, 0, 0, 0, 1);
        }

        // Walk the posts from the highest probability down; posts with equal probabilities form one step, because no
        // threshold separates them.
        var order = Enumerable.Range(0, positive.Length).OrderByDescending(i => probability[i]).ToArray();
        double averagePrecision = 0, bestF1 = 0, bestThreshold = 1;
        int truePositives = 0, predicted = 0;
        for (int k = 0; k < order.Length;)
        {
            float level = probability[order[k]];
            int stepPositives = 0, stepCount = 0;
            for (; k < order.Length && probability[order[k]] == level; k++)
            {
                stepCount++;
                if (positive[order[k]]) stepPositives++;
            }

            truePositives += stepPositives;
            predicted += stepCount;
            double precision = (double)truePositives / predicted;
            averagePrecision += precision * stepPositives / support;
            double f1 = 2.0 * truePositives / (predicted + support);
            if (f1 > bestF1)
            {
                (bestF1, bestThreshold) = (f1, level);
            }
        }

        return new ThemeRanking(id, support, averagePrecision, bestF1, bestThreshold);
    }
}

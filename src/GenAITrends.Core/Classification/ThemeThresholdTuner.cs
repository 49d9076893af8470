namespace GenAITrends.Core.Classification;

/// <summary>Result of threshold tuning for one theme on out-of-fold probabilities.</summary>
public sealed record ThemeThreshold(string ThemeId, double Threshold, double WeightedF1, int ThemelessAbove, int ThemelessPosts);

/// <summary>Chooses per-theme decision thresholds on out-of-fold probabilities (never on the dev set).</summary>
public static class ThemeThresholdTuner
{
    public static IReadOnlyList<ThemeThreshold> Tune(IReadOnlyList<ThemeExample> examples, float[][] probabilities, ThresholdPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(policy);
        int n = examples.Count;
        int themes = ThemeIds.All.Count;
        var themelessReal = Enumerable.Range(0, n).Where(i => examples[i].IsThemeless && examples[i].Source == ThemeExampleSource.RealPost).ToArray();
        int n0 = Math.Max(1, themelessReal.Length);
        int maxPerTheme = (int)Math.Floor(policy.MaxThemeFpRate * n0);
        int maxAny = (int)Math.Floor(policy.MaxAnyFpRate * n0);
        var background = Enumerable.Range(0, n).Where(i => examples[i].Source == ThemeExampleSource.Background).ToArray();
        int maxBackground = (int)Math.Floor(policy.MaxBackgroundFpRate * background.Length);

        // Candidate thresholds per theme: every distinct probability within the allowed range, ascending.
        var candidates = new double[themes][];
        var curves = new (double F1, int Fp)[themes][];
        var chosen = new int[themes];
        for (int t = 0; t < themes; t++)
        {
            string id = ThemeIds.All[t];
            candidates[t] = probabilities.Select(p => (double)p[t])
                .Where(p => p >= policy.MinThreshold && p <= policy.MaxThreshold)
                .Append(policy.MinThreshold).Append(policy.MaxThreshold)
                .Distinct().OrderBy(p => p).ToArray();
            curves[t] = candidates[t].Select(thr => (WeightedF1(examples, probabilities, t, id, thr, policy), themelessReal.Count(i => probabilities[i][t] >= thr))).ToArray();
            int best = -1;
            for (int c = 0; c < candidates[t].Length; c++)
            {
                if (curves[t][c].Fp <= maxPerTheme && (best < 0 || curves[t][c].F1 > curves[t][best].F1))
                {
                    best = c;
                }
            }

            chosen[t] = best < 0 ? candidates[t].Length - 1 : best;
        }

        // Enforce the any-theme budgets (theme-less real posts; background tweets): raise the threshold whose
        // next step loses the least F1 per false positive removed over a budget. Only the overshoot counts: a post
        // removed from a budget that is already met buys nothing, and a budget that no threshold up to the maximum
        // can meet must not drag every threshold to the maximum while the loop tries.
        int Over(int[] c) =>
            Math.Max(0, CountAny(themelessReal, probabilities, candidates, c) - maxAny)
            + Math.Max(0, CountAny(background, probabilities, candidates, c) - maxBackground);
        while (Over(chosen) > 0)
        {
            int before = Over(chosen);
            int bestTheme = -1, bestStep = -1;
            double bestCost = double.MaxValue;
            for (int t = 0; t < themes; t++)
            {
                for (int c = chosen[t] + 1; c < candidates[t].Length; c++)
                {
                    var trial = (int[])chosen.Clone();
                    trial[t] = c;
                    int removed = before - Over(trial);
                    if (removed > 0)
                    {
                        double cost = (curves[t][chosen[t]].F1 - curves[t][c].F1) / removed;
                        if (cost < bestCost)
                        {
                            bestCost = cost;
                            bestTheme = t;
                            bestStep = c;
                        }

                        break;
                    }
                }
            }

            if (bestTheme < 0)
            {
                break;
            }

            chosen[bestTheme] = bestStep;
        }

        return Enumerable.Range(0, themes)
            .Select(t => new ThemeThreshold(ThemeIds.All[t], candidates[t][chosen[t]], curves[t][chosen[t]].F1, curves[t][chosen[t]].Fp, themelessReal.Length))
            .ToList();
    }

    /// <summary>
    /// Per theme, the run whose threshold is the median of the runs' thresholds (the upper median for an even count),
    /// so the result is always a threshold some run tuned, with that run's F1 and counts.
    /// </summary>
    public static IReadOnlyList<ThemeThreshold> MedianPerTheme(IReadOnlyList<IReadOnlyList<ThemeThreshold>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            throw new ArgumentException("No tuning runs.", nameof(runs));
        }

        return Enumerable.Range(0, runs[0].Count)
            .Select(t => runs.Select(run => run[t]).OrderBy(x => x.Threshold).ElementAt(runs.Count / 2))
            .ToList();
    }

    private static int CountAny(int[] themeless, float[][] probabilities, double[][] candidates, int[] chosen)
    {
        int count = 0;
        foreach (int i in themeless)
        {
            for (int t = 0; t < chosen.Length; t++)
            {
                if (probabilities[i][t] >= candidates[t][chosen[t]])
                {
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    private static double WeightedF1(IReadOnlyList<ThemeExample> examples, float[][] probabilities, int t, string id, double threshold, ThresholdPolicy policy)
    {
        double tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < examples.Count; i++)
        {
            double w = policy.UseExampleWeightsInF1 ? examples[i].Weight : 1.0;
            bool gold = examples[i].Has(id);
            bool pred = probabilities[i][t] >= threshold;
            if (gold && pred) tp += w;
            else if (pred) fp += w;
            else if (gold) fn += w;
        }

        return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
    }
}

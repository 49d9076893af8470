using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>Threshold tuning on hand-made out-of-fold probabilities (theme order: ThemeIds.All).</summary>
public sealed class ThemeThresholdTunerTests
{
    private static readonly ThresholdPolicy Policy = new()
    {
        MaxThemeFpRate = 0.1, MaxAnyFpRate = 0.1, MaxBackgroundFpRate = 0.1, UseExampleWeightsInF1 = false,
        MinThreshold = 0.3, MaxThreshold = 0.9,
    };

    private static string Security => ThemeIds.All[4];

    /// <summary>
    /// Ten real security posts scored 0.40–0.85 and ten theme-less real posts at 0.35 (one at 0.72, within the 10 %
    /// budget): the F1-best threshold is 0.40, which takes every positive and the one allowed false positive.
    /// </summary>
    [Fact]
    public void Picks_the_F1_best_threshold_within_the_per_theme_budget()
    {
        var (examples, probabilities) = RealPosts();
        var chosen = ThemeThresholdTuner.Tune(examples, probabilities, Policy).Single(t => t.ThemeId == Security);
        Assert.Equal(0.40, chosen.Threshold, 6);
        Assert.Equal(1, chosen.ThemelessAbove);
    }

    /// <summary>
    /// Ten background tweets add to the same posts; two score 0.95 for security (above the 0.9 cap, so no threshold
    /// can remove them) and one scores 0.5. The background budget (1 of 10) cannot be met. Raising the threshold
    /// removes the 0.5 tweet (the only overshoot a threshold can reduce), but must not go on past the allowed
    /// theme-less post at 0.72, dropping real positives, just because the unmeetable budget is still over.
    /// </summary>
    [Fact]
    public void An_unmeetable_background_budget_does_not_push_the_threshold_to_the_cap()
    {
        var (examples, probabilities) = RealPosts();
        var background = Enumerable.Range(0, 10).Select(i => new ThemeExample($"tweet {i}", [], ThemeExampleSource.Background)).ToList();
        var backgroundScores = new[] { 0.95f, 0.95f, 0.5f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f };
        var all = examples.Concat(background).ToList();
        var allProbabilities = probabilities.Concat(backgroundScores.Select(Scores)).ToArray();

        var chosen = ThemeThresholdTuner.Tune(all, allProbabilities, Policy).Single(t => t.ThemeId == Security);

        // Above 0.5 (the reducible background tweet goes), and the next candidate: 0.55, the lowest real positive above it.
        Assert.Equal(0.55, chosen.Threshold, 6);
    }

    private static (List<ThemeExample> Examples, float[][] Probabilities) RealPosts()
    {
        var examples = new List<ThemeExample>();
        var probabilities = new List<float[]>();
        float[] positives = [0.40f, 0.55f, 0.60f, 0.65f, 0.70f, 0.75f, 0.80f, 0.80f, 0.85f, 0.85f];
        foreach (var p in positives)
        {
            examples.Add(new ThemeExample($"security post {p}", [Security], ThemeExampleSource.RealPost));
            probabilities.Add(Scores(p));
        }
        for (int i = 0; i < 10; i++)
        {
            examples.Add(new ThemeExample($"plain post {i}", [], ThemeExampleSource.RealPost));
            probabilities.Add(Scores(i == 0 ? 0.72f : 0.35f));
        }
        return (examples, [.. probabilities]);
    }

    /// <summary>A probability for security, 0.01 for every other theme.</summary>
    private static float[] Scores(float security) => [.. ThemeIds.All.Select(id => id == Security ? security : 0.01f)];
    /// <summary>Repeated CV: each theme takes the run with the median threshold, that run's own F1 and counts included.</summary>
    [Fact]
    public void Repeated_runs_give_each_theme_its_median_run()
    {
        static ThemeThreshold T(string id, double threshold, double f1) => new(id, threshold, f1, (int)(threshold * 10), 100);
        IReadOnlyList<ThemeThreshold> Run(double a, double b) => [T("a", a, a / 2), T("b", b, b / 2)];

        var median = ThemeThresholdTuner.MedianPerTheme([Run(0.60, 0.70), Run(0.69, 0.61), Run(0.62, 0.65)]);
        Assert.Equal([0.62, 0.65], median.Select(t => t.Threshold));
        Assert.Equal([0.31, 0.325], median.Select(t => t.WeightedF1));
        Assert.Equal([6, 6], median.Select(t => t.ThemelessAbove));

        // Even counts take the upper median, so the threshold is still one a run chose.
        Assert.Equal([0.69, 0.70], ThemeThresholdTuner.MedianPerTheme([Run(0.60, 0.70), Run(0.69, 0.61)]).Select(t => t.Threshold));
        Assert.Throws<ArgumentException>(() => ThemeThresholdTuner.MedianPerTheme([]));
    }
}

using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>Average precision and best-threshold F1 of `evaluate themes`, on hand-made probabilities worked out below.</summary>
public sealed class ThemeRankingEvaluatorTests
{
    private const int Digits = 12;

    private const string Os = ThemeIds.OpenSourceLlmOs;
    private const string Reg = ThemeIds.RegulationEthics;

    // post  gold   p(open source)  p(regulation)
    //  1    os     0.9             0.5
    //  2    reg    0.8             0.5
    //  3    os     0.7             0.1
    //  4    -      0.2             0.1
    // Open source, from the top: 1 → precision 1/1 (a positive), 2 → 1/2, 3 → 2/3 (a positive), 4 → 2/4.
    //   AP = (1 + 2/3) / 2 = 5/6. F1 = 2·TP / (predicted + support): 2/3, 2/4, 4/5, 4/6 → best 0.8 at threshold 0.7.
    // Regulation: posts 1 and 2 tie at 0.5, so they form one step: precision 1/2, F1 2/3 → AP 1/2, best F1 2/3 at 0.5.
    private static readonly string[][] Gold = [[Os], [Reg], [Os], []];

    private static readonly float[][] Probabilities =
    [
        [0.9f, 0.5f, 0f, 0f, 0f],
        [0.8f, 0.5f, 0f, 0f, 0f],
        [0.7f, 0.1f, 0f, 0f, 0f],
        [0.2f, 0.1f, 0f, 0f, 0f],
    ];

    private static ThemeRanking For(string id) =>
        ThemeRankingEvaluator.Evaluate(Gold, Probabilities).Single(r => r.ThemeId == id);

    [Fact]
    public void Average_precision_counts_the_precision_at_each_positive()
    {
        Assert.Equal(5.0 / 6, For(Os).AveragePrecision, Digits);
        Assert.Equal(2, For(Os).Support);
    }

    [Fact]
    public void Best_F1_and_its_threshold()
    {
        Assert.Equal(0.8, For(Os).BestF1, Digits);
        Assert.Equal(0.7, For(Os).BestThreshold, 6);
    }

    [Fact]
    public void Tied_probabilities_are_one_step()
    {
        Assert.Equal(0.5, For(Reg).AveragePrecision, Digits);
        Assert.Equal(2.0 / 3, For(Reg).BestF1, Digits);
        Assert.Equal(0.5, For(Reg).BestThreshold, 6);
    }

    [Fact]
    public void A_theme_without_positives_scores_zero_and_macro_figures_average_all_five()
    {
        var rankings = ThemeRankingEvaluator.Evaluate(Gold, Probabilities);
        Assert.All(rankings.Where(r => r.ThemeId is not (Os or Reg)), r => Assert.Equal((0, 0.0, 0.0), (r.Support, r.AveragePrecision, r.BestF1)));
        Assert.Equal(((5.0 / 6) + 0.5) / 5, ThemeRankingEvaluator.MeanAveragePrecision(rankings), Digits);
        Assert.Equal((0.8 + (2.0 / 3)) / 5, ThemeRankingEvaluator.BestMacroF1(rankings), Digits);
    }

    [Fact]
    public void Mismatched_lengths_are_refused() =>
        Assert.Throws<ArgumentException>(() => ThemeRankingEvaluator.Evaluate(Gold, Probabilities[..2]));
}

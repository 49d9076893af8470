using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Tests.Classification;

/// <summary>The arithmetic behind `genaitrends evaluate themes`, on a hand-made set whose figures are worked out below.</summary>
public sealed class MultiLabelEvaluatorTests
{
    private const int Digits = 12;

    private const string Os = ThemeIds.OpenSourceLlmOs;
    private const string Reg = ThemeIds.RegulationEthics;
    private const string Video = ThemeIds.AiVideo;
    private const string Cloud = ThemeIds.Cloud;

    // post  gold          predicted
    //  1    os            os            os TP
    //  2    os;reg        os;reg        os TP, reg TP
    //  3    os            (none)        os FN
    //  4    (none)        os            os FP, a theme-less post given a theme
    //  5    video         cloud         video FN, cloud FP
    //  6    cloud         cloud         cloud TP
    //  7    (none)        (none)
    //  8    (none)        (none)
    private static readonly string[][] Gold = [[Os], [Os, Reg], [Os], [], [Video], [Cloud], [], []];
    private static readonly string[][] Predicted = [[Os], [Os, Reg], [], [Os], [Cloud], [Cloud], [], []];

    private static MultiLabelReport Report() => MultiLabelEvaluator.Evaluate(Gold, Predicted);

    [Fact]
    public void Counts_per_theme()
    {
        var r = Report();
        Assert.Equal(ThemeIds.All, r.PerTheme.Select(t => t.ThemeId));
        Assert.Equal(new ThemeScores(Os, 2, 1, 1, 4), r.For(Os));
        Assert.Equal(new ThemeScores(Reg, 1, 0, 0, 7), r.For(Reg));
        Assert.Equal(new ThemeScores(Video, 0, 0, 1, 7), r.For(Video));
        Assert.Equal(new ThemeScores(Cloud, 1, 1, 0, 6), r.For(Cloud));
        Assert.Equal(new ThemeScores(ThemeIds.Security, 0, 0, 0, 8), r.For(ThemeIds.Security));
        Assert.Equal(8, r.Posts);
    }

    [Fact]
    public void Two_TP_one_FP_one_FN_gives_two_thirds_everywhere()
    {
        var os = Report().For(Os);
        Assert.Equal(2.0 / 3, os.Precision, Digits);
        Assert.Equal(2.0 / 3, os.Recall, Digits);
        Assert.Equal(2.0 / 3, os.F1, Digits);
        Assert.Equal(3, os.Support);
    }

    [Fact]
    public void Precision_recall_F1_of_the_other_themes_including_empty_ones()
    {
        var r = Report();
        Assert.Equal((1.0, 1.0, 1.0), (r.For(Reg).Precision, r.For(Reg).Recall, r.For(Reg).F1));
        // Nothing predicted and the one gold post missed: 0/0 precision counts as 0.
        Assert.Equal((0.0, 0.0, 0.0), (r.For(Video).Precision, r.For(Video).Recall, r.For(Video).F1));
        Assert.Equal(0.5, r.For(Cloud).Precision, Digits);
        Assert.Equal(1.0, r.For(Cloud).Recall, Digits);
        Assert.Equal(2.0 / 3, r.For(Cloud).F1, Digits);
        // A theme absent from gold and predictions scores 0 and still counts in the macro average.
        Assert.Equal((0.0, 0.0, 0.0), (r.For(ThemeIds.Security).Precision, r.For(ThemeIds.Security).Recall, r.For(ThemeIds.Security).F1));
    }

    [Fact]
    public void Macro_F1_is_the_mean_over_all_five_themes()
    {
        // (2/3 + 1 + 0 + 2/3 + 0) / 5 = 7/15
        Assert.Equal(7.0 / 15, Report().MacroF1, Digits);
    }

    [Fact]
    public void Micro_F1_exact_match_and_false_positive_rate_on_themeless_posts()
    {
        var r = Report();
        // tp 4, fp 2, fn 2 → 2·4 / (2·4 + 2 + 2) = 2/3
        Assert.Equal(2.0 / 3, r.MicroF1, Digits);
        // posts 1, 2, 6, 7, 8 match exactly
        Assert.Equal(5, r.ExactMatches);
        Assert.Equal(5.0 / 8, r.ExactMatchRate, Digits);
        // theme-less posts 4, 7, 8; post 4 was given a theme
        Assert.Equal(3, r.ThemelessPosts);
        Assert.Equal(1, r.ThemelessGivenAnyTheme);
        Assert.Equal(1.0 / 3, r.FalsePositiveRate, Digits);
    }

    [Fact]
    public void Confusion_counts_gold_by_predicted_with_none_last()
    {
        var c = Report().Confusion;
        int os = ThemeIds.IndexOf(Os), reg = ThemeIds.IndexOf(Reg), video = ThemeIds.IndexOf(Video), cloud = ThemeIds.IndexOf(Cloud), none = ThemeIds.All.Count;
        Assert.Equal(2, c[os, os]);
        Assert.Equal(1, c[os, reg]);
        Assert.Equal(1, c[reg, os]);
        Assert.Equal(1, c[reg, reg]);
        Assert.Equal(1, c[os, none]);
        Assert.Equal(1, c[none, os]);
        Assert.Equal(1, c[video, cloud]);
        Assert.Equal(1, c[cloud, cloud]);
        Assert.Equal(2, c[none, none]);
        Assert.Equal(11, c.Cast<int>().Sum());
    }

    [Fact]
    public void Perfect_predictions_and_no_themeless_posts()
    {
        string[][] gold = [[Os], [Reg], [Video], [Cloud], [ThemeIds.Security]];
        var r = MultiLabelEvaluator.Evaluate(gold, gold);
        Assert.Equal(1.0, r.MacroF1, Digits);
        Assert.Equal(0, r.ThemelessPosts);
        Assert.Equal(0.0, r.FalsePositiveRate);
    }

    [Fact]
    public void Gold_and_predicted_of_different_lengths_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => MultiLabelEvaluator.Evaluate(Gold, Predicted[..^1]));
    }
}

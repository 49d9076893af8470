using GenAITrends.Core.Sentiment;

namespace GenAITrends.Core.Tests.Sentiment;

/// <summary>The arithmetic behind `genaitrends evaluate sentiment` on a 3×3 confusion worked out by hand.</summary>
public sealed class SentimentEvaluatorTests
{
    private const int Digits = 12;

    //               predicted
    // gold        neg  neu  pos   recall
    // negative     3    1    1    3/5
    // neutral      1    2    1    2/4
    // positive     0    1    3    3/4
    // precision   3/4  2/4  3/5
    // F1: neg 2·(3/4)(3/5)/(27/20) = 2/3, neu 1/2, pos 2/3
    private static readonly int[,] Matrix = { { 3, 1, 1 }, { 1, 2, 1 }, { 0, 1, 3 } };

    private static (List<string> Gold, List<string> Predicted) Expand()
    {
        var gold = new List<string>();
        var predicted = new List<string>();
        for (int g = 0; g < 3; g++)
        {
            for (int p = 0; p < 3; p++)
            {
                for (int k = 0; k < Matrix[g, p]; k++)
                {
                    gold.Add(SentimentLabels.All[g]);
                    predicted.Add(SentimentLabels.All[p]);
                }
            }
        }

        // Interleave so the result cannot depend on the order of the posts.
        var order = Enumerable.Range(0, gold.Count).OrderBy(i => (i * 7) % gold.Count).ToList();
        return (order.Select(i => gold[i]).ToList(), order.Select(i => predicted[i]).ToList());
    }

    [Fact]
    public void Confusion_recall_precision_F1_and_macro_figures()
    {
        var (gold, predicted) = Expand();
        var m = SentimentEvaluator.Evaluate(gold, predicted);

        Assert.Equal(13, m.Count);
        Assert.Equal(Matrix, m.Confusion);
        Assert.Equal(new[] { 3.0 / 5, 2.0 / 4, 3.0 / 4 }, m.Recall, new DoubleComparer());
        Assert.Equal(new[] { 3.0 / 4, 2.0 / 4, 3.0 / 5 }, m.Precision, new DoubleComparer());
        Assert.Equal(new[] { 2.0 / 3, 1.0 / 2, 2.0 / 3 }, m.F1, new DoubleComparer());
        // (3/5 + 1/2 + 3/4) / 3 = 37/60
        Assert.Equal(37.0 / 60, m.MacroRecall, Digits);
        // (2/3 + 1/2 + 2/3) / 3 = 11/18
        Assert.Equal(11.0 / 18, m.MacroF1, Digits);
        Assert.Equal(8.0 / 13, m.Accuracy, Digits);
        Assert.Equal(2.0 / 3, m.F1PosNeg, Digits);
    }

    [Fact]
    public void Labels_are_read_case_insensitively_and_unknown_ones_are_rejected()
    {
        var m = SentimentEvaluator.Evaluate(["Positive", " NEGATIVE "], ["positive", "negative"]);
        Assert.Equal(1.0, m.MacroF1 * 3 / 2, Digits); // neutral has no posts: F1 0, the other two 1
        Assert.Throws<ArgumentException>(() => SentimentEvaluator.Evaluate(["happy"], ["positive"]));
        Assert.Throws<ArgumentException>(() => SentimentEvaluator.Evaluate(["positive"], Array.Empty<string>()));
    }

    private sealed class DoubleComparer : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;

        public int GetHashCode(double obj) => 0;
    }
}

using System.Globalization;
using System.Text;

namespace GenAITrends.Core.Sentiment;

/// <summary>Per-class and macro figures for one evaluation. Class order is <see cref="SentimentLabels.All"/>.</summary>
public sealed record SentimentMetrics(
    int Count,
    double Accuracy,
    double MacroRecall,
    double MacroF1,
    double[] Recall,
    double[] Precision,
    double[] F1,
    int[,] Confusion)
{
    /// <summary>Mean of the negative and positive F1 (the SemEval-2017 secondary measure).</summary>
    public double F1PosNeg => (F1[SentimentLabels.NegativeIndex] + F1[SentimentLabels.PositiveIndex]) / 2;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Count} macroRecall={MacroRecall:0.0000} macroF1={MacroF1:0.0000} acc={Accuracy:0.0000} " +
        $"recall[neg,neu,pos]=[{Recall[0]:0.000},{Recall[1]:0.000},{Recall[2]:0.000}]");

    /// <summary>Confusion matrix as a Markdown table (rows gold, columns predicted).</summary>
    public string ConfusionMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| gold \\ predicted | negative | neutral | positive | recall |");
        sb.AppendLine("|---|---:|---:|---:|---:|");
        for (int g = 0; g < SentimentLabels.Count; g++)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {SentimentLabels.All[g]} | {Confusion[g, 0]} | {Confusion[g, 1]} | {Confusion[g, 2]} | {Recall[g]:0.000} |");
            sb.AppendLine();
        }
        sb.Append(CultureInfo.InvariantCulture,
            $"| precision | {Precision[0]:0.000} | {Precision[1]:0.000} | {Precision[2]:0.000} | |");
        sb.AppendLine();
        return sb.ToString();
    }
}

/// <summary>Macro recall / F1 and confusion for 3-class sentiment, and tuning of per-class decision biases.</summary>
public static class SentimentEvaluator
{
    public static SentimentMetrics Evaluate(IReadOnlyList<string> gold, IReadOnlyList<string> predicted) =>
        Evaluate(gold.Select(ToIndex).ToArray(), predicted.Select(ToIndex).ToArray());

    public static SentimentMetrics Evaluate(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("gold and predicted differ in length.");
        const int k = SentimentLabels.Count;
        var confusion = new int[k, k];
        for (int i = 0; i < gold.Count; i++) confusion[gold[i], predicted[i]]++;

        var recall = new double[k];
        var precision = new double[k];
        var f1 = new double[k];
        int correct = 0;
        for (int c = 0; c < k; c++)
        {
            int tp = confusion[c, c];
            correct += tp;
            int goldCount = 0, predCount = 0;
            for (int j = 0; j < k; j++)
            {
                goldCount += confusion[c, j];
                predCount += confusion[j, c];
            }
            recall[c] = goldCount == 0 ? 0 : (double)tp / goldCount;
            precision[c] = predCount == 0 ? 0 : (double)tp / predCount;
            f1[c] = recall[c] + precision[c] == 0 ? 0 : 2 * recall[c] * precision[c] / (recall[c] + precision[c]);
        }
        return new SentimentMetrics(gold.Count, gold.Count == 0 ? 0 : (double)correct / gold.Count,
            recall.Average(), f1.Average(), recall, precision, f1, confusion);
    }

    /// <summary>Arg-max class of each row of <paramref name="probabilities"/> (n x 3, row-major) after adding
    /// <paramref name="logBias"/> to the log-probabilities.</summary>
    public static int[] Decide(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> logBias)
    {
        int n = probabilities.Length / SentimentLabels.Count;
        Span<float> factor = stackalloc float[SentimentLabels.Count];
        for (int c = 0; c < factor.Length; c++) factor[c] = MathF.Exp(logBias[c]);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            var row = probabilities.Slice(i * SentimentLabels.Count, SentimentLabels.Count);
            int best = 0;
            float bestValue = row[0] * factor[0];
            for (int c = 1; c < row.Length; c++)
            {
                float v = row[c] * factor[c];
                if (v > bestValue) { bestValue = v; best = c; }
            }
            result[i] = best;
        }
        return result;
    }

    /// <summary>
    /// Grid search over log-biases for the negative and positive classes (neutral fixed at 0) maximising macro
    /// recall on the given rows; ties broken by macro F1, then by the smaller total |bias|.
    /// </summary>
    public static float[] TuneClassBias(ReadOnlySpan<float> probabilities, IReadOnlyList<int> gold,
        float range = 1.5f, float step = 0.05f)
    {
        int steps = (int)MathF.Round(range / step);
        var best = new float[SentimentLabels.Count];
        double bestRecall = -1, bestF1 = -1, bestMagnitude = double.MaxValue;
        var bias = new float[SentimentLabels.Count];
        for (int a = -steps; a <= steps; a++)
        {
            for (int b = -steps; b <= steps; b++)
            {
                bias[SentimentLabels.NegativeIndex] = a * step;
                bias[SentimentLabels.PositiveIndex] = b * step;
                var m = Evaluate(gold, Decide(probabilities, bias));
                double magnitude = Math.Abs(a) + Math.Abs(b);
                bool better = m.MacroRecall > bestRecall + 1e-12 ||
                              (Math.Abs(m.MacroRecall - bestRecall) <= 1e-12 &&
                               (m.MacroF1 > bestF1 + 1e-12 ||
                                (Math.Abs(m.MacroF1 - bestF1) <= 1e-12 && magnitude < bestMagnitude)));
                if (!better) continue;
                bestRecall = m.MacroRecall;
                bestF1 = m.MacroF1;
                bestMagnitude = magnitude;
                bias.CopyTo(best, 0);
            }
        }
        return best;
    }

    private static int ToIndex(string label)
    {
        int i = SentimentLabels.IndexOf(label);
        return i >= 0 ? i : throw new ArgumentException($"Unknown sentiment label '{label}'.");
    }
}

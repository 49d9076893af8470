using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace GenAITrends.Core.Classification;

/// <summary>The one input column every theme pipeline reads: the output of <see cref="ThemeTextNormalizer"/>.</summary>
public sealed class ThemeTextRow
{
    public string Text { get; set; } = string.Empty;
}

/// <summary>Builds the shared featurisation estimator and reads its output as sparse vectors.</summary>
public static class ThemeFeaturizer
{
    public const string TextColumn = nameof(ThemeTextRow.Text);
    public const string FeaturesColumn = "Features";

    /// <summary>The text the featuriser reads: <see cref="ThemeTextNormalizer.Normalize"/>, plus lexicon markers when enabled.</summary>
    public static string Prepare(string? text, ThemeFeaturizerOptions o)
    {
        string normalized = ThemeTextNormalizer.Normalize(text, o.SplitCjk);
        return o.LexiconTokens ? ThemeLexicon.Annotate(normalized, o.SplitCjk) : normalized;
    }

    public static IEstimator<ITransformer> Build(MLContext ml, ThemeFeaturizerOptions o)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(o);
        return o.Kind switch
        {
            ThemeFeaturizerKind.FeaturizeText => BuildFeaturizeText(ml, o),
            ThemeFeaturizerKind.Ngrams => BuildNgrams(ml, o),
            _ => throw new ArgumentOutOfRangeException(nameof(o)),
        };
    }

    private static IEstimator<ITransformer> BuildFeaturizeText(MLContext ml, ThemeFeaturizerOptions o)
    {
        var options = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = true,
            KeepNumbers = true,
            StopWordsRemoverOptions = null,
            Norm = o.L2Normalize ? TextFeaturizingEstimator.NormFunction.L2 : TextFeaturizingEstimator.NormFunction.None,
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = o.WordNgramLength,
                UseAllLengths = true,
                Weighting = o.Weighting,
                MaximumNgramsCount = [o.MaxWordNgrams],
            },
            CharFeatureExtractor = o.UsesCharNgrams
                ? new WordBagEstimator.Options
                {
                    NgramLength = o.CharNgramLengths.Max(),
                    UseAllLengths = o.CharAllLengths,
                    Weighting = o.Weighting,
                    MaximumNgramsCount = [o.MaxCharNgrams],
                }
                : null,
        };
        return ml.Transforms.Text.FeaturizeText(FeaturesColumn, options, TextColumn);
    }

    private static IEstimator<ITransformer> BuildNgrams(MLContext ml, ThemeFeaturizerOptions o)
    {
        var blocks = new List<string> { "WordGrams" };
        IEstimator<ITransformer> est = ml.Transforms.Text.TokenizeIntoWords("Words", TextColumn, separators: [' '])
            .Append(ml.Transforms.Conversion.MapValueToKey("WordKeys", "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams("WordGramsRaw", "WordKeys", ngramLength: o.WordNgramLength, useAllLengths: true, maximumNgramsCount: o.MaxWordNgrams, weighting: o.Weighting))
            .Append(Norm(ml, o with { L2Normalize = o.L2Normalize && !o.RawWordBlock }, "WordGrams", "WordGramsRaw"));
        if (o.UsesCharNgrams)
        {
            est = est.Append(ml.Transforms.Text.TokenizeIntoCharactersAsKeys("Chars", TextColumn, useMarkerCharacters: true));
            foreach (int n in o.CharNgramLengths)
            {
                string raw = $"Char{n}Raw";
                string block = $"Char{n}";
                est = est
                    .Append(ml.Transforms.Text.ProduceNgrams(raw, "Chars", ngramLength: n, useAllLengths: o.CharAllLengths, maximumNgramsCount: o.MaxCharNgrams, weighting: o.Weighting))
                    .Append(Norm(ml, o, block, raw));
                blocks.Add(block);
            }
        }

        return est.Append(ml.Transforms.Concatenate(FeaturesColumn, [.. blocks]));
    }

    private static IEstimator<ITransformer> Norm(MLContext ml, ThemeFeaturizerOptions o, string output, string input)
    {
        IEstimator<ITransformer> norm = o.L2Normalize ? ml.Transforms.NormalizeLpNorm(output, input) : ml.Transforms.CopyColumns(output, input);
        if (o.MinDocumentCount <= 1)
        {
            return norm;
        }

        // Drop n-grams seen in fewer than MinDocumentCount training texts before normalising.
        IEstimator<ITransformer> after = o.L2Normalize ? ml.Transforms.NormalizeLpNorm(output, input + "Kept") : ml.Transforms.CopyColumns(output, input + "Kept");
        return ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(input + "Kept", input, o.MinDocumentCount).Append(after);
    }

    public static IDataView ToDataView(MLContext ml, IReadOnlyList<string> normalizedTexts) =>
        ml.Data.LoadFromEnumerable(normalizedTexts.Select(t => new ThemeTextRow { Text = t }));

    /// <summary>Materialises the feature column as sparse rows (indices + values).</summary>
    public static List<SparseRow> ReadFeatures(IDataView featurized)
    {
        var column = featurized.Schema[FeaturesColumn];
        var rows = new List<SparseRow>();
        using var cursor = featurized.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        while (cursor.MoveNext())
        {
            getter(ref buffer);
            rows.Add(SparseRow.From(buffer));
        }

        return rows;
    }

    /// <summary>Raw ML.NET slot names of the feature column ("WordGrams.a|b", "Char4.x|y|z|w").</summary>
    public static string[] ReadSlotNames(DataViewSchema schema)
    {
        var column = schema[FeaturesColumn];
        int size = ((VectorDataViewType)column.Type).Size;
        VBuffer<ReadOnlyMemory<char>> names = default;
        if (column.HasSlotNames())
        {
            column.GetSlotNames(ref names);
        }

        return names.Length == size ? names.DenseValues().Select(n => n.ToString()).ToArray() : [];
    }

    /// <summary>Readable names of the feature slots (word n-grams "a b", char n-grams marked by <see cref="FeatureSlot.IsCharGram"/>).</summary>
    public static FeatureSlot[] ReadSlots(DataViewSchema schema)
    {
        var column = schema[FeaturesColumn];
        int size = ((VectorDataViewType)column.Type).Size;
        var slots = new FeatureSlot[size];
        VBuffer<ReadOnlyMemory<char>> names = default;
        if (column.HasSlotNames())
        {
            column.GetSlotNames(ref names);
        }

        var dense = names.Length == size ? names.DenseValues().ToArray() : null;
        for (int i = 0; i < size; i++)
        {
            slots[i] = FeatureSlot.Parse(dense is null ? $"f{i}" : dense[i].ToString());
        }

        return slots;
    }
}

/// <summary>One featurised post: the non-zero slots of the feature vector.</summary>
public readonly record struct SparseRow(int[] Indices, float[] Values)
{
    public static SparseRow From(in VBuffer<float> buffer)
    {
        if (buffer.IsDense)
        {
            var values = buffer.GetValues();
            var idx = new List<int>();
            var val = new List<float>();
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] != 0)
                {
                    idx.Add(i);
                    val.Add(values[i]);
                }
            }

            return new SparseRow([.. idx], [.. val]);
        }

        return new SparseRow(buffer.GetIndices().ToArray(), buffer.GetValues().ToArray());
    }

    public float Dot(float[] weights)
    {
        float sum = 0;
        for (int i = 0; i < Indices.Length; i++)
        {
            sum += weights[Indices[i]] * Values[i];
        }

        return sum;
    }
}

/// <summary>A feature slot mapped back to text: word n-gram ("open source") or char n-gram ("pen ").</summary>
public readonly record struct FeatureSlot(string Term, bool IsCharGram)
{
    /// <summary>Parses ML.NET slot names: "Block.a|b" (ProduceNgrams + Concatenate) or "w.a|b" / "c.x|y|z" (FeaturizeText).</summary>
    public static FeatureSlot Parse(string slotName)
    {
        int dot = slotName.IndexOf('.', StringComparison.Ordinal);
        string block = dot > 0 ? slotName[..dot] : string.Empty;
        string body = dot > 0 ? slotName[(dot + 1)..] : slotName;
        bool isChar = block.StartsWith("Char", StringComparison.Ordinal) || block == "c";
        if (isChar)
        {
            // Char tokens are single characters; the marker chars <␂> / <␃> mean start/end of the text; <␠> is a space.
            string term = body.Replace("<\u2402>", "^", StringComparison.Ordinal)
                .Replace("<\u2403>", "$", StringComparison.Ordinal)
                .Replace("<\u2420>", " ", StringComparison.Ordinal)
                .Replace("|", string.Empty, StringComparison.Ordinal);
            return new FeatureSlot(term, true);
        }

        return new FeatureSlot(body.Replace('|', ' '), false);
    }
}

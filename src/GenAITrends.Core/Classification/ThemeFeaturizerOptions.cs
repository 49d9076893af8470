using Microsoft.ML.Transforms.Text;

namespace GenAITrends.Core.Classification;

/// <summary>Which ML.NET text featuriser builds the shared feature vector.</summary>
public enum ThemeFeaturizerKind
{
    /// <summary>One <c>FeaturizeText</c> transform (word and char bags, one L2 norm over both).</summary>
    FeaturizeText,

    /// <summary>TokenizeIntoWords → MapValueToKey → ProduceNgrams, plus TokenizeIntoCharactersAsKeys → ProduceNgrams; each block L2-normalised, then concatenated.</summary>
    Ngrams,
}

/// <summary>Settings of the shared text featurisation; stored in the model manifest.</summary>
public sealed record ThemeFeaturizerOptions
{
    public ThemeFeaturizerKind Kind { get; init; } = ThemeFeaturizerKind.Ngrams;

    /// <summary>Word n-grams of length 1..WordNgramLength.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Char n-gram lengths; each is one block (Ngrams) — FeaturizeText uses only the largest, all lengths up to it when <see cref="CharAllLengths"/>.</summary>
    public int[] CharNgramLengths { get; init; } = [4];

    public bool CharAllLengths { get; init; }

    public NgramExtractingEstimator.WeightingCriteria Weighting { get; init; } = NgramExtractingEstimator.WeightingCriteria.Tf;

    /// <summary>Word n-grams seen fewer times than this in training are dropped from the dictionary (Ngrams kind only; 1 keeps all).</summary>
    public int MaxWordNgrams { get; init; } = 200_000;

    public int MaxCharNgrams { get; init; } = 200_000;

    /// <summary>L2-normalise each block (Ngrams) or the whole vector (FeaturizeText); false keeps raw TF / TF-IDF values.</summary>
    public bool L2Normalize { get; init; } = true;

    /// <summary>Append <see cref="ThemeLexicon"/> marker tokens (one per theme whose cross-language keywords occur) before featurising.</summary>
    public bool LexiconTokens { get; init; }

    /// <summary><see cref="ThemeLexicon.Fingerprint"/> of the keyword lists a model with <see cref="LexiconTokens"/> was trained with.</summary>
    public string? Lexicon { get; init; }

    /// <summary>Ngrams kind only: keep only n-grams that occur in at least this many training texts (ML.NET SelectFeaturesBasedOnCount; 1 keeps all).</summary>
    public int MinDocumentCount { get; init; } = 1;

    /// <summary>Ngrams kind only: leave the word block un-normalised (raw TF / TF-IDF) while char blocks stay L2-normalised.</summary>
    public bool RawWordBlock { get; init; }

    /// <summary>Each Chinese character and Japanese kana is its own token (<see cref="ThemeTextNormalizer.Normalize(string?, bool)"/>).</summary>
    public bool SplitCjk { get; init; }

    public bool UsesCharNgrams => CharNgramLengths.Length > 0;

    public override string ToString() =>
        $"{Kind} words1-{WordNgramLength} chars[{string.Join(",", CharNgramLengths)}{(CharAllLengths ? ",all" : "")}] {Weighting}{(L2Normalize ? " L2" : " raw")}{(RawWordBlock ? " raw-words" : "")}{(MinDocumentCount > 1 ? $" df>={MinDocumentCount}" : "")}{(LexiconTokens ? " +lexicon" : "")}{(SplitCjk ? " cjk-split" : "")}";
}

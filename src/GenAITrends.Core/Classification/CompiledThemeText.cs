namespace GenAITrends.Core.Classification;

/// <summary>
/// What the two compiled theme paths (<see cref="CompiledThemeFeaturizer"/>, which builds feature vectors, and
/// <see cref="CompiledThemeScorer"/>, which scores without building them) must read identically from a normalised text.
/// </summary>
internal static class CompiledThemeText
{
    /// <summary>Char n-grams are taken over STX + text + ETX, as ML.NET's char tokenizer marks the ends.</summary>
    public const char StartMarker = '\u0002';
    public const char EndMarker = '\u0003';

    public interface IWordGramSink
    {
        void Add(int slot);
    }

    public static long PackBigram(int first, int second) => ((long)first << 32) | (uint)second;

    /// <summary>
    /// Word 1–2-grams over space-separated tokens: every known word's slot, then its bigram's slot when the bigram was
    /// fitted; an unknown word breaks the bigram chain (ML.NET's missing key).
    /// </summary>
    public static void WalkWordGrams<TSink>(ReadOnlySpan<char> span, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> unigrams,
        Dictionary<long, int> bigrams, ref TSink sink)
        where TSink : IWordGramSink, allows ref struct
    {
        int previous = -1;
        int i = 0;
        while (i < span.Length)
        {
            if (span[i] == ' ')
            {
                i++;
                continue;
            }

            int end = span[i..].IndexOf(' ');
            end = end < 0 ? span.Length : i + end;
            if (unigrams.TryGetValue(span[i..end], out int slot))
            {
                sink.Add(slot);
                if (previous >= 0 && bigrams.TryGetValue(PackBigram(previous, slot), out int bigram))
                {
                    sink.Add(bigram);
                }

                previous = slot;
            }
            else
            {
                previous = -1;
            }

            i = end;
        }
    }
}

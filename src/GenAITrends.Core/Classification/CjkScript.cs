namespace GenAITrends.Core.Classification;

/// <summary>Scripts written without spaces between words, whose characters the text normalisers can split into tokens.</summary>
public static class CjkScript
{
    /// <summary>Hiragana, katakana (with the prolonged sound mark) and CJK ideographs. Hangul is left alone: Korean spaces its words.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');

    public static bool IsHiragana(char c) => c is >= '\u3040' and <= '\u309F';

    /// <summary>Whether any character of <paramref name="text"/> is <see cref="IsCjk"/> (vectorised: cheap on the Latin text of most posts).</summary>
    public static bool ContainsCjk(ReadOnlySpan<char> text) => text.ContainsAny(CjkChars);

    private static readonly System.Buffers.SearchValues<char> CjkChars = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0x3040, 0xFB00 - 0x3040).Select(i => (char)i).Where(IsCjk)));

    /// <summary>
    /// Splits a run of letters into terms for counting: each stretch of other scripts whole ("chatgpt"), each CJK
    /// stretch as overlapping character bigrams ("禁止", "止措"). Bigrams of two hiragana are left out: they are
    /// mostly grammar (particles, verb endings), not subjects.
    /// </summary>
    public static IEnumerable<string> Terms(string word)
    {
        int i = 0;
        while (i < word.Length)
        {
            bool cjk = IsCjk(word[i]);
            int end = i;
            while (end < word.Length && IsCjk(word[end]) == cjk)
            {
                end++;
            }

            if (!cjk)
            {
                yield return word[i..end];
            }
            else
            {
                for (int k = i; k + 1 < end; k++)
                {
                    if (!(IsHiragana(word[k]) && IsHiragana(word[k + 1])))
                    {
                        yield return word.Substring(k, 2);
                    }
                }
            }

            i = end;
        }
    }
}

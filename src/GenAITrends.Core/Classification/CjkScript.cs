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

    public static bool IsKatakana(char c) => c is >= '\u30A0' and <= '\u30FF';

    /// <summary>
    /// Splits a run of letters into terms for counting, at changes of script: other scripts whole ("chatgpt");
    /// katakana words whole ("イタリア", mostly loanwords and names); ideograph runs of two to four characters whole
    /// ("禁止", "個人情報"), longer ones (Chinese, written without kana between words) as overlapping bigrams.
    /// Hiragana and single characters are left out: they are mostly grammar (particles, verb endings), not subjects.
    /// </summary>
    public static IEnumerable<string> Terms(string word)
    {
        int i = 0;
        while (i < word.Length)
        {
            var kind = KindOf(word[i]);
            int end = i;
            while (end < word.Length && KindOf(word[end]) == kind)
            {
                end++;
            }

            int length = end - i;
            switch (kind)
            {
                case TermScript.Other:
                case TermScript.Katakana when length >= 2:
                case TermScript.Ideograph when length is >= 2 and <= 4:
                    yield return word[i..end];
                    break;
                case TermScript.Ideograph when length > 4:
                    for (int k = i; k + 1 < end; k++)
                    {
                        yield return word.Substring(k, 2);
                    }

                    break;
            }

            i = end;
        }
    }

    private enum TermScript { Other, Hiragana, Katakana, Ideograph }

    private static TermScript KindOf(char c) =>
        !IsCjk(c) ? TermScript.Other : IsHiragana(c) ? TermScript.Hiragana : IsKatakana(c) ? TermScript.Katakana : TermScript.Ideograph;
}

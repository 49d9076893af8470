using System.Globalization;
using System.Text;

namespace GenAITrends.Core.Classification;

/// <summary>
/// NFKC and invariant lower case without a call into ICU per post or per character. Both are asked of every post
/// (theme features, dedupe keys, keyword rules), and ICU's cost dominated for Chinese and Japanese posts: full-width
/// punctuation (！, （) and "…" send almost every such post through <see cref="string.Normalize(NormalizationForm)"/>,
/// and every non-ASCII character through a P/Invoke to lower-case it. Both answers are looked up per BMP character
/// and computed once with the framework's own calls, so the results are the framework's.
/// </summary>
public static class TextFolding
{
    private const byte Unknown = 0, Stable = 1, Complex = 2, Mapped = 3;

    // Per BMP code unit: Stable = NFKC leaves it alone in any context; Mapped = NFKC replaces it by s_nfkcMap[c] (all
    // Stable characters, whatever its neighbours); Complex = it may change with its neighbours (combining marks, jamo,
    // half-width voiced marks): only ICU knows.
    private static readonly byte[] s_nfkcKind = new byte[0x10000];
    private static readonly string?[] s_nfkcMap = new string?[0x10000];
    private static readonly Lazy<char[]> s_lower = new(() =>
    {
        var table = new char[0x10000];
        for (int c = 0; c < table.Length; c++)
        {
            table[c] = char.ToLowerInvariant((char)c);
        }

        return table;
    });

    /// <summary>Same as <c>char.ToLowerInvariant(c)</c>, from a table.</summary>
    public static char ToLowerInvariant(char c) => c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : s_lower.Value[c];

    /// <summary>
    /// Same as <c>s.Normalize(NormalizationForm.FormKC)</c>, <paramref name="s"/> itself when NFKC cannot change it;
    /// where the framework would throw (U+FFFE, a lone surrogate) those characters become U+FFFD instead.
    /// </summary>
    public static string Nfkc(string s)
    {
        bool mapped = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x80)
            {
                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) && IsStableEmoji(char.ConvertToUtf32(c, s[i + 1])))
            {
                i++;
                continue;
            }

            byte kind = KindOf(c);
            if (kind == Complex)
            {
                return WithoutInvalidCodePoints(s).Normalize(NormalizationForm.FormKC);
            }

            mapped |= kind == Mapped;
        }

        return mapped ? ReplaceMapped(s) : s;
    }

    /// <summary>
    /// ICU refuses to normalise a string holding U+FFFE or a lone surrogate (valid UTF-8 and HTML entities can carry
    /// them): in the matching form they become U+FFFD, the replacement character, so one odd character in a post
    /// cannot fail a whole import.
    /// </summary>
    private static string WithoutInvalidCodePoints(string s)
    {
        StringBuilder? sb = null;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            bool pair = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]);
            bool invalid = c == '\uFFFE' || (char.IsSurrogate(c) && !pair);
            if (invalid && sb is null)
            {
                sb = new StringBuilder(s.Length).Append(s, 0, i);
            }

            if (sb is not null)
            {
                sb.Append(invalid ? '\uFFFD' : c);
                if (pair)
                {
                    sb.Append(s[i + 1]);
                }
            }

            if (pair)
            {
                i++;
            }
        }

        return sb?.ToString() ?? s;
    }

    // Emoji, flags (regional indicators) and emoji tag sequences are stable; other supplementary characters
    // (mathematical bold letters …) are not, and go to ICU.
    private static bool IsStableEmoji(int codePoint) => codePoint is (>= 0x1F300 and <= 0x1FAFF) or (>= 0x1F1E6 and <= 0x1F1FF) or (>= 0xE0020 and <= 0xE007F);

    private static string ReplaceMapped(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c >= 0x80 && s_nfkcKind[c] == Mapped)
            {
                sb.Append(s_nfkcMap[c]);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static byte KindOf(char c)
    {
        byte kind = Volatile.Read(ref s_nfkcKind[c]);
        if (kind == Unknown)
        {
            // Races only write the same answer; the mapping is published before the kind that says to read it.
            kind = Classify(c, out string? mapping);
            s_nfkcMap[c] = mapping;
            Volatile.Write(ref s_nfkcKind[c], kind);
        }

        return kind;
    }

    private static byte Classify(char c, out string? mapping)
    {
        mapping = null;
        if (!IsContextFree(c))
        {
            return Complex;
        }

        string one = c.ToString();
        string normalized = one.Normalize(NormalizationForm.FormKC);
        if (normalized == one)
        {
            return Stable;
        }

        // A replacement made only of context-free characters that NFKC keeps cannot combine with the neighbours.
        foreach (char r in normalized)
        {
            if (r >= 0x80 && (!IsContextFree(r) || r.ToString().Normalize(NormalizationForm.FormKC) != r.ToString()))
            {
                return Complex;
            }
        }

        mapping = normalized;
        return Mapped;
    }

    /// <summary>Not a surrogate, combining mark, unassigned code point or conjoining Hangul jamo: what NFKC does to it does not depend on its neighbours.</summary>
    private static bool IsContextFree(char c)
    {
        // Marks of emoji sequences (variation selectors, the keycap of 1️⃣) have combining class 0 and compose with nothing.
        if (c is (>= '\uFE00' and <= '\uFE0F') or '\u20E3')
        {
            return true;
        }

        if (char.IsSurrogate(c) || c is (>= '\u1100' and <= '\u11FF') or (>= '\uA960' and <= '\uA97F') or (>= '\uD7B0' and <= '\uD7FF'))
        {
            return false;
        }

        return char.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherNotAssigned);
    }
}

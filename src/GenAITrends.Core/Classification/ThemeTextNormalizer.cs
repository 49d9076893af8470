using System.Text;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Turns a raw post into the single space-separated token string every theme featuriser reads:
/// NFKC, lower case, URLs to <see cref="UrlToken"/>, @mentions to <see cref="MentionToken"/>,
/// hashtags kept as <c>#tag</c> and also split into words (#OpenSourceAI → #opensourceai open source ai),
/// HTML entities decoded, apostrophes inside words dropped, all other punctuation and symbols removed.
/// With <c>splitCjk</c>, each Chinese character and Japanese kana is a token of its own: those scripts put no
/// spaces between words, so word bigrams become the character bigrams CJK text search relies on.
/// Pure and thread-safe.
/// </summary>
public static class ThemeTextNormalizer
{
    public const string UrlToken = "<url>";
    public const string MentionToken = "<mention>";

    [ThreadStatic]
    private static StringBuilder? t_builder;

    public static string Normalize(string? text) => Normalize(text, splitCjk: false);

    public static string Normalize(string? text, bool splitCjk)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        text = TextFolding.Nfkc(text);

        var sb = t_builder ??= new StringBuilder(512);
        sb.Clear();
        var s = text.AsSpan();
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i];
            if (c == '&' && TryEntity(s, i, out int entityLength, out char decoded))
            {
                // &amp; &lt; &gt; &quot; &#39; are separators once decoded (none is a letter).
                _ = decoded;
                i += entityLength;
                continue;
            }

            if ((c == 'h' || c == 'H') && StartsUrl(s, i))
            {
                AppendToken(sb, UrlToken);
                i = SkipNonSpace(s, i);
                continue;
            }

            if ((c == 'w' || c == 'W') && (i == 0 || !IsWordChar(s[i - 1])) && StartsWithIgnoreCase(s, i, "www."))
            {
                AppendToken(sb, UrlToken);
                i = SkipNonSpace(s, i);
                continue;
            }

            if (c == '@' && i + 1 < s.Length && IsHandleChar(s[i + 1]) && (i == 0 || !IsWordChar(s[i - 1])))
            {
                AppendToken(sb, MentionToken);
                i++;
                while (i < s.Length && IsHandleChar(s[i]))
                {
                    i++;
                }

                continue;
            }

            if ((c == '#' || c == '＃') && i + 1 < s.Length && IsWordChar(s[i + 1]) && (i == 0 || !IsWordChar(s[i - 1])))
            {
                int start = i + 1;
                int end = start;
                while (end < s.Length && (IsWordChar(s[end]) || s[end] == '_'))
                {
                    end++;
                }

                AppendHashtag(sb, s[start..end]);
                i = end;
                continue;
            }

            if (IsWordChar(c))
            {
                AppendWord(sb, s, ref i, splitCjk);
                continue;
            }

            i++;
        }

        return sb.ToString();
    }

    private static void AppendWord(StringBuilder sb, ReadOnlySpan<char> s, ref int i, bool splitCjk)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        bool afterCjk = false;
        while (i < s.Length)
        {
            char c = s[i];
            if (IsWordChar(c))
            {
                bool cjk = splitCjk && CjkScript.IsCjk(c);
                if ((cjk || afterCjk) && sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }

                sb.Append(TextFolding.ToLowerInvariant(c));
                afterCjk = cjk;
                i++;
            }
            else if (IsApostrophe(c) && i + 1 < s.Length && char.IsLetter(s[i + 1]) && char.IsLetter(s[i - 1]))
            {
                i++; // don't → dont, it’s → its
            }
            else
            {
                break;
            }
        }
    }

    private static void AppendHashtag(StringBuilder sb, ReadOnlySpan<char> tag)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append('#');
        foreach (char c in tag)
        {
            if (c != '_')
            {
                sb.Append(TextFolding.ToLowerInvariant(c));
            }
        }

        // Split at underscores, lower→Upper, Upper→Upper+lower (AIVideo → AI Video) and letter↔digit.
        int partStart = -1;
        for (int k = 0; k <= tag.Length; k++)
        {
            bool boundary;
            if (k == tag.Length || tag[k] == '_')
            {
                boundary = true;
            }
            else if (partStart < 0)
            {
                partStart = k;
                continue;
            }
            else
            {
                char prev = tag[k - 1];
                char cur = tag[k];
                boundary = (char.IsLower(prev) && char.IsUpper(cur))
                    || (char.IsUpper(prev) && char.IsUpper(cur) && k + 1 < tag.Length && char.IsLower(tag[k + 1]))
                    || (char.IsDigit(prev) != char.IsDigit(cur));
            }

            if (boundary && partStart >= 0)
            {
                sb.Append(' ');
                for (int m = partStart; m < k; m++)
                {
                    sb.Append(TextFolding.ToLowerInvariant(tag[m]));
                }

                partStart = k < tag.Length && tag[k] != '_' ? k : -1;
            }
        }
    }

    private static void AppendToken(StringBuilder sb, string token)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(token);
    }

    private static bool StartsUrl(ReadOnlySpan<char> s, int i)
    {
        if (i > 0 && char.IsLetter(s[i - 1]))
        {
            return false;
        }

        if (!StartsWithIgnoreCase(s, i, "http"))
        {
            return false;
        }

        int k = i + 4;
        if (k < s.Length && (s[k] == 's' || s[k] == 'S'))
        {
            k++;
        }

        // "https://…", but also a tweet cut at "https:" or "https…".
        return k >= s.Length || s[k] == ':' || s[k] == '…';
    }

    private static int SkipNonSpace(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && !char.IsWhiteSpace(s[i]))
        {
            i++;
        }

        return i;
    }

    private static bool TryEntity(ReadOnlySpan<char> s, int i, out int length, out char decoded)
    {
        ReadOnlySpan<(string Entity, char Char)> entities =
            [("&amp;", '&'), ("&lt;", '<'), ("&gt;", '>'), ("&quot;", '"'), ("&#39;", '\''), ("&apos;", '\'')];
        foreach (var (entity, ch) in entities)
        {
            if (StartsWithIgnoreCase(s, i, entity))
            {
                length = entity.Length;
                decoded = ch;
                return true;
            }
        }

        length = 0;
        decoded = '\0';
        return false;
    }

    private static bool StartsWithIgnoreCase(ReadOnlySpan<char> s, int i, string prefix) =>
        s.Length - i >= prefix.Length && s.Slice(i, prefix.Length).Equals(prefix, StringComparison.OrdinalIgnoreCase);

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || (c > 0x7F && char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark);

    private static bool IsHandleChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';
}

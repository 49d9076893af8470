using System.Text;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Lexicon features: the keyword lists of <see cref="KeywordThemeBaseline"/>, matched as token sequences on normalised
/// text, appended as one marker token per theme hit (<c>kw_security</c> …). The model learns how far to trust each
/// theme's keywords in context, and keywords that are rare in the training data share the weight of the whole list.
/// </summary>
public static class ThemeLexicon
{
    public const string TokenPrefix = "kw_";

    private static readonly Lazy<(Dictionary<string, int> Phrases, int MaxTokens)> s_table = new(Build);

    public static string MarkerFor(string themeId) => TokenPrefix + themeId;

    /// <summary>Appends a marker token for every theme whose keywords occur in <paramref name="normalized"/> (output of <see cref="ThemeTextNormalizer"/>).</summary>
    public static string Annotate(string normalized)
    {
        int mask = Match(normalized);
        if (mask == 0)
        {
            return normalized;
        }

        var sb = new StringBuilder(normalized, normalized.Length + 64);
        for (int t = 0; t < ThemeIds.All.Count; t++)
        {
            if ((mask & (1 << t)) != 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(' ');
                }

                sb.Append(TokenPrefix).Append(ThemeIds.All[t]);
            }
        }

        return sb.ToString();
    }

    /// <summary>Bit t set = a keyword of theme t (in <see cref="ThemeIds.All"/> order) occurs.</summary>
    public static int Match(string normalized)
    {
        var (phrases, maxTokens) = s_table.Value;
        var lookup = phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = normalized.AsSpan();
        int mask = 0;
        int i = 0;
        while (i < span.Length)
        {
            if (span[i] == ' ')
            {
                i++;
                continue;
            }

            // Phrases of 1..maxTokens tokens starting at i.
            int end = i;
            for (int n = 0; n < maxTokens && end < span.Length; n++)
            {
                int next = span[end..].IndexOf(' ');
                end = next < 0 ? span.Length : end + next;
                if (lookup.TryGetValue(span[i..end], out int themes))
                {
                    mask |= themes;
                }

                if (end < span.Length)
                {
                    end++; // include the space, continue with the next token
                }
                else
                {
                    break;
                }
            }

            int wordEnd = span[i..].IndexOf(' ');
            i = wordEnd < 0 ? span.Length : i + wordEnd;
        }

        return mask;
    }

    private static (Dictionary<string, int>, int) Build()
    {
        var phrases = new Dictionary<string, int>(StringComparer.Ordinal);
        int maxTokens = 1;
        foreach (var (themeId, keywords) in KeywordThemeBaseline.DefaultKeywords)
        {
            int bit = 1 << ThemeIds.IndexOf(themeId);
            foreach (var keyword in keywords)
            {
                string phrase = ThemeTextNormalizer.Normalize(keyword);
                if (phrase.Length == 0)
                {
                    continue;
                }

                phrases[phrase] = phrases.GetValueOrDefault(phrase) | bit;
                maxTokens = Math.Max(maxTokens, phrase.Count(c => c == ' ') + 1);
            }
        }

        return (phrases, maxTokens);
    }
}

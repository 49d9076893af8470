using System.Security.Cryptography;
using System.Text;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Cross-language keyword markers (ADR 009): when a post holds a keyword of <see cref="MultilingualThemeKeywords"/>
/// (規制, クラウド, sécurité …), one marker token per theme (<c>kw_security</c> …) is appended to its normalised text.
/// A marker means the same in every language, so what the model learns about it from posts in one language carries to
/// the others, which have too few labelled posts of their own. English keywords are not marked: with them the model
/// leaned on the markers and tagged many English posts that merely name a keyword.
/// </summary>
public static class ThemeLexicon
{
    public const string TokenPrefix = "kw_";

    /// <summary>
    /// Identifies the keyword lists (a hash) and the way they are matched (the version: raise it when matching
    /// changes); a model trained with markers stores it and refuses to load under another.
    /// </summary>
    public static string Fingerprint { get; } = ComputeFingerprint();

    private static readonly Lazy<Table> s_table = new(() => Table.Build(splitCjk: false));
    private static readonly Lazy<Table> s_tableCjk = new(() => Table.Build(splitCjk: true));

    public static string MarkerFor(string themeId) => TokenPrefix + themeId;

    public static bool IsMarker(string token) => ThemeOfMarker(token) >= 0;

    /// <summary>The index in <see cref="ThemeIds.All"/> of the theme a marker token stands for; -1 for any other token.</summary>
    public static int ThemeOfMarker(string token) =>
        token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? ThemeIds.IndexOf(token[TokenPrefix.Length..]) : -1;

    /// <summary>
    /// Appends a marker token for every theme whose keywords occur in <paramref name="normalized"/> (output of
    /// <see cref="ThemeTextNormalizer.Normalize(string?, bool)"/> with the same <paramref name="splitCjk"/>).
    /// </summary>
    public static string Annotate(string normalized, bool splitCjk)
    {
        int mask = For(splitCjk).Walk(normalized, null);
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
    public static int Match(string normalized, bool splitCjk) => For(splitCjk).Walk(normalized, null);

    /// <summary>The keywords found, as written in the lists, with the themes they mark (for explanations).</summary>
    public static IReadOnlyList<(string Keyword, int Themes)> Keywords(string normalized, bool splitCjk)
    {
        var hits = new List<(string, int)>();
        For(splitCjk).Walk(normalized, hits);
        return hits;
    }

    private static Table For(bool splitCjk) => splitCjk ? s_tableCjk.Value : s_table.Value;

    private static string ComputeFingerprint()
    {
        var lines = MultilingualThemeKeywords.Keywords
            .SelectMany(kv => kv.Value.Select(k => $"{kv.Key}\t{k}"))
            .Order(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", lines)));
        return $"ThemeLexicon/2:{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }

    /// <summary>Normalised keyword phrases (space-separated tokens) and every proper token prefix of them.</summary>
    private sealed class Table
    {
        private readonly Dictionary<string, (int Themes, string Keyword)> _phrases = new(StringComparer.Ordinal);
        private readonly HashSet<string> _prefixes = new(StringComparer.Ordinal);

        // A one-hash Bloom filter over the first tokens of the phrases, keyed by first character, last character and
        // length: most tokens of a post fail it and cost no dictionary lookup.
        private readonly ulong[] _firstTokens = new ulong[1024];

        private static int FilterBit(ReadOnlySpan<char> token) => ((token[0] * 31) + (token[^1] * 7919) + token.Length) & 0xFFFF;

        private bool MayStartPhrase(ReadOnlySpan<char> token)
        {
            int bit = FilterBit(token);
            return (_firstTokens[bit >> 6] & (1UL << (bit & 63))) != 0;
        }

        public static Table Build(bool splitCjk)
        {
            var table = new Table();
            foreach (var (themeId, keywords) in MultilingualThemeKeywords.Keywords)
            {
                int bit = 1 << ThemeIds.IndexOf(themeId);
                foreach (var keyword in keywords)
                {
                    string phrase = ThemeTextNormalizer.Normalize(keyword, splitCjk);
                    if (phrase.Length == 0)
                    {
                        continue;
                    }

                    table._phrases[phrase] = table._phrases.TryGetValue(phrase, out var old) ? (old.Themes | bit, old.Keyword) : (bit, keyword);
                    int firstEnd = phrase.IndexOf(' ');
                    int filterBit = FilterBit(phrase.AsSpan(0, firstEnd < 0 ? phrase.Length : firstEnd));
                    table._firstTokens[filterBit >> 6] |= 1UL << (filterBit & 63);
                    for (int space = phrase.IndexOf(' '); space > 0; space = phrase.IndexOf(' ', space + 1))
                    {
                        table._prefixes.Add(phrase[..space]);
                    }
                }
            }

            return table;
        }

        /// <summary>Finds every keyword phrase starting at each token; returns the themes hit, and the hits when asked.</summary>
        public int Walk(string normalized, List<(string, int)>? hits)
        {
            var phrases = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
            var prefixes = _prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
            var span = normalized.AsSpan();
            int mask = 0;
            for (int i = 0; i < span.Length;)
            {
                if (span[i] == ' ')
                {
                    i++;
                    continue;
                }

                int wordEnd = span[i..].IndexOf(' ');
                wordEnd = wordEnd < 0 ? span.Length : i + wordEnd;
                if (!MayStartPhrase(span[i..wordEnd]))
                {
                    i = wordEnd;
                    continue;
                }

                // Phrases of one, two, … tokens starting at i, for as long as the tokens so far begin some phrase.
                int end = i;
                while (true)
                {
                    int next = span[end..].IndexOf(' ');
                    end = next < 0 ? span.Length : end + next;
                    var candidate = span[i..end];
                    if (phrases.TryGetValue(candidate, out var entry))
                    {
                        mask |= entry.Themes;
                        hits?.Add((entry.Keyword, entry.Themes));
                    }

                    if (end == span.Length || !prefixes.Contains(candidate))
                    {
                        break;
                    }

                    end++;
                }

                i = wordEnd;
            }

            return mask;
        }
    }
}

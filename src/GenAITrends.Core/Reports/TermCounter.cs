using System.Globalization;
using System.Text;
using GenAITrends.Core.Analytics;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Reports;

/// <summary>Terms (words, hashtags) mentioned by more posts of a theme than in the previous period.</summary>
public static class TermCounter
{
    public static IReadOnlyList<RisingTerm> Rising(IEnumerable<string> current, IEnumerable<string> previous, int top)
    {
        var (cur, curN) = DocumentFrequencies(current);
        if (curN == 0) return [];
        var (prev, prevN) = DocumentFrequencies(previous);
        var minPosts = Math.Max(2, (int)Math.Ceiling(curN * 0.01));
        var scale = prevN == 0 ? 0 : (double)curN / prevN;
        return cur
            .Where(kv => kv.Value >= minPosts)
            .Select(kv =>
            {
                var p = prev.GetValueOrDefault(kv.Key);
                // Growth of the share of posts mentioning the term, smoothed so rare terms do not dominate.
                var growth = prevN == 0 ? 0 : (kv.Value + 1.0) / (p * scale + 1.0);
                return new RisingTerm(kv.Key, kv.Value, p, growth);
            })
            .Where(t => prevN == 0 || t.Growth > 1.0)
            .OrderByDescending(t => prevN == 0 ? t.Posts : t.Growth * Math.Log(1 + t.Posts))
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(top)
            .ToList();
    }

    private static (Dictionary<string, int> Counts, int Posts) DocumentFrequencies(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var n = 0;
        foreach (var text in texts)
        {
            n++;
            seen.Clear();
            foreach (var term in Tokens(text))
                if (seen.Add(term)) counts[term] = counts.GetValueOrDefault(term) + 1;
        }
        return (counts, n);
    }

    internal static IEnumerable<string> Tokens(string text)
    {
        var sb = new StringBuilder();
        var span = text.Length > 4000 ? text[..4000] : text;
        for (var i = 0; i <= span.Length; i++)
        {
            var ch = i < span.Length ? span[i] : ' ';
            if (char.IsLetterOrDigit(ch) || ((ch == '#' || ch == '@') && sb.Length == 0) || ((ch == '-' || ch == '\'' || ch == '.') && sb.Length > 0 && i + 1 < span.Length && char.IsLetterOrDigit(span[i + 1])))
            {
                sb.Append(char.ToLowerInvariant(ch));
                continue;
            }
            if (sb.Length > 0)
            {
                var w = sb.ToString();
                sb.Clear();
                if (w[0] is not ('#' or '@') && CjkScript.ContainsCjk(w))
                {
                    // Chinese and Japanese put no spaces between words: their stretches are split at changes of script (CjkScript.Terms).
                    foreach (var term in CjkScript.Terms(w))
                        if (CjkScript.ContainsCjk(term) || Keep(term, span, i)) yield return term;
                }
                else if (Keep(w, span, i)) yield return w;
            }
        }
    }

    private static bool Keep(string w, string text, int end)
    {
        if (w[0] == '@') return false; // mentions are people, not terms
        var core = w[0] == '#' ? w[1..] : w;
        if (core.Length < 3 || core.Length > 30) return false;
        if (TermStopWords.Contains(core)) return false;
        if (core.All(c => char.IsDigit(c) || c == '.' || c == '-')) return false;
        if (core.StartsWith("http", StringComparison.Ordinal) || core.Contains(".com", StringComparison.Ordinal) || core.Contains('/')) return false;
        if (end < text.Length && (text[end] == '/' || text[end] == ':')) return false; // part of a URL
        return CharUnicodeInfo.GetUnicodeCategory(core[0]) != UnicodeCategory.OtherNotAssigned;
    }
}

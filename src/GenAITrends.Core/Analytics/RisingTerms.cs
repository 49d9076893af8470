using System.Globalization;
using System.Text;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

public enum TermKind { Term, Hashtag }

/// <summary>What a term's share of posts is compared with.</summary>
public enum TermBaseline
{
    /// <summary>The previous period of equal length (terms rising over time).</summary>
    PreviousPeriod,

    /// <summary>The period's posts outside the theme, used when the previous period has none (terms distinctive of the theme).</summary>
    OtherPosts,
}

/// <summary>A term's document frequency in both periods and its lift (smoothed rate now / rate before).</summary>
public sealed record RisingTerm(string Term, TermKind Kind, long Current, long Previous, double CurrentRate, double PreviousRate, double Lift);

/// <summary>
/// <see cref="PostsPrevious"/> and each term's Previous count and rate are those of the <see cref="Baseline"/>: the
/// previous period, or the period's posts outside the theme.
/// </summary>
public sealed record RisingTermsResult(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string Theme,
    long PostsCurrent, long PostsPrevious, bool Sampled, int SampleSize,
    IReadOnlyList<RisingTerm> Terms, IReadOnlyList<RisingTerm> Hashtags, IReadOnlyList<string> Warnings,
    TermBaseline Baseline = TermBaseline.PreviousPeriod);

/// <summary>
/// Terms and hashtags whose share of posts grew most against the previous period of equal length.
/// Reads post texts (there is no term rollup): each period looks at its newest
/// <see cref="SampleSize"/> matching posts at most, which keeps the query bounded at any corpus size.
/// Lift = ((a+1)/(n+2)) / ((b+1)/(m+2)) for a of n posts now and b of m before; a term needs
/// <see cref="MinPosts"/> posts now (and 1% of the period's posts when that is more) to be listed.
/// When a theme's previous period has no posts at all (an all-time range, the first weeks of data), nothing can rise
/// and the lift would only list terms in over half the posts; the theme's posts are then compared with the period's
/// other posts instead, as the PDF does, so the page still shows what sets the theme apart.
/// </summary>
public sealed class RisingTerms(TrendsDbContext db)
{
    public const int SampleSize = 5_000;
    public const int MinPosts = 3;

    public async Task<RisingTermsResult> QueryAsync(TrendFilter f, int limit = 20, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, 100);
        var previous = f.PreviousPeriod();
        var warnings = new List<string>();
        var now = await TextsAsync(f, ct);
        var before = await TextsAsync(previous, ct);
        if (now is null || before is null)
        {
            warnings.Add($"No author with the handle @{f.NormalisedAuthor}.");
            now = before = [];
        }

        var baseline = TermBaseline.PreviousPeriod;
        if (before.Count == 0 && now.Count > 0 && f.Theme is not null)
        {
            before = await TextsAsync(f, ct, outsideTheme: true) ?? [];
            baseline = TermBaseline.OtherPosts;
        }
        // Both periods tokenised side by side.
        var counting = Task.Run(() => DocumentFrequencies(before), ct);
        var dfNow = DocumentFrequencies(now);
        var dfBefore = await counting;
        double n = now.Count, m = before.Count;
        var minPosts = Math.Max(MinPosts, (long)Math.Ceiling(n * 0.01));

        var ranked = dfNow
            .Where(kv => kv.Value >= minPosts)
            .Select(kv =>
            {
                var b = dfBefore.GetValueOrDefault(kv.Key);
                var lift = ((kv.Value + 1) / (n + 2)) / ((b + 1) / (m + 2));
                return new RisingTerm(kv.Key, kv.Key[0] == '#' ? TermKind.Hashtag : TermKind.Term, kv.Value, b,
                    Math.Round(kv.Value / n, 6), m == 0 ? 0 : Math.Round(b / m, 6), Math.Round(lift, 4));
            })
            .Where(t => t.Lift > 1)
            .OrderByDescending(t => t.Lift).ThenByDescending(t => t.Current).ThenBy(t => t.Term, StringComparer.Ordinal)
            .ToList();

        var info = f.Theme is { } th ? Themes.Get(th) : null;
        return new RisingTermsResult(f.From, f.To, previous.From, previous.To, info?.Id ?? ThemeSentiment.AllPostsId,
            now.Count, before.Count, now.Count == SampleSize || before.Count == SampleSize, SampleSize,
            [.. ranked.Where(t => t.Kind == TermKind.Term).Take(limit)],
            [.. ranked.Where(t => t.Kind == TermKind.Hashtag).Take(limit)],
            warnings, baseline);
    }

    private async Task<List<string>?> TextsAsync(TrendFilter f, CancellationToken ct, bool outsideTheme = false)
    {
        var fromUtc = Days.StartUtc(f.From);
        var toUtc = Days.StartUtc(f.To.AddDays(1));
        var posts = db.Posts.Where(p => p.CreatedAtUtc >= fromUtc && p.CreatedAtUtc < toUtc);
        if (f.NormalisedLang is { } lang)
            posts = lang == "und" ? posts.Where(p => p.Lang == null || p.Lang == "") : posts.Where(p => p.Lang == lang);
        if (f.NormalisedAuthor is { } handle)
        {
            var authorId = await db.AuthorIdAsync(handle, ct);
            if (authorId is null) return null;
            posts = posts.Where(p => p.AuthorId == authorId);
        }
        if (f.Theme is { } theme)
        {
            // The theme's post ids as one set (read from the (Theme, PostId) index once) tested while the CreatedAtUtc
            // index is walked newest first: "Id + 0" keeps SQLite from driving the query from the set instead, and
            // the set spares a PostThemes probe per post of the period.
            var ofTheme = db.PostThemes.Where(t => t.Theme == theme).Select(t => t.PostId);
            posts = outsideTheme ? posts.Where(p => !ofTheme.Contains(p.Id + 0)) : posts.Where(p => ofTheme.Contains(p.Id + 0));
        }
        // Last: IsRetweet needs the post's row, so only posts of the theme are read.
        posts = posts.Where(p => !p.IsRetweet);
        return await posts.OrderByDescending(p => p.CreatedAtUtc).Take(SampleSize).Select(p => p.Text).ToListAsync(ct);
    }

    private static Dictionary<string, long> DocumentFrequencies(List<string> texts)
    {
        var df = new Dictionary<string, long>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in texts)
        {
            seen.Clear();
            foreach (var token in Tokens(TextNormalizer.ForMatching(text)))
                if (seen.Add(token)) df[token] = df.GetValueOrDefault(token) + 1;
        }
        return df;
    }

    /// <summary>Words of 3+ letters (no stop words, numbers, links or mentions), CJK words (CjkScript.Terms) and hashtags (with '#').</summary>
    public static IEnumerable<string> Tokens(string normalised)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < normalised.Length)
        {
            var c = normalised[i];
            if (c == 'h' && (string.CompareOrdinal(normalised, i, "http://", 0, 7) == 0 || string.CompareOrdinal(normalised, i, "https://", 0, 8) == 0))
            {
                while (i < normalised.Length && !char.IsWhiteSpace(normalised[i])) i++;
                continue;
            }
            if (c is '#' or '@' || char.IsLetterOrDigit(c))
            {
                var marker = c is '#' or '@' ? c : '\0';
                if (marker != '\0') i++;
                sb.Clear();
                while (i < normalised.Length && (char.IsLetterOrDigit(normalised[i]) || normalised[i] == '_' ||
                       (normalised[i] is '-' or '\'' && i + 1 < normalised.Length && char.IsLetterOrDigit(normalised[i + 1]))))
                    sb.Append(normalised[i++]);
                if (sb.Length == 0) continue;
                var word = sb.ToString();
                if (marker == '#') { if (!IsNumber(word)) yield return "#" + word; }
                else if (marker == '\0')
                {
                    // Chinese and Japanese put no spaces between words: their stretches are split at changes of script (CjkScript.Terms).
                    foreach (var term in CjkScript.ContainsCjk(word) ? CjkScript.Terms(word) : [word])
                        if (CjkScript.ContainsCjk(term) || (term.Length >= 3 && !IsNumber(term) && !TermStopWords.Contains(term))) yield return term;
                }
                continue;
            }
            i++;
        }
    }

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Any, CultureInfo.InvariantCulture, out _);
}

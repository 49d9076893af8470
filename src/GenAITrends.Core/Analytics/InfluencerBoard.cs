using GenAITrends.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

public enum InfluencerSort { Posts, Engagement }

public sealed record Influencer(
    int Rank, string Handle, string? DisplayName, long? Followers, long Posts, long Engagement,
    double ShareOfVoice, double? MeanSentiment);

/// <summary>
/// One theme's leaderboard (theme null = all posts). Share of voice is the author's part of the theme's
/// posts (or engagement, with engagement weighting) in the period.
/// </summary>
public sealed record InfluencerResult(
    DateOnly From, DateOnly To, string Theme, string Label, InfluencerSort Sort, Weighting Weighting,
    long ThemeTotal, IReadOnlyList<Influencer> Authors, IReadOnlyList<string> Warnings);

/// <summary>
/// Top authors per theme: whole months from AuthorMonthlyRollups, the partial months at both ends (or a short
/// period entirely) from AuthorDailyRollups (<see cref="AuthorPeriod"/>). Author rollups are not kept per language,
/// so a language filter is answered from the posts themselves while the language has at most
/// <see cref="MaxLanguagePosts"/> posts of the theme in the period (found by the (Day, Lang) index); above that the
/// leaderboard covers every language and says so.
/// </summary>
public sealed class InfluencerBoard(TrendsDbContext db, RollupReader rollups)
{
    public const int MaxLimit = 100;

    /// <summary>
    /// Most posts a language-filtered leaderboard groups; more, and the filter is not applied. Each post is a row
    /// lookup: on the 1M-post benchmark database 71,000 posts took 0.25 s from a warm cache but 6.4 s from a cold
    /// one, and 8,000 cold ones 0.6 s (docs/benchmarks.md).
    /// </summary>
    public long MaxLanguagePosts { get; init; } = 20_000;

    public async Task<InfluencerResult> QueryAsync(TrendFilter f, InfluencerSort sort, int limit = 10, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        byte theme = f.Theme is { } t ? (byte)t : (byte)0;
        int from = f.FromDay, to = f.ToDay;
        var warnings = new List<string>();
        (long Posts, long Engagement)? languageTotals = null;
        if (f.NormalisedLang is { } lang)
        {
            var (days, _) = await rollups.DailyAsync(f with { Author = null }, from, to, ct);
            var ofTheme = days.Where(d => d.Theme == theme).ToList();
            long posts = ofTheme.Sum(d => d.Posts);
            if (posts <= MaxLanguagePosts)
                languageTotals = (posts, ofTheme.Sum(d => d.Engagement));
            else
                warnings.Add($"The language filter does not apply to leaderboards when a language has more than {MaxLanguagePosts:N0} posts in the period ({lang}: {posts:N0}; author rollups are not kept per language).");
        }

        long? authorId = null;
        var noAuthor = false;
        if (f.NormalisedAuthor is { } handle)
        {
            authorId = await db.AuthorIdAsync(handle, ct);
            noAuthor = authorId is null;
        }

        var top = noAuthor ? []
            : languageTotals is not null ? await TopOfLanguageAsync(f.NormalisedLang!, from, to, theme, authorId, sort, limit, ct)
            : await TopAsync(AuthorPeriod.Of(from, to), theme, authorId, sort, limit, ct);
        var ids = top.Select(x => x.AuthorId).ToList();
        var authors = ids.Count == 0 ? [] : await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Handle, a.DisplayName, a.FollowerCount })
            .ToDictionaryAsync(a => a.Id, ct);

        // The denominator: the whole theme in the period (all authors, the filtered language), from the daily rollups.
        var totals = languageTotals ?? await rollups.TotalAsync(theme, from, to, ct);
        var total = f.Weighting == Weighting.Engagement ? totals.Engagement : totals.Posts;

        // Sorted again here with the handle as the last tie-break (the SQL broke ties by author id to pick the rows).
        var joined = top.Where(x => authors.ContainsKey(x.AuthorId)).Select(x => (Sums: x, Author: authors[x.AuthorId])).ToList();
        var rows = (sort == InfluencerSort.Engagement
                ? joined.OrderByDescending(x => x.Sums.Engagement).ThenByDescending(x => x.Sums.Posts)
                : joined.OrderByDescending(x => x.Sums.Posts).ThenByDescending(x => x.Sums.Engagement))
            .ThenBy(x => x.Author.Handle, StringComparer.Ordinal)
            .Select((x, i) => new Influencer(i + 1, x.Author.Handle, x.Author.DisplayName, x.Author.FollowerCount, x.Sums.Posts, x.Sums.Engagement,
                total == 0 ? 0 : Math.Round((double)(f.Weighting == Weighting.Engagement ? x.Sums.Engagement : x.Sums.Posts) / total, 6),
                x.Sums.SentimentCount == 0 ? null : Math.Round(x.Sums.SentimentSum / x.Sums.SentimentCount, 6)))
            .ToList();

        var info = f.Theme is { } th ? Themes.Get(th) : null;
        return new InfluencerResult(f.From, f.To, info?.Id ?? ThemeSentiment.AllPostsId, info?.Label ?? "All posts",
            sort, f.Weighting, total, rows, warnings);
    }

    /// <summary>The same sums as the author rollups (every post, engagement = likes + reposts + replies + quotes), grouped from one language's posts.</summary>
    private Task<List<AuthorSums>> TopOfLanguageAsync(string lang, int from, int to, byte theme, long? authorId, InfluencerSort sort, int limit, CancellationToken ct) =>
        db.WithConnectionAsync(connection =>
        {
            using var cmd = connection.CreateCommand();
            var order = sort == InfluencerSort.Engagement ? "Engagement DESC, Posts DESC" : "Posts DESC, Engagement DESC";
            cmd.CommandText = $"""
                SELECT p.AuthorId, count(*) AS Posts, sum(p.Likes + p.Reposts + p.Replies + p.Quotes) AS Engagement,
                       total(p.SentimentScore), count(p.SentimentScore)
                FROM Posts p {(theme == 0 ? "" : "JOIN PostThemes t ON t.PostId = p.Id AND t.Theme = $theme")}
                WHERE p.Day BETWEEN $from AND $to AND {(lang == "und" ? "(p.Lang IS NULL OR p.Lang = '')" : "p.Lang = $lang")}
                      {(authorId is null ? "" : "AND p.AuthorId = $author")}
                GROUP BY p.AuthorId ORDER BY {order}, p.AuthorId LIMIT {limit}
                """;
            cmd.Parameters.AddWithValue("$from", from);
            cmd.Parameters.AddWithValue("$to", to);
            cmd.Parameters.AddWithValue("$theme", theme);
            cmd.Parameters.AddWithValue("$lang", lang);
            if (authorId is { } a) cmd.Parameters.AddWithValue("$author", a);
            using var r = cmd.ExecuteReader();
            var list = new List<AuthorSums>();
            while (r.Read()) list.Add(new AuthorSums(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetDouble(3), r.GetInt64(4)));
            return Task.FromResult(list);
        }, ct);

    private Task<List<AuthorSums>> TopAsync(AuthorPeriod period, byte theme, long? authorId, InfluencerSort sort, int limit, CancellationToken ct) =>
        db.WithConnectionAsync(connection =>
            Task.FromResult(AuthorLeaders.Top(connection, null, period, theme, authorId, sort == InfluencerSort.Engagement, limit)), ct);
}

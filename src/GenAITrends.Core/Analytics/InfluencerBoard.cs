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
/// period entirely) from AuthorDailyRollups (<see cref="AuthorPeriod"/>).
/// </summary>
public sealed class InfluencerBoard(TrendsDbContext db, RollupReader rollups)
{
    public const int MaxLimit = 100;

    public async Task<InfluencerResult> QueryAsync(TrendFilter f, InfluencerSort sort, int limit = 10, CancellationToken ct = default)
    {
        limit = Math.Clamp(limit, 1, MaxLimit);
        byte theme = f.Theme is { } t ? (byte)t : (byte)0;
        int from = f.FromDay, to = f.ToDay;
        var warnings = new List<string>();
        if (f.NormalisedLang is not null)
            warnings.Add("The language filter does not apply to leaderboards (author rollups are not kept per language).");

        long? authorId = null;
        var noAuthor = false;
        if (f.NormalisedAuthor is { } handle)
        {
            authorId = await db.AuthorIdAsync(handle, ct);
            noAuthor = authorId is null;
        }

        var top = noAuthor ? [] : await TopAsync(AuthorPeriod.Of(from, to), theme, authorId, sort, limit, ct);
        var ids = top.Select(x => x.AuthorId).ToList();
        var authors = ids.Count == 0 ? [] : await db.Authors.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Handle, a.DisplayName, a.FollowerCount })
            .ToDictionaryAsync(a => a.Id, ct);

        // The denominator: the whole theme in the period (all authors), from the daily rollups.
        var totals = await rollups.TotalAsync(theme, from, to, ct);
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

    private Task<List<AuthorSums>> TopAsync(AuthorPeriod period, byte theme, long? authorId, InfluencerSort sort, int limit, CancellationToken ct) =>
        db.WithConnectionAsync(connection =>
            Task.FromResult(AuthorLeaders.Top(connection, null, period, theme, authorId, sort == InfluencerSort.Engagement, limit)), ct);
}

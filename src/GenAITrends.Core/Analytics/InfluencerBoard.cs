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

/// <summary>Top authors per theme from AuthorDailyRollups.</summary>
public sealed class InfluencerBoard(TrendsDbContext db)
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

        var inRange = db.AuthorDailyRollups.Where(r => r.Theme == theme && r.Day >= from && r.Day <= to);
        if (f.NormalisedAuthor is { } handle)
            inRange = inRange.Where(r => db.Authors.Any(a => a.Id == r.AuthorId && a.Handle == handle));

        var grouped = inRange.GroupBy(r => r.AuthorId).Select(g => new
        {
            AuthorId = g.Key,
            Posts = g.Sum(x => x.Posts),
            Engagement = g.Sum(x => x.Engagement),
            SentimentSum = g.Sum(x => x.SentimentSum),
            SentimentCount = g.Sum(x => x.SentimentCount),
        });
        var ordered = sort == InfluencerSort.Engagement
            ? grouped.OrderByDescending(x => x.Engagement).ThenByDescending(x => x.Posts).ThenBy(x => x.AuthorId)
            : grouped.OrderByDescending(x => x.Posts).ThenByDescending(x => x.Engagement).ThenBy(x => x.AuthorId);
        var top = await ordered.Take(limit)
            .Join(db.Authors, x => x.AuthorId, a => a.Id, (x, a) => new { x.Posts, x.Engagement, x.SentimentSum, x.SentimentCount, a.Handle, a.DisplayName, a.FollowerCount })
            .ToListAsync(ct);

        // The denominator: the whole theme in the period (all authors), from the daily rollups.
        var totals = await db.DailyRollups.Where(r => r.Theme == theme && r.Day >= from && r.Day <= to)
            .GroupBy(r => 1).Select(g => new { Posts = g.Sum(x => x.Posts), Engagement = g.Sum(x => x.Engagement) })
            .FirstOrDefaultAsync(ct);
        var total = f.Weighting == Weighting.Engagement ? totals?.Engagement ?? 0 : totals?.Posts ?? 0;

        // Join does not keep the order on every provider: sort again in memory.
        var rows = (sort == InfluencerSort.Engagement
                ? top.OrderByDescending(x => x.Engagement).ThenByDescending(x => x.Posts)
                : top.OrderByDescending(x => x.Posts).ThenByDescending(x => x.Engagement))
            .ThenBy(x => x.Handle, StringComparer.Ordinal)
            .Select((x, i) => new Influencer(i + 1, x.Handle, x.DisplayName, x.FollowerCount, x.Posts, x.Engagement,
                total == 0 ? 0 : Math.Round((double)(f.Weighting == Weighting.Engagement ? x.Engagement : x.Posts) / total, 6),
                x.SentimentCount == 0 ? null : Math.Round(x.SentimentSum / x.SentimentCount, 6)))
            .ToList();

        var info = f.Theme is { } th ? Themes.Get(th) : null;
        return new InfluencerResult(f.From, f.To, info?.Id ?? ThemeSentiment.AllPostsId, info?.Label ?? "All posts",
            sort, f.Weighting, total, rows, warnings);
    }
}

using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

/// <summary>Mean sentiment score ([-1, 1]) per bucket; null where no post of the bucket has a score.</summary>
public sealed record SentimentSeries(string Theme, string Label, string Colour, double?[] Mean, long[] Scored);

public sealed record SentimentResult(
    DateOnly From, DateOnly To, Granularity Granularity,
    IReadOnlyList<DateOnly> Buckets, IReadOnlyList<SentimentSeries> Series, IReadOnlyList<string> Warnings);

/// <summary>
/// Mean sentiment per theme over time (sum of scores / number of scored posts, from the rollups).
/// Engagement weighting does not apply: the rollups keep unweighted sums.
/// The series with theme "all" covers every post.
/// </summary>
public sealed class ThemeSentiment(RollupReader rollups)
{
    public const string AllPostsId = "all";
    public const string AllPostsColour = "#555555";

    public async Task<SentimentResult> QueryAsync(TrendFilter f, CancellationToken ct = default)
    {
        var buckets = new TimeBuckets(f.From, f.To, f.Granularity);
        var (rows, scope) = await rollups.DailyAsync(f, f.FromDay, f.ToDay, ct);
        var keys = new List<(byte Id, string Theme, string Label, string Colour)> { (0, AllPostsId, "All posts", AllPostsColour) };
        keys.AddRange(ThemeShare.ThemesOf(f).Select(t => ((byte)t.Theme, t.Id, t.Label, t.Colour)));
        var sums = keys.ToDictionary(k => k.Id, _ => (Sum: new double[buckets.Count], Count: new long[buckets.Count]));
        foreach (var r in rows)
        {
            var i = buckets.IndexOf(r.Day);
            if (i < 0 || !sums.TryGetValue(r.Theme, out var s)) continue;
            s.Sum[i] += r.SentimentSum;
            s.Count[i] += r.SentimentCount;
        }
        var series = keys.Select(k =>
        {
            var (sum, count) = sums[k.Id];
            var mean = new double?[count.Length];
            for (int i = 0; i < count.Length; i++) mean[i] = count[i] == 0 ? null : Math.Round(sum[i] / count[i], 6);
            return new SentimentSeries(k.Theme, k.Label, k.Colour, mean, count);
        }).ToList();
        return new SentimentResult(f.From, f.To, f.Granularity, buckets.Starts, series, scope.Warnings);
    }
}

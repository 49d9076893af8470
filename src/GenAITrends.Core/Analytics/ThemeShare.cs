using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

public sealed record ShareSeries(string Theme, string Label, string Colour, long[] Counts, double[] Share);

/// <summary>
/// Theme volume and share per bucket. <c>Total</c> is every post in the bucket (posts or their engagement,
/// by weighting); a theme's share is its count over that total. A post can carry several themes or none,
/// so shares need not add up to 1.
/// </summary>
public sealed record ShareResult(
    DateOnly From, DateOnly To, Granularity Granularity, Weighting Weighting,
    IReadOnlyList<DateOnly> Buckets, IReadOnlyList<ShareSeries> Series, long[] Total, IReadOnlyList<string> Warnings);

/// <summary>Theme share over time, from the rollups.</summary>
public sealed class ThemeShare(RollupReader rollups)
{
    public async Task<ShareResult> QueryAsync(TrendFilter f, CancellationToken ct = default)
    {
        var buckets = new TimeBuckets(f.From, f.To, f.Granularity);
        var (rows, scope) = await rollups.DailyAsync(f, f.FromDay, f.ToDay, ct);
        var themes = ThemesOf(f);
        var total = new long[buckets.Count];
        var counts = themes.ToDictionary(t => (byte)t.Theme, _ => new long[buckets.Count]);
        foreach (var r in rows)
        {
            var i = buckets.IndexOf(r.Day);
            if (i < 0) continue;
            if (r.Theme == 0) total[i] += r.Value(f.Weighting);
            else if (counts.TryGetValue(r.Theme, out var c)) c[i] += r.Value(f.Weighting);
        }
        var series = themes.Select(t =>
        {
            var c = counts[(byte)t.Theme];
            var share = new double[c.Length];
            for (int i = 0; i < c.Length; i++) share[i] = total[i] == 0 ? 0 : (double)c[i] / total[i];
            return new ShareSeries(t.Id, t.Label, t.Colour, c, share);
        }).ToList();
        return new ShareResult(f.From, f.To, f.Granularity, f.Weighting, buckets.Starts, series, total, scope.Warnings);
    }

    internal static IReadOnlyList<ThemeInfo> ThemesOf(TrendFilter f) =>
        f.Theme is { } t ? [Themes.Get(t)] : Themes.All;
}

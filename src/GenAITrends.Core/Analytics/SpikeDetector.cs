using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// The spike rule (docs/dashboard.md#spikes): a theme spikes in a bucket when its volume is at least
/// <see cref="Ratio"/> times the mean of the <see cref="Window"/> buckets before it and at least
/// <see cref="MinVolume"/> (posts, or engagement with engagement weighting). The trailing buckets may lie
/// before the selected range; a bucket without a full trailing window, or whose baseline is zero, is not judged.
/// </summary>
public sealed record SpikeRule(int Window, double Ratio, long MinVolume)
{
    public const double DefaultRatio = 2.0;
    public const long DefaultMinVolume = 10;

    public static SpikeRule For(Granularity g) => new(g switch
    {
        Granularity.Day => 7,
        Granularity.Week => 4,
        _ => 3,
    }, DefaultRatio, DefaultMinVolume);

    public string Describe(Granularity g)
    {
        var unit = g switch { Granularity.Day => "days", Granularity.Week => "weeks", _ => "months" };
        return $"A spike is a {g.ToString().ToLowerInvariant()} whose theme volume is at least {Ratio:0.#}× the mean of the previous {Window} {unit} and at least {MinVolume}.";
    }
}

public sealed record Spike(string Theme, string Label, string Colour, DateOnly Bucket, long Value, double Baseline, double Ratio);

public sealed record SpikeResult(
    DateOnly From, DateOnly To, Granularity Granularity, Weighting Weighting,
    SpikeRule Rule, string RuleText, IReadOnlyList<Spike> Spikes, IReadOnlyList<string> Warnings);

/// <summary>Finds theme spikes against a trailing baseline, from the rollups.</summary>
public sealed class SpikeDetector(RollupReader rollups)
{
    public async Task<SpikeResult> QueryAsync(TrendFilter f, CancellationToken ct = default)
    {
        var rule = SpikeRule.For(f.Granularity);
        // Reach back far enough for the first bucket's trailing window.
        var firstStart = TimeBuckets.StartOf(f.From, f.Granularity);
        var historyStart = f.Granularity switch
        {
            Granularity.Day => firstStart.AddDays(-rule.Window),
            Granularity.Week => firstStart.AddDays(-7 * rule.Window),
            _ => firstStart.AddMonths(-rule.Window),
        };
        var buckets = new TimeBuckets(historyStart, f.To, f.Granularity);
        var (rows, scope) = await rollups.DailyAsync(f, Days.Of(historyStart), f.ToDay, ct);

        var themes = ThemeShare.ThemesOf(f);
        var values = themes.ToDictionary(t => (byte)t.Theme, _ => new long[buckets.Count]);
        foreach (var r in rows)
        {
            var i = buckets.IndexOf(r.Day);
            if (i >= 0 && values.TryGetValue(r.Theme, out var v)) v[i] += r.Value(f.Weighting);
        }

        // The first selected bucket may be partial (a week or month starting before From); it is judged as is.
        var firstSelected = buckets.IndexOf(f.FromDay);
        var spikes = new List<Spike>();
        foreach (var t in themes)
        {
            var v = values[(byte)t.Theme];
            for (int i = Math.Max(firstSelected, rule.Window); i < v.Length; i++)
            {
                double baseline = 0;
                for (int k = i - rule.Window; k < i; k++) baseline += v[k];
                baseline /= rule.Window;
                if (baseline <= 0 || v[i] < rule.MinVolume || v[i] < rule.Ratio * baseline) continue;
                spikes.Add(new Spike(t.Id, t.Label, t.Colour, buckets.Starts[i], v[i], Math.Round(baseline, 4), Math.Round(v[i] / baseline, 4)));
            }
        }
        spikes.Sort((a, b) => a.Bucket != b.Bucket ? a.Bucket.CompareTo(b.Bucket) : string.CompareOrdinal(a.Theme, b.Theme));
        return new SpikeResult(f.From, f.To, f.Granularity, f.Weighting, rule, rule.Describe(f.Granularity), spikes, scope.Warnings);
    }
}

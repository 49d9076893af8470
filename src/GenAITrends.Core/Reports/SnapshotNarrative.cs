using System.Globalization;

namespace GenAITrends.Core.Reports;

/// <summary>The executive summary's sentences, generated from the figures (no model, no guessing).</summary>
public static class SnapshotNarrative
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Sentiment at or above this mean reads "positive", at or below its negative "negative".</summary>
    public const double SentimentThreshold = 0.05;

    public static string Percent(double share) => share >= 0.1 || share == 0
        ? (share * 100).ToString("0", C) + "%"
        : (share * 100).ToString("0.0", C) + "%";

    public static string Percent1(double share) => (share * 100).ToString("0.0", C) + "%";

    public static string Points(double? pp) => pp is null ? "–" : (pp.Value >= 0 ? "+" : "−") + Math.Abs(pp.Value).ToString("0.0", C) + " pp";

    public static string Sentiment(double? s) => s is null ? "–" : (s.Value >= 0 ? "+" : "−") + Math.Abs(s.Value).ToString("0.00", C);

    public static string SentimentWord(double s) => s >= SentimentThreshold ? "positive" : s <= -SentimentThreshold ? "negative" : "neutral";

    public static string Date(DateOnly d) => d.ToString("d MMM yyyy", C);

    public static IReadOnlyList<string> Sentences(SnapshotData data)
    {
        if (data.IsEmpty)
            return [$"No posts match this view ({data.Period.Describe()}; filters: {data.Filters.Describe()}). Widen the period or clear the filters."];

        var list = new List<string>();
        var overview = $"{data.Coverage.Posts.ToString("N0", C)} posts from {data.Coverage.Authors.ToString("N0", C)} authors over {data.Period.Days.ToString("N0", C)} days ({data.Period.Describe()})";
        list.Add(overview + ".");

        var top = data.Themes[0];
        if (top.Posts > 0)
            list.Add($"{top.Info.Label} was the largest theme, carried by {Percent(top.Share)} of posts.");

        foreach (var t in data.Themes)
        {
            if (t.Posts == 0 && t.PreviousPosts == 0) { list.Add($"{t.Info.Label}: no posts in this period."); continue; }
            string movement;
            if (t.PreviousShare is null)
                movement = $"{t.Info.Label} accounted for {Percent(t.Share)} of posts (no earlier data to compare with)";
            else if (t.ChangePoints >= 1)
                movement = $"{t.Info.Label} rose from {Percent(t.PreviousShare.Value)} to {Percent(t.Share)} of posts";
            else if (t.ChangePoints <= -1)
                movement = $"{t.Info.Label} fell from {Percent(t.PreviousShare.Value)} to {Percent(t.Share)} of posts";
            else
                movement = $"{t.Info.Label} held steady at {Percent(t.Share)} of posts";

            var parts = new List<string> { movement };
            if (t.MeanSentiment is { } s)
            {
                var now = SentimentWord(s);
                if (t.PreviousMeanSentiment is { } p && SentimentWord(p) != now)
                    parts.Add($"sentiment turned {now} ({Sentiment(p)} → {Sentiment(s)})");
                else if (t.PreviousMeanSentiment is not null)
                    parts.Add($"sentiment stayed {now} ({Sentiment(s)})");
                else
                    parts.Add($"sentiment was {now} ({Sentiment(s)})");
            }
            if (t.Spike is { } spike)
                parts.Add($"volume spiked on {Date(spike.Day)} ({spike.Posts.ToString("N0", C)} posts against about {spike.Baseline.ToString("0.#", C)} a day before)");
            list.Add(string.Join("; ", parts) + ".");
        }
        if (data.Themes.All(t => t.MeanSentiment is null))
            list.Add("Sentiment was not measured for these posts: no sentiment model had scored them when they were imported.");
        return list;
    }
}

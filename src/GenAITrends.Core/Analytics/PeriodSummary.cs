using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

public sealed record ThemeKpi(string Theme, string Label, string Colour, long Value, double Share, double? PreviousShare, double? MeanSentiment)
{
    /// <summary>Change of share against the previous period, in percentage points (null without previous data).</summary>
    public double? ChangePoints => PreviousShare is { } p ? Math.Round((Share - p) * 100, 2) : null;
}

/// <summary>
/// KPI figures of a period and the one before it (same length, right before). <see cref="Authors"/> counts
/// distinct authors from the author rollups, so it ignores the language filter.
/// </summary>
public sealed record SummaryResult(
    DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, Weighting Weighting,
    long Posts, long? PreviousPosts, long Engagement, long Authors, double? MeanSentiment, double? PreviousMeanSentiment,
    IReadOnlyList<ThemeKpi> Themes, IReadOnlyList<string> Warnings);

/// <summary>The overview's KPI cards, from the rollups.</summary>
public sealed class PeriodSummary(TrendsDbContext db, RollupReader rollups)
{
    public async Task<SummaryResult> QueryAsync(TrendFilter f, CancellationToken ct = default)
    {
        var previous = f.PreviousPeriod();
        var (rows, scope) = await rollups.DailyAsync(f, previous.FromDay, f.ToDay, ct);
        var cur = new Dictionary<byte, Acc>();
        var prev = new Dictionary<byte, Acc>();
        foreach (var r in rows)
        {
            var map = r.Day >= f.FromDay ? cur : prev;
            if (!map.TryGetValue(r.Theme, out var a)) map[r.Theme] = a = new Acc();
            a.Add(r);
        }
        var all = cur.GetValueOrDefault((byte)0) ?? new Acc();
        var allPrev = prev.GetValueOrDefault((byte)0);
        var totalCur = all.Value(f.Weighting);
        var totalPrev = allPrev?.Value(f.Weighting) ?? 0;

        var themes = ThemeShare.ThemesOf(f).Select(t =>
        {
            var a = cur.GetValueOrDefault((byte)t.Theme) ?? new Acc();
            var p = prev.GetValueOrDefault((byte)t.Theme) ?? new Acc();
            var value = a.Value(f.Weighting);
            double? previousShare = totalPrev == 0 ? null : (double)p.Value(f.Weighting) / totalPrev;
            return new ThemeKpi(t.Id, t.Label, t.Colour, value, totalCur == 0 ? 0 : (double)value / totalCur, previousShare, a.Mean);
        }).ToList();

        var authors = scope.AuthorFound ? await DistinctAuthorsAsync(f, ct) : 0;
        return new SummaryResult(f.From, f.To, previous.From, previous.To, f.Weighting,
            all.Posts, allPrev?.Posts, all.Engagement, authors, all.Mean, allPrev?.Mean, themes, scope.Warnings);
    }

    private async Task<long> DistinctAuthorsAsync(TrendFilter f, CancellationToken ct)
    {
        if (f.NormalisedAuthor is not null) return 1;
        // A period holding every day with data: the authors with all-time figures.
        if (await rollups.DataRangeAsync(ct) is { } data && f.From <= data.First && f.To >= data.Last)
            return await db.AuthorTotals.LongCountAsync(t => t.Theme == 0 && t.Posts > 0, ct);
        // Whole months from AuthorMonthlyRollups, the partial months at both ends from AuthorDailyRollups.
        var period = AuthorPeriod.Of(f.FromDay, f.ToDay);
        var parameters = period.Parameters(0, null).Select(p => (object)new SqliteParameter(p.Name, p.Value)).ToArray();
        var sql = "SELECT COUNT(DISTINCT AuthorId) AS \"Value\" FROM (" + period.RowsSql(oneAuthor: false) + ")"; // no user text
        return await db.Database.SqlQueryRaw<long>(sql, parameters).SingleAsync(ct);
    }

    private sealed class Acc
    {
        public long Posts, Engagement, SentimentCount;
        public double SentimentSum;
        public void Add(DaySums r) { Posts += r.Posts; Engagement += r.Engagement; SentimentSum += r.SentimentSum; SentimentCount += r.SentimentCount; }
        public long Value(Weighting w) => w == Weighting.Engagement ? Engagement : Posts;
        public double? Mean => SentimentCount == 0 ? null : Math.Round(SentimentSum / SentimentCount, 6);
    }
}

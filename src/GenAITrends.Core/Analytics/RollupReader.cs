using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

/// <summary>Daily sums of one theme (0 = all posts) on one day.</summary>
public readonly record struct DaySums(int Day, byte Theme, long Posts, long Engagement, double SentimentSum, long SentimentCount)
{
    public long Value(Weighting w) => w == Weighting.Engagement ? Engagement : Posts;
}

/// <summary>What a rollup query actually applied (a filter the rollups cannot honour is reported, not hidden).</summary>
public sealed record RollupScope(bool AuthorFound, IReadOnlyList<string> Warnings)
{
    public static readonly RollupScope Everything = new(true, []);
}

/// <summary>
/// Reads daily sums from the rollup tables, never from posts: DailyRollups for the language filter,
/// AuthorDailyRollups for the author filter (which has no language: with both, the language is ignored
/// and a warning says so).
/// </summary>
public sealed class RollupReader(TrendsDbContext db)
{
    public async Task<long?> AuthorIdAsync(string? handle, CancellationToken ct)
    {
        if (handle is null) return null;
        return await db.Authors.Where(a => a.Handle == handle).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>Sums per (day, theme) between two inclusive day numbers; themes: null = all themes, else 0 plus the given one.</summary>
    public async Task<(IReadOnlyList<DaySums> Rows, RollupScope Scope)> DailyAsync(TrendFilter f, int fromDay, int toDay, CancellationToken ct)
    {
        var warnings = new List<string>();
        byte only = f.Theme is { } t ? (byte)t : (byte)255;
        var lang = f.NormalisedLang;

        if (f.NormalisedAuthor is { } handle)
        {
            var authorId = await AuthorIdAsync(handle, ct);
            if (authorId is null)
                return ([], new RollupScope(false, [$"No author with the handle @{handle}."]));
            if (lang is not null)
                warnings.Add("The language filter is ignored together with the author filter (author rollups are not kept per language).");
            var rows = await db.AuthorDailyRollups
                .Where(r => r.AuthorId == authorId && r.Day >= fromDay && r.Day <= toDay && (only == 255 || r.Theme == 0 || r.Theme == only))
                .Select(r => new DaySums(r.Day, r.Theme, r.Posts, r.Engagement, r.SentimentSum, r.SentimentCount))
                .ToListAsync(ct);
            return (rows, new RollupScope(true, warnings));
        }

        // Raw SQL on the context's connection: the GROUP BY walks the (Day, Theme, Lang) key of the WITHOUT ROWID table;
        // EF's LINQ GroupBy cost about as much again as the query itself on the chart hot path.
        var sql = $"""
            SELECT Day, Theme, sum(Posts), sum(Engagement), sum(SentimentSum), sum(SentimentCount) FROM DailyRollups
            WHERE Day >= $from AND Day <= $to{(only == 255 ? "" : " AND (Theme = 0 OR Theme = $theme)")}{(lang is null ? "" : " AND Lang = $lang")}
            GROUP BY Day, Theme
            """;
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$from", fromDay);
            cmd.Parameters.AddWithValue("$to", toDay);
            if (only != 255) cmd.Parameters.AddWithValue("$theme", (int)only);
            // Unknown language is stored as "".
            if (lang is not null) cmd.Parameters.AddWithValue("$lang", lang == "und" ? "" : lang);
            var grouped = new List<DaySums>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (r.Read())
                grouped.Add(new DaySums(r.GetInt32(0), (byte)r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetDouble(4), r.GetInt64(5)));
            return (grouped, new RollupScope(true, warnings));
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Languages present in the rollups, most posts first (for the language picker).</summary>
    public async Task<IReadOnlyList<(string Lang, long Posts)>> LanguagesAsync(CancellationToken ct)
    {
        var rows = await db.DailyRollups.Where(r => r.Theme == 0)
            .GroupBy(r => r.Lang)
            .Select(g => new { g.Key, Posts = g.Sum(x => x.Posts) })
            .OrderByDescending(x => x.Posts)
            .ToListAsync(ct);
        return [.. rows.Select(r => (r.Key == "" ? "und" : r.Key, r.Posts))];
    }

    /// <summary>First and last day with posts, or null for an empty database.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> DataRangeAsync(CancellationToken ct)
    {
        // Two ordered probes of the primary key: instant even with years of rollups.
        var first = await db.DailyRollups.OrderBy(r => r.Day).Select(r => (int?)r.Day).FirstOrDefaultAsync(ct);
        if (first is null) return null;
        var last = await db.DailyRollups.OrderByDescending(r => r.Day).Select(r => r.Day).FirstAsync(ct);
        return (Days.ToDate(first.Value), Days.ToDate(last));
    }
}

using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
/// Reads daily sums from the rollup tables, never from posts: DailyRollups for the language filter, AuthorDailyRollups
/// for the author filter (which has no language: with both, the language is ignored and a warning says so). Both come
/// from the process's <see cref="DailyRollupCache"/> when there is one, else from SQL.
/// </summary>
public sealed class RollupReader(TrendsDbContext db, DailyRollupCache? cache = null)
{
    private DailyRollupSnapshot? _snapshot;
    private bool _snapshotRead;

    public async Task<long?> AuthorIdAsync(string? handle, CancellationToken ct)
    {
        if (handle is null) return null;
        return await db.AuthorIdAsync(handle, ct);
    }

    /// <summary>Sums per (day, theme) between two inclusive day numbers; themes: null = all themes, else 0 plus the given one.</summary>
    public async Task<(IReadOnlyList<DaySums> Rows, RollupScope Scope)> DailyAsync(TrendFilter f, int fromDay, int toDay, CancellationToken ct)
    {
        var warnings = new List<string>();
        byte only = f.Theme is { } t ? (byte)t : (byte)255;
        // Unknown language is stored as "".
        var lang = f.NormalisedLang is { } l ? (l == "und" ? "" : l) : null;

        if (f.NormalisedAuthor is { } handle)
        {
            var authorId = await AuthorIdAsync(handle, ct);
            if (authorId is null)
                return ([], new RollupScope(false, [$"No author with the handle @{handle}."]));
            if (lang is not null)
                warnings.Add("The language filter is ignored together with the author filter (author rollups are not kept per language).");
            var rows = await SnapshotAsync(ct) is { } withAuthors
                ? await withAuthors.AuthorRowsAsync(authorId.Value, fromDay, toDay, only,
                    async () => [.. await AuthorFromSqlAsync(authorId.Value, int.MinValue, int.MaxValue, 255, ct)])
                : await AuthorFromSqlAsync(authorId.Value, fromDay, toDay, only, ct);
            return (rows, new RollupScope(true, warnings));
        }

        if (await SnapshotAsync(ct) is { } snapshot)
            return (snapshot.Daily(fromDay, toDay, only, lang), new RollupScope(true, warnings));
        return (await DailyFromSqlAsync(fromDay, toDay, only, lang, ct), new RollupScope(true, warnings));
    }

    private Task<List<DaySums>> AuthorFromSqlAsync(long authorId, int fromDay, int toDay, byte only, CancellationToken ct) =>
        ReadDaySumsAsync($"""
            SELECT Day, Theme, Posts, Engagement, SentimentSum, SentimentCount FROM AuthorDailyRollups
            WHERE AuthorId = $author AND Day >= $from AND Day <= $to{(only == 255 ? "" : " AND (Theme = 0 OR Theme = $theme)")}
            ORDER BY Day, Theme
            """, fromDay, toDay, only, ("$author", authorId), ct);

    /// <summary>The GROUP BY over DailyRollups that the snapshot answers from memory (also its reference in tests).</summary>
    internal async Task<IReadOnlyList<DaySums>> DailyFromSqlAsync(int fromDay, int toDay, byte only, string? storedLang, CancellationToken ct)
    {
        // Raw SQL on the context's connection: the GROUP BY walks the (Day, Theme, Lang) key of the WITHOUT ROWID table;
        // EF's LINQ GroupBy cost about as much again as the query itself on the chart hot path.
        var sql = $"""
            SELECT Day, Theme, sum(Posts), sum(Engagement), sum(SentimentSum), sum(SentimentCount) FROM DailyRollups
            WHERE Day >= $from AND Day <= $to{(only == 255 ? "" : " AND (Theme = 0 OR Theme = $theme)")}{(storedLang is null ? "" : " AND Lang = $lang")}
            GROUP BY Day, Theme
            """;
        return await ReadDaySumsAsync(sql, fromDay, toDay, only, storedLang is null ? null : ("$lang", storedLang), ct);
    }

    /// <summary>Runs a query whose columns are those of <see cref="DaySums"/>, on the context's connection.</summary>
    private Task<List<DaySums>> ReadDaySumsAsync(string sql, int fromDay, int toDay, byte only, (string Name, object Value)? extra, CancellationToken ct) =>
        db.WithConnectionAsync(async connection =>
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$from", fromDay);
            cmd.Parameters.AddWithValue("$to", toDay);
            if (only != 255) cmd.Parameters.AddWithValue("$theme", (int)only);
            if (extra is { } p) cmd.Parameters.AddWithValue(p.Name, p.Value);
            var rows = new List<DaySums>();
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (r.Read())
                rows.Add(new DaySums(r.GetInt32(0), (byte)r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), r.GetDouble(4), r.GetInt64(5)));
            return rows;
        }, ct);

    /// <summary>One theme's (0 = all posts) posts and engagement between two inclusive days, every language and author.</summary>
    public async Task<(long Posts, long Engagement)> TotalAsync(byte theme, int fromDay, int toDay, CancellationToken ct)
    {
        if (await SnapshotAsync(ct) is { } snapshot) return snapshot.Total(theme, fromDay, toDay);
        var totals = await db.DailyRollups.Where(r => r.Theme == theme && r.Day >= fromDay && r.Day <= toDay)
            .GroupBy(r => 1).Select(g => new { Posts = g.Sum(x => x.Posts), Engagement = g.Sum(x => x.Engagement) })
            .FirstOrDefaultAsync(ct);
        return (totals?.Posts ?? 0, totals?.Engagement ?? 0);
    }

    /// <summary>Languages present in the rollups, most posts first (for the language picker).</summary>
    public async Task<IReadOnlyList<(string Lang, long Posts)>> LanguagesAsync(CancellationToken ct)
    {
        if (await SnapshotAsync(ct) is { } snapshot) return snapshot.Languages;
        var rows = await db.DailyRollups.Where(r => r.Theme == 0)
            .GroupBy(r => r.Lang)
            .Select(g => new { g.Key, Posts = g.Sum(x => x.Posts) })
            .ToListAsync(ct);
        return [.. rows.Select(r => (Lang: r.Key == "" ? "und" : r.Key, r.Posts)).Where(r => r.Posts > 0)
            .OrderByDescending(r => r.Posts).ThenBy(r => r.Lang, StringComparer.Ordinal)];
    }

    /// <summary>First and last day with posts, or null for an empty database.</summary>
    public async Task<(DateOnly First, DateOnly Last)?> DataRangeAsync(CancellationToken ct)
    {
        if (await SnapshotAsync(ct) is { } snapshot) return snapshot.Range;
        // Two ordered probes of the primary key: instant even with years of rollups.
        var first = await db.DailyRollups.OrderBy(r => r.Day).Select(r => (int?)r.Day).FirstOrDefaultAsync(ct);
        if (first is null) return null;
        var last = await db.DailyRollups.OrderByDescending(r => r.Day).Select(r => r.Day).FirstAsync(ct);
        return (Days.ToDate(first.Value), Days.ToDate(last));
    }

    /// <summary>
    /// The process's snapshot, checked against the stamp once per reader (one reader per request, so one request
    /// sees one version of the rollups). None inside a transaction of the context, whose writes the snapshot cannot see.
    /// </summary>
    private async Task<DailyRollupSnapshot?> SnapshotAsync(CancellationToken ct)
    {
        if (cache is null || db.Database.CurrentTransaction is not null) return null;
        if (!_snapshotRead)
        {
            _snapshot = await db.WithConnectionAsync(c => cache.GetAsync(c, ct), ct);
            _snapshotRead = true;
        }
        return _snapshot;
    }
}

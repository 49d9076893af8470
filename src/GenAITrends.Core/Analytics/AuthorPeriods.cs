using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// Splits a period of days into the whole months AuthorMonthlyRollups answers and the partial months at both ends
/// that AuthorDailyRollups answers, and writes the SQL that reads one theme's per-author rows that way.
/// A period with fewer than <see cref="MinWholeMonths"/> whole months reads the daily table only (a short period's
/// daily rows are fewer than one theme's monthly rows).
/// </summary>
public readonly record struct AuthorPeriod(int From, int To, int FirstMonth, int EndMonth)
{
    public const int MinWholeMonths = 2;

    /// <summary>True when whole months [<see cref="FirstMonth"/>, <see cref="EndMonth"/>) come from the monthly table.</summary>
    public bool UsesMonths => EndMonth > FirstMonth;

    public static AuthorPeriod Of(int from, int to)
    {
        var first = AuthorMonthlyRollup.MonthOf(from) == from ? from : AuthorMonthlyRollup.NextMonth(AuthorMonthlyRollup.MonthOf(from));
        var end = AuthorMonthlyRollup.MonthOf(to + 1) == to + 1 ? to + 1 : AuthorMonthlyRollup.MonthOf(to);
        var months = 0;
        for (var m = first; m < end && months < MinWholeMonths; m = AuthorMonthlyRollup.NextMonth(m)) months++;
        return months >= MinWholeMonths ? new AuthorPeriod(from, to, first, end) : new AuthorPeriod(from, to, from, from);
    }

    /// <summary>
    /// Rows (AuthorId, Posts, Engagement, SentimentSum, SentimentCount) of theme <c>$theme</c> in the period, one or more
    /// per author: the monthly part already grouped per author, then the daily rows of the partial months.
    /// Parameters: $theme, $from, $to, $m1, $m2 (and $author when <paramref name="oneAuthor"/>).
    /// </summary>
    public string RowsSql(bool oneAuthor) => RowsSql(oneAuthor ? " AND AuthorId = $author" : "");

    /// <summary>As <see cref="RowsSql(bool)"/> with any condition on AuthorId (" AND AuthorId IN (…)").</summary>
    public string RowsSql(string author)
    {
        var monthly = UsesMonths
            ? $"""
               SELECT AuthorId, sum(Posts) AS Posts, sum(Engagement) AS Engagement, sum(SentimentSum) AS SentimentSum, sum(SentimentCount) AS SentimentCount
               FROM AuthorMonthlyRollups WHERE Theme = $theme AND Month >= $m1 AND Month < $m2{author} GROUP BY AuthorId
               UNION ALL
               """
            : "";
        return $"""
            {monthly}
            SELECT AuthorId, Posts, Engagement, SentimentSum, SentimentCount
            FROM AuthorDailyRollups WHERE Theme = $theme AND Day >= $from AND Day <= $to{(UsesMonths ? " AND Day < $m1" : "")}{author}
            {(UsesMonths ? $"""
                UNION ALL
                SELECT AuthorId, Posts, Engagement, SentimentSum, SentimentCount
                FROM AuthorDailyRollups WHERE Theme = $theme AND Day >= $m2 AND Day <= $to{author}
                """ : "")}
            """;
    }

    public IEnumerable<(string Name, object Value)> Parameters(byte theme, long? authorId)
    {
        yield return ("$theme", theme);
        yield return ("$from", From);
        yield return ("$to", To);
        yield return ("$m1", FirstMonth);
        yield return ("$m2", EndMonth);
        if (authorId is { } a) yield return ("$author", a);
    }
}

/// <summary>One author's sums in a period.</summary>
public sealed record AuthorSums(long AuthorId, long Posts, long Engagement, double SentimentSum, long SentimentCount);

/// <summary>
/// The top authors of one theme in a period, ranked by posts (or engagement), then the other figure, then author id.
/// A period with whole months takes candidates in the order of their all-time figures (AuthorTotals) and sums their
/// period exactly, batch by batch, until the last one taken is all-time below the current last place: no author not
/// taken can reach it (figures in a period never exceed all-time ones). Otherwise, or when that takes too many
/// batches, every author's rows are grouped.
/// </summary>
public static class AuthorLeaders
{
    public const int DefaultBatch = 256;
    private const int MaxBatches = 8;

    /// <param name="batch">Candidates summed per step (tests make it small to exercise the stopping rule).</param>
    public static List<AuthorSums> Top(SqliteConnection c, SqliteTransaction? tx, AuthorPeriod period, byte theme, long? authorId, bool byEngagement, int limit,
        int batch = DefaultBatch)
    {
        if (authorId is null && period.UsesMonths && TryByBound(c, tx, period, theme, byEngagement, limit, batch) is { } top) return top;
        var order = byEngagement ? "Engagement DESC, Posts DESC" : "Posts DESC, Engagement DESC";
        return Read(c, tx, $"""
            SELECT AuthorId, sum(Posts) AS Posts, sum(Engagement) AS Engagement, sum(SentimentSum), sum(SentimentCount)
            FROM ({period.RowsSql(authorId is not null)})
            GROUP BY AuthorId ORDER BY {order}, AuthorId LIMIT {limit}
            """, period, theme, authorId);
    }

    private static List<AuthorSums>? TryByBound(SqliteConnection c, SqliteTransaction? tx, AuthorPeriod period, byte theme, bool byEngagement, int limit, int size)
    {
        var key = byEngagement ? "Engagement" : "Posts";
        var evaluated = new List<AuthorSums>();
        for (var step = 0; step < MaxBatches; step++)
        {
            var candidates = new List<(long Id, long Bound)>();
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"SELECT AuthorId, {key} FROM AuthorTotals WHERE Theme = $theme ORDER BY {key} DESC, AuthorId DESC LIMIT {size} OFFSET {step * size}";
                cmd.Parameters.AddWithValue("$theme", theme);
                using var r = cmd.ExecuteReader();
                while (r.Read()) candidates.Add((r.GetInt64(0), r.GetInt64(1)));
            }
            if (candidates.Count > 0)
                evaluated.AddRange(Read(c, tx, $"""
                    SELECT AuthorId, sum(Posts), sum(Engagement), sum(SentimentSum), sum(SentimentCount)
                    FROM ({period.RowsSql($" AND AuthorId IN ({string.Join(",", candidates.Select(x => x.Id))})")})
                    GROUP BY AuthorId
                    """, period, theme, null));
            var top = (byEngagement
                    ? evaluated.OrderByDescending(x => x.Engagement).ThenByDescending(x => x.Posts)
                    : evaluated.OrderByDescending(x => x.Posts).ThenByDescending(x => x.Engagement))
                .ThenBy(x => x.AuthorId).Take(limit).ToList();
            if (candidates.Count < size) return top; // every author with posts of the theme was summed
            var last = top.Count == limit ? (byEngagement ? top[^1].Engagement : top[^1].Posts) : long.MinValue;
            if (last > candidates[^1].Bound) return top;
        }
        return null;
    }

    private static List<AuthorSums> Read(SqliteConnection c, SqliteTransaction? tx, string sql, AuthorPeriod period, byte theme, long? authorId)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in period.Parameters(theme, authorId)) cmd.Parameters.AddWithValue(name, value);
        using var r = cmd.ExecuteReader();
        var list = new List<AuthorSums>();
        while (r.Read())
            if (r.GetInt64(1) > 0) list.Add(new AuthorSums(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetDouble(3), r.GetInt64(4)));
        return list;
    }
}

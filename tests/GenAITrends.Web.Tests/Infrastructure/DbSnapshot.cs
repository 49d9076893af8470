using Microsoft.Data.Sqlite;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>Counts and full rollup contents, to compare a database before and after.</summary>
public sealed record DbSnapshot(long Posts, long Themes, long Fts, long Authors, IReadOnlyList<string> Daily, IReadOnlyList<string> AuthorDaily, IReadOnlyList<string> AuthorMonthly, IReadOnlyList<string> AuthorTotals)
{
    public static DbSnapshot Take(string connectionString)
    {
        using var c = Open(connectionString);
        long Count(string sql) { using var cmd = c.CreateCommand(); cmd.CommandText = sql; return (long)cmd.ExecuteScalar()!; }
        return new DbSnapshot(
            Count("SELECT count(*) FROM Posts"),
            Count("SELECT count(*) FROM PostThemes"),
            Count("SELECT count(*) FROM PostsFts WHERE PostsFts MATCH 'the OR ai OR chatgpt OR claude OR lunch OR copilot OR midjourney OR regulation'"),
            Count("SELECT count(*) FROM Authors"),
            Rows(c, "SELECT Day, Theme, Lang, Posts, Engagement, SentimentSum, SentimentCount FROM DailyRollups ORDER BY Day, Theme, Lang"),
            Rows(c, "SELECT AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount FROM AuthorDailyRollups ORDER BY AuthorId, Day, Theme"),
            Rows(c, "SELECT Theme, AuthorId, Month, Posts, Engagement, SentimentSum, SentimentCount FROM AuthorMonthlyRollups ORDER BY Theme, AuthorId, Month"),
            Rows(c, "SELECT Theme, AuthorId, Posts, Engagement FROM AuthorTotals ORDER BY Theme, AuthorId"));
    }

    /// <summary>Rollups recomputed from the posts themselves: what the maintained rollups must equal.</summary>
    public static (IReadOnlyList<string> Stored, IReadOnlyList<string> Recomputed) DailyTotals(string connectionString)
    {
        using var c = Open(connectionString);
        return (Rows(c, "SELECT Day, Lang, Posts, Engagement FROM DailyRollups WHERE Theme = 0 ORDER BY Day, Lang"),
                Rows(c, "SELECT Day, coalesce(Lang, ''), count(*), sum(Likes + Reposts + Replies + Quotes) FROM Posts GROUP BY Day, coalesce(Lang, '') ORDER BY Day, coalesce(Lang, '')"));
    }

    /// <summary>AuthorMonthlyRollups of "all posts" and the same recomputed from the posts (month = day number of its first day).</summary>
    public static (IReadOnlyList<string> Stored, IReadOnlyList<string> Recomputed) AuthorMonthlyTotals(string connectionString)
    {
        using var c = Open(connectionString);
        return (Rows(c, "SELECT AuthorId, Month, Posts, Engagement FROM AuthorMonthlyRollups WHERE Theme = 0 ORDER BY AuthorId, Month"),
                Rows(c, "SELECT AuthorId, Day - CAST(strftime('%d', Day * 86400, 'unixepoch') AS INTEGER) + 1 AS M, count(*), sum(Likes + Reposts + Replies + Quotes) FROM Posts GROUP BY AuthorId, M ORDER BY AuthorId, M"));
    }

    private static SqliteConnection Open(string connectionString)
    {
        var c = new SqliteConnection(connectionString);
        c.Open();
        return c;
    }

    /// <summary>Each row as its values joined by "|".</summary>
    private static List<string> Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        // Sentiment sums are floating point: compare them rounded, so that adding and subtracting back is "the same".
        while (r.Read()) list.Add(string.Join("|", Enumerable.Range(0, r.FieldCount).Select(i => r.GetValue(i) is double d ? Math.Round(d, 6).ToString("R") : r.GetValue(i).ToString())));
        return list;
    }
}

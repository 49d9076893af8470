using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Web.Tests.Api;

public sealed class RollupConsistencyTests
{
    private const string FromPosts = """
        SELECT Day, 0 AS Theme, coalesce(Lang, '') AS Lang, count(*), sum(Likes + Reposts + Replies + Quotes),
               round(coalesce(sum(SentimentScore), 0), 6), count(SentimentScore)
        FROM Posts GROUP BY 1, 2, 3
        UNION ALL
        SELECT p.Day, t.Theme, coalesce(p.Lang, ''), count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes),
               round(coalesce(sum(p.SentimentScore), 0), 6), count(p.SentimentScore)
        FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        """;
    private const string FromRollups = "SELECT Day, Theme, Lang, Posts, Engagement, round(SentimentSum, 6), SentimentCount FROM DailyRollups ORDER BY 1, 2, 3";

    private const string AuthorsFromPosts = """
        SELECT AuthorId, Day, 0, count(*), sum(Likes + Reposts + Replies + Quotes), round(coalesce(sum(SentimentScore), 0), 6), count(SentimentScore)
        FROM Posts GROUP BY 1, 2, 3
        UNION ALL
        SELECT p.AuthorId, p.Day, t.Theme, count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes), round(coalesce(sum(p.SentimentScore), 0), 6), count(p.SentimentScore)
        FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        """;
    private const string AuthorsFromRollups = "SELECT AuthorId, Day, Theme, Posts, Engagement, round(SentimentSum, 6), SentimentCount FROM AuthorDailyRollups ORDER BY 1, 2, 3";

    // Month = day number of the month's first day.
    private const string MonthlyFromPosts = """
        SELECT 0, AuthorId, Day - CAST(strftime('%d', Day * 86400, 'unixepoch') AS INTEGER) + 1, count(*), sum(Likes + Reposts + Replies + Quotes), round(coalesce(sum(SentimentScore), 0), 6), count(SentimentScore)
        FROM Posts GROUP BY 1, 2, 3
        UNION ALL
        SELECT t.Theme, p.AuthorId, p.Day - CAST(strftime('%d', p.Day * 86400, 'unixepoch') AS INTEGER) + 1, count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes), round(coalesce(sum(p.SentimentScore), 0), 6), count(p.SentimentScore)
        FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        """;
    private const string MonthlyFromRollups = "SELECT Theme, AuthorId, Month, Posts, Engagement, round(SentimentSum, 6), SentimentCount FROM AuthorMonthlyRollups ORDER BY 1, 2, 3";

    private const string TotalsFromPosts = """
        SELECT 0, AuthorId, count(*), sum(Likes + Reposts + Replies + Quotes) FROM Posts GROUP BY 1, 2
        UNION ALL
        SELECT t.Theme, p.AuthorId, count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes)
        FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2
        ORDER BY 1, 2
        """;
    private const string TotalsFromRollups = "SELECT Theme, AuthorId, Posts, Engagement FROM AuthorTotals ORDER BY 1, 2";

    [Fact]
    public async Task Rollups_agree_with_a_direct_query_over_posts_after_imports_and_updates()
    {
        using var app = new DashboardApp();
        await app.ImportAsync("dashboard-fixture.csv");
        var update = await app.ImportAsync("dashboard-fixture-update.csv");
        Assert.Equal(2, update.Updated);     // two posts came back with more engagement
        Assert.Equal(1, update.Imported);

        using var c = new SqliteConnection(app.ConnectionString);
        c.Open();
        Assert.Equal(Rows(c, FromPosts), Rows(c, FromRollups));
        Assert.Equal(Rows(c, AuthorsFromPosts), Rows(c, AuthorsFromRollups));
        Assert.Equal(Rows(c, MonthlyFromPosts), Rows(c, MonthlyFromRollups));
        Assert.NotEmpty(Rows(c, MonthlyFromRollups));
        Assert.Equal(Rows(c, TotalsFromPosts), Rows(c, TotalsFromRollups));
        Assert.NotEmpty(Rows(c, FromRollups));
    }

    private static List<string> Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}

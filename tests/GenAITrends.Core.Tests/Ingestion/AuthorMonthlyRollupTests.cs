using GenAITrends.Core.Analytics;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// AuthorMonthlyRollups equal a direct query over posts after an import and after a reclassify, and leaderboards
/// that combine whole months with partial ones equal a leaderboard grouped straight from posts.
/// </summary>
public sealed class AuthorMonthlyRollupTests
{
    private const string MonthOfDay = "Day - CAST(strftime('%d', Day * 86400, 'unixepoch') AS INTEGER) + 1";

    [Fact]
    public void Month_of_a_day_is_the_day_number_of_the_first_of_its_month()
    {
        Assert.Equal(Days.Of(new DateOnly(2024, 2, 1)), AuthorMonthlyRollup.MonthOf(Days.Of(new DateOnly(2024, 2, 29))));
        Assert.Equal(Days.Of(new DateOnly(2024, 3, 1)), AuthorMonthlyRollup.NextMonth(Days.Of(new DateOnly(2024, 2, 1))));
        Assert.Equal(Days.Of(new DateOnly(2023, 12, 1)), AuthorMonthlyRollup.MonthOf(Days.Of(new DateOnly(2023, 12, 1))));
    }

    [Fact]
    public async Task Monthly_rollups_agree_with_posts_after_an_import_and_a_reclassify()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(3_000, seed: 7);
        Assert.Equal(FromPosts(db), FromRollups(db));
        Assert.Equal(TotalsFromPosts(db), TotalsFromRollups(db));
        Assert.NotEmpty(FromRollups(db));

        PostReclassifier.Run(db.ConnectionString, new KeywordAnnotator());
        Assert.Equal(FromPosts(db), FromRollups(db));
        Assert.Equal(TotalsFromPosts(db), TotalsFromRollups(db));
    }

    [Theory]
    [InlineData("2023-01-01", "2024-12-31", null)]
    [InlineData("2023-01-17", "2024-06-09", null)]
    [InlineData("2023-02-28", "2023-05-01", 4)]
    [InlineData("2024-03-05", "2024-03-20", null)]
    [InlineData("2023-06-01", "2024-11-30", 1)]
    public async Task Leaderboards_equal_a_grouping_over_posts(string from, string to, int? theme)
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(3_000, seed: 7);
        var f = new TrendFilter(DateOnly.Parse(from), DateOnly.Parse(to), Theme: (Theme?)theme);
        await using var context = db.Context();
        foreach (var sort in new[] { InfluencerSort.Posts, InfluencerSort.Engagement })
            await AssertBoardEqualsNaiveAsync(db, context, f, sort);

        foreach (var limit in new[] { 1, 3, 7 })
            foreach (var sort in new[] { InfluencerSort.Posts, InfluencerSort.Engagement })
            {
                var board = await new InfluencerBoard(context, new RollupReader(context)).QueryAsync(f, sort, limit);
                var expected = Naive(db, f, sort).Take(limit).Select(r => string.Join('|', r.Split('|')[1..])).ToList();
                Assert.Equal(expected, board.Authors.Select(a => $"{a.Posts}|{a.Engagement}").ToList());
            }

        // Small batches: the stopping rule (stop once the last candidate's all-time figure is below the last place).
        using (var c = SqliteConnections.Open(db.ConnectionString))
            foreach (var limit in new[] { 1, 3, 7 })
                foreach (var sort in new[] { InfluencerSort.Posts, InfluencerSort.Engagement })
                {
                    var top = AuthorLeaders.Top(c, null, AuthorPeriod.Of(f.FromDay, f.ToDay), (byte)(theme ?? 0), null, sort == InfluencerSort.Engagement, limit, batch: 4);
                    var expected = Naive(db, f, sort).Take(limit).Select(r => string.Join('|', r.Split('|')[1..])).ToList();
                    Assert.Equal(expected, top.Select(a => $"{a.Posts}|{a.Engagement}").ToList());
                }

        var summary = await new PeriodSummary(context, new RollupReader(context)).QueryAsync(f);
        Assert.Equal(db.Scalar($"SELECT count(DISTINCT AuthorId) FROM Posts WHERE Day BETWEEN {f.FromDay} AND {f.ToDay}"), summary.Authors);
    }

    [Theory]
    [InlineData("2023-01-01", "2024-12-31", null, "ja")]
    [InlineData("2023-01-17", "2024-06-09", 4, "es")]
    [InlineData("2024-03-05", "2024-03-20", null, "EN")]
    public async Task Language_filtered_leaderboards_equal_a_grouping_over_that_languages_posts(string from, string to, int? theme, string lang)
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(3_000, seed: 7);
        var f = new TrendFilter(DateOnly.Parse(from), DateOnly.Parse(to), Lang: lang, Theme: (Theme?)theme);
        await using var context = db.Context();
        foreach (var sort in new[] { InfluencerSort.Posts, InfluencerSort.Engagement })
        {
            var board = await AssertBoardEqualsNaiveAsync(db, context, f, sort);
            Assert.Empty(board.Warnings);
            var langPosts = db.Scalar($"""
                SELECT count(*) FROM Posts p {(theme is { } t ? $"JOIN PostThemes pt ON pt.PostId = p.Id AND pt.Theme = {t}" : "")}
                WHERE p.Day BETWEEN {f.FromDay} AND {f.ToDay} AND p.Lang = '{lang.ToLowerInvariant()}'
                """);
            Assert.Equal(langPosts, board.ThemeTotal);
            Assert.Equal(Math.Round((double)board.Authors[0].Posts / langPosts, 6), board.Authors[0].ShareOfVoice);
        }
    }

    [Fact]
    public async Task A_language_with_more_posts_than_the_bound_gets_the_all_language_leaderboard_and_says_so()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(3_000, seed: 7);
        var f = new TrendFilter(new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31), Lang: "en");
        await using var context = db.Context();

        var board = await new InfluencerBoard(context, new RollupReader(context)) { MaxLanguagePosts = 100 }.QueryAsync(f, InfluencerSort.Posts, InfluencerBoard.MaxLimit);

        Assert.Equal(Naive(db, f with { Lang = null }, InfluencerSort.Posts), board.Authors.Select(a => $"{a.Handle}|{a.Posts}|{a.Engagement}").ToList());
        Assert.Contains(board.Warnings, w => w.StartsWith("The language filter does not apply to leaderboards when a language has more than 100 posts", StringComparison.Ordinal));
    }

    private static async Task<InfluencerResult> AssertBoardEqualsNaiveAsync(ImportTestDb db, TrendsDbContext context, TrendFilter f, InfluencerSort sort)
    {
        var board = await new InfluencerBoard(context, new RollupReader(context)).QueryAsync(f, sort, InfluencerBoard.MaxLimit);
        var expected = Naive(db, f, sort);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, board.Authors.Select(a => $"{a.Handle}|{a.Posts}|{a.Engagement}").ToList());
        return board;
    }

    private static List<string> Naive(ImportTestDb db, TrendFilter f, InfluencerSort sort)
    {
        var themeJoin = f.Theme is { } t ? $"JOIN PostThemes pt ON pt.PostId = p.Id AND pt.Theme = {(int)t}" : "";
        var langFilter = f.NormalisedLang is { } lang ? $" AND p.Lang = '{lang}'" : "";
        var order = sort == InfluencerSort.Engagement ? "2 DESC, 1 DESC" : "1 DESC, 2 DESC";
        return Rows(db, $"""
            SELECT a.Handle || '|' || n || '|' || e FROM (
              SELECT p.AuthorId, count(*) AS n, sum(p.Likes + p.Reposts + p.Replies + p.Quotes) AS e
              FROM Posts p {themeJoin} WHERE p.Day BETWEEN {f.FromDay} AND {f.ToDay}{langFilter} GROUP BY p.AuthorId) x
            JOIN Authors a ON a.Id = x.AuthorId
            ORDER BY {order.Replace("1", "n").Replace("2", "e")}, a.Handle COLLATE BINARY LIMIT {InfluencerBoard.MaxLimit}
            """);
    }

    private static List<string> FromPosts(ImportTestDb db) => Rows(db, $"""
        SELECT 0, AuthorId, {MonthOfDay} AS M, count(*), sum(Likes + Reposts + Replies + Quotes), round(coalesce(sum(SentimentScore), 0), 6), count(SentimentScore)
        FROM Posts GROUP BY 1, 2, 3
        UNION ALL
        SELECT t.Theme, p.AuthorId, {MonthOfDay.Replace("Day", "p.Day")}, count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes), round(coalesce(sum(p.SentimentScore), 0), 6), count(p.SentimentScore)
        FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3
        """);

    private static List<string> TotalsFromPosts(ImportTestDb db) => Rows(db, """
        SELECT 0, AuthorId, count(*), sum(Likes + Reposts + Replies + Quotes) FROM Posts GROUP BY 1, 2
        UNION ALL
        SELECT t.Theme, p.AuthorId, count(*), sum(p.Likes + p.Reposts + p.Replies + p.Quotes) FROM Posts p JOIN PostThemes t ON t.PostId = p.Id GROUP BY 1, 2
        ORDER BY 1, 2
        """);

    private static List<string> TotalsFromRollups(ImportTestDb db) =>
        Rows(db, "SELECT Theme, AuthorId, Posts, Engagement FROM AuthorTotals ORDER BY 1, 2");

    private static List<string> FromRollups(ImportTestDb db) =>
        Rows(db, "SELECT Theme, AuthorId, Month, Posts, Engagement, round(SentimentSum, 6), SentimentCount FROM AuthorMonthlyRollups ORDER BY 1, 2, 3");

    private static List<string> Rows(ImportTestDb db, string sql)
    {
        using var c = SqliteConnections.Open(db.ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, r.FieldCount).Select(i => Convert.ToString(r.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }
}

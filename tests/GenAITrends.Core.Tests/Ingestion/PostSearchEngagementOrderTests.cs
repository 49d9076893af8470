using GenAITrends.Core.Analytics;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// Posts sorted by engagement come in the same order whichever plan PostSearch takes: the engagement index walked
/// from the top (more matches than the count cap) or the matches sorted (fewer).
/// </summary>
public sealed class PostSearchEngagementOrderTests(PostSearchEngagementOrderTests.Imported data) : IClassFixture<PostSearchEngagementOrderTests.Imported>
{
    /// <summary>12,000 synthetic posts, more than <see cref="PostSearch.CountCap"/>, imported once for the class.</summary>
    public sealed class Imported : IAsyncLifetime
    {
        public ImportTestDb Db { get; private set; } = null!;

        public async Task InitializeAsync() => Db = await ImportTestDb.WithSyntheticPostsAsync(12_000, seed: 17);

        public async Task DisposeAsync() => await Db.DisposeAsync();
    }

    [Theory]
    [InlineData(null, null, 0L, 1, 730)]        // every post: over the count cap, the index walk
    [InlineData(null, null, 0L, 7, 730)]
    [InlineData(null, null, 1L, 2, 730)]        // retweets (no engagement) left out: still over the cap
    [InlineData("en", null, 0L, 1, 730)]        // about 7,700 posts, counted by the rollups: the walk is cheaper
    [InlineData(null, Theme.Cloud, 0L, 2, 730)]
    [InlineData(null, Theme.Cloud, 0L, 1, 20)]  // the cloud posts of 20 days: sorted
    [InlineData(null, null, 50L, 1, 730)]       // a post-level filter under the cap: sorted
    public async Task Pages_equal_a_direct_query(string? lang, Theme? theme, long minEngagement, int page, int days)
    {
        var db = data.Db;
        var to = new DateOnly(2024, 12, 31);
        var filter = new TrendFilter(to.AddDays(1 - days), to, Lang: lang, Theme: theme);
        await using var context = db.Context();
        var result = await new PostSearch(context, new SqliteFtsPostTextSearch(), new RollupReader(context))
            .QueryAsync(new PostQuery(filter, MinEngagement: minEngagement, Sort: PostSort.Engagement, Page: page));

        var where = $"CreatedAtUtc >= {Ms(filter.From)}" + (lang is null ? "" : $" AND Lang = '{lang}'")
            + (theme is { } t ? $" AND Id IN (SELECT PostId FROM PostThemes WHERE Theme = {(int)t})" : "")
            + (minEngagement > 0 ? $" AND Likes + Reposts + Replies + Quotes >= {minEngagement}" : "");
        var expectedTotal = db.Scalar($"SELECT count(*) FROM Posts WHERE {where}");
        var expectedIds = db.Ids($"SELECT Id FROM Posts NOT INDEXED WHERE {where} ORDER BY Likes + Reposts + Replies + Quotes DESC, CreatedAtUtc DESC, Id DESC LIMIT 25 OFFSET {(page - 1) * 25}");

        Assert.True(expectedIds.Count is > 0 and <= 25);
        Assert.Equal(Math.Min(expectedTotal, PostSearch.CountCap), result.Total);
        Assert.Equal(expectedTotal > PostSearch.CountCap, result.TotalIsLowerBound);
        Assert.Equal(expectedIds, result.Items.Select(i => i.Id).ToList());
    }

    /// <summary>Totals come from the rollups when they can (period, language, theme, author) and from posts otherwise.</summary>
    [Theory]
    [InlineData("user00000", null, null, 0L)]
    [InlineData("user00000", null, Theme.Security, 0L)]
    [InlineData("user00000", "en", null, 0L)]                  // author rollups have no language: counted from posts
    [InlineData(null, "ja", null, 0L)]
    [InlineData(null, "ja", Theme.OpenSourceLlmOs, 0L)]
    [InlineData(null, null, Theme.RegulationEthics, 50L)]     // a post-level filter: counted from posts
    public async Task Totals_equal_a_direct_count(string? author, string? lang, Theme? theme, long minEngagement)
    {
        var db = data.Db;
        var filter = new TrendFilter(new DateOnly(2023, 3, 5), new DateOnly(2024, 8, 20), Lang: lang, Author: author, Theme: theme);
        await using var context = db.Context();
        var result = await new PostSearch(context, new SqliteFtsPostTextSearch(), new RollupReader(context, new DailyRollupCache()))
            .QueryAsync(new PostQuery(filter, MinEngagement: minEngagement));

        var where = $"p.CreatedAtUtc >= {Ms(filter.From)} AND p.CreatedAtUtc < {Ms(filter.To.AddDays(1))}"
            + (author is null ? "" : $" AND a.Handle = '{author}'")
            + (lang is null ? "" : $" AND p.Lang = '{lang}'")
            + (theme is { } t ? $" AND p.Id IN (SELECT PostId FROM PostThemes WHERE Theme = {(int)t})" : "")
            + (minEngagement > 0 ? $" AND p.Likes + p.Reposts + p.Replies + p.Quotes >= {minEngagement}" : "");
        var expected = db.Scalar($"SELECT count(*) FROM Posts p JOIN Authors a ON a.Id = p.AuthorId WHERE {where}");
        Assert.True(expected > 0);
        Assert.Equal(Math.Min(expected, PostSearch.CountCap), result.Total);
    }

    private static long Ms(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();

    [Fact]
    public void The_engagement_index_serves_the_order_by_itself()
    {
        using var c = SqliteConnections.Open(data.Db.ConnectionString);
        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            EXPLAIN QUERY PLAN SELECT Id FROM Posts INDEXED BY IX_Posts_Engagement
            ORDER BY Likes + Reposts + Replies + Quotes DESC, CreatedAtUtc DESC, Id DESC LIMIT 25
            """;
        using var r = cmd.ExecuteReader();
        var plan = new List<string>();
        while (r.Read()) plan.Add(r.GetString(3));
        Assert.Contains(plan, p => p.Contains("IX_Posts_Engagement", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}

using GenAITrends.Core.Analytics;
using GenAITrends.Core.Storage;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// Text search answers the same pages whichever plan it takes: a word with many matches (the CreatedAtUtc index
/// walked newest first) and one with few (matches looked up), with and without other filters.
/// </summary>
public sealed class PostSearchPlanTests
{
    [Theory]
    [InlineData("ai", null, 1)]          // ~2,600 matches of 10,000 posts: the index walk
    [InlineData("ai", null, 4)]
    [InlineData("ai", "en", 2)]
    [InlineData("prompt injection", null, 1)]
    [InlineData("prompt injection", "en", 3)]
    public async Task Pages_and_totals_equal_a_direct_query(string words, string? lang, int page)
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(10_000, seed: 11);

        var filter = new TrendFilter(new DateOnly(2023, 1, 1), new DateOnly(2024, 12, 31), Lang: lang);
        await using var context = db.Context();
        var result = await new PostSearch(context, new SqliteFtsPostTextSearch(), new RollupReader(context)).QueryAsync(new PostQuery(filter, words, Page: page));

        var match = SqliteFtsPostTextSearch.ToMatchExpression(words)!.Replace("'", "''");
        var where = $"Id IN (SELECT rowid FROM PostsFts WHERE PostsFts MATCH '{match}')" + (lang is null ? "" : $" AND Lang = '{lang}'");
        var expectedTotal = db.Scalar($"SELECT count(*) FROM Posts WHERE {where}");
        var expectedIds = db.Ids($"SELECT Id FROM Posts WHERE {where} ORDER BY CreatedAtUtc DESC, Id DESC LIMIT 25 OFFSET {(page - 1) * 25}");

        Assert.True(expectedIds.Count > 0);
        Assert.Equal(Math.Min(expectedTotal, PostSearch.CountCap), result.Total);
        Assert.Equal(expectedIds, result.Items.Select(i => i.Id).ToList());
    }
}

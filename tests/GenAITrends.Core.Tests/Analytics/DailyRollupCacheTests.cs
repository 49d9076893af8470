using GenAITrends.Core.Analytics;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using GenAITrends.Core.Tests.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Tests.Analytics;

/// <summary>
/// The in-memory DailyRollups answer exactly what the SQL over the table answers, and a change to the table by any
/// writer (import, undo, reclassify) is seen by the next reader.
/// </summary>
public sealed class DailyRollupCacheTests
{
    [Fact]
    public async Task Snapshot_answers_equal_the_sql_over_DailyRollups()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(4_000, seed: 11);
        var cache = new DailyRollupCache();
        await using var context = db.Context();
        var cached = new RollupReader(context, cache);
        var sql = new RollupReader(context);

        var (first, last) = (await sql.DataRangeAsync(default))!.Value;
        Assert.Equal((first, last), await cached.DataRangeAsync(default));
        Assert.Equal(await sql.LanguagesAsync(default), await cached.LanguagesAsync(default));
        Assert.Contains(await cached.LanguagesAsync(default), l => l.Lang == "ja");

        int from = Days.Of(first), to = Days.Of(last);
        var ranges = new[] { (from, to), (from - 30, from + 10), (from + 100, from + 100), (to - 45, to + 3), (to + 1, to + 50) };
        foreach (var (a, b) in ranges)
            foreach (Theme? theme in new Theme?[] { null, Theme.Cloud, Theme.Security })
                foreach (var lang in new[] { null, "en", "ja", "und", "xx" })
                {
                    var f = new TrendFilter(Days.ToDate(a), Days.ToDate(b), Lang: lang, Theme: theme);
                    var (expected, _) = await sql.DailyAsync(f, a, b, default);
                    var (actual, _) = await cached.DailyAsync(f, a, b, default);
                    Assert.Equal(Normalised(expected), Normalised(actual));
                }

        // The author filter: the author's rows kept in the snapshot, cut to the range and theme, equal the SQL's.
        var handles = await context.Authors.OrderBy(a => a.Id).Select(a => a.Handle).Take(3).ToListAsync();
        foreach (var handle in handles)
            foreach (var (a, b) in ranges)
                foreach (Theme? theme in new Theme?[] { null, Theme.Cloud })
                {
                    var f = new TrendFilter(Days.ToDate(a), Days.ToDate(b), Author: handle, Theme: theme);
                    var (expected, _) = await sql.DailyAsync(f, a, b, default);
                    var (actual, _) = await cached.DailyAsync(f, a, b, default);
                    Assert.Equal(Normalised(expected), Normalised(actual));
                }

        foreach (byte theme in new byte[] { 0, 1, 5 })
            Assert.Equal(
                (db.Scalar($"SELECT coalesce(sum(Posts), 0) FROM DailyRollups WHERE Theme = {theme} AND Day BETWEEN {from + 20} AND {to - 20}"),
                 db.Scalar($"SELECT coalesce(sum(Engagement), 0) FROM DailyRollups WHERE Theme = {theme} AND Day BETWEEN {from + 20} AND {to - 20}")),
                await cached.TotalAsync(theme, from + 20, to - 20, default));
    }

    [Fact]
    public async Task Every_change_to_DailyRollups_is_seen_by_the_next_reader()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(1_000, seed: 3);
        var cache = new DailyRollupCache();
        var stamps = new List<long> { Stamp(db) };
        Assert.Equal(1_000, await CachedTotalAsync(db, cache));
        const string author = "user00000";
        string AuthorPosts() => $"SELECT count(*) FROM Posts p JOIN Authors a ON a.Id = p.AuthorId WHERE a.Handle = '{author}'";
        var authorBefore = await CachedTotalAsync(db, cache, author: author);
        Assert.Equal(db.Scalar(AuthorPosts()), authorBefore);

        // The generator numbers posts from the same first id: the first 1,000 rows of this file are the posts above.
        var second = await db.Importer().ImportAsync(new ImportRequest(db.WriteSynthetic("second.csv", 1_500, seed: 4)), null, default);
        Assert.True(second.Succeeded, second.Error);
        stamps.Add(Stamp(db));
        Assert.Equal(1_500, db.PostCount());
        Assert.Equal(1_500, await CachedTotalAsync(db, cache));
        Assert.True(db.Scalar(AuthorPosts()) > authorBefore, "the second file adds posts by the busiest author");
        Assert.Equal(db.Scalar(AuthorPosts()), await CachedTotalAsync(db, cache, author: author));

        PostReclassifier.Run(db.ConnectionString, new KeywordAnnotator());
        stamps.Add(Stamp(db));
        Assert.Equal(db.Scalar("SELECT count(*) FROM PostThemes WHERE Theme = 4"), await CachedTotalAsync(db, cache, Theme.Cloud));
        Assert.Equal(db.Scalar($"SELECT count(*) FROM PostThemes t JOIN Posts p ON p.Id = t.PostId JOIN Authors a ON a.Id = p.AuthorId WHERE t.Theme = 4 AND a.Handle = '{author}'"),
            await CachedTotalAsync(db, cache, Theme.Cloud, author));

        await ImportUndo.UndoAsync(db.ConnectionString, second.BatchId, "test");
        stamps.Add(Stamp(db));
        Assert.Equal(1_000, db.PostCount());
        Assert.Equal(1_000, await CachedTotalAsync(db, cache));
        Assert.Equal(db.Scalar(AuthorPosts()), await CachedTotalAsync(db, cache, author: author));

        Assert.Equal(stamps.Count, stamps.Distinct().Count());
        // Reading does not move the stamp.
        Assert.Equal(stamps[^1], Stamp(db));
    }

    [Fact]
    public async Task Concurrent_readers_of_one_author_get_the_same_rows()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(2_000, seed: 8);
        var cache = new DailyRollupCache();
        var expected = db.Scalar("SELECT count(*) FROM Posts p JOIN Authors a ON a.Id = p.AuthorId WHERE a.Handle = 'user00000'");
        var totals = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => CachedTotalAsync(db, cache, author: "user00000"))));
        Assert.All(totals, t => Assert.Equal(expected, t));
        Assert.True(expected > 0);
    }

    [Fact]
    public async Task Over_the_row_limit_the_reader_falls_back_to_sql()
    {
        await using var db = await ImportTestDb.WithSyntheticPostsAsync(1_000, seed: 5);
        await using var context = db.Context();
        var reader = new RollupReader(context, new DailyRollupCache(maxRows: 10));
        var (first, last) = (await reader.DataRangeAsync(default))!.Value;
        var (rows, _) = await reader.DailyAsync(new TrendFilter(first, last), Days.Of(first), Days.Of(last), default);
        Assert.Equal(1_000, rows.Where(r => r.Theme == 0).Sum(r => r.Posts));
    }

    private static async Task<long> CachedTotalAsync(ImportTestDb db, DailyRollupCache cache, Theme? theme = null, string? author = null)
    {
        // A new context and reader per "request", as in the web app.
        await using var context = db.Context();
        var f = new TrendFilter(DateOnly.MinValue, DateOnly.MaxValue, Theme: theme, Author: author);
        var (rows, _) = await new RollupReader(context, cache).DailyAsync(f, int.MinValue, int.MaxValue, default);
        var only = theme is { } t ? (byte)t : (byte)0;
        return rows.Where(r => r.Theme == only).Sum(r => r.Posts);
    }

    private static long Stamp(ImportTestDb db) => db.Scalar("SELECT Stamp FROM RollupStamp");

    private static List<string> Normalised(IReadOnlyList<DaySums> rows) =>
        [.. rows.OrderBy(r => r.Day).ThenBy(r => r.Theme)
            .Select(r => $"{r.Day}|{r.Theme}|{r.Posts}|{r.Engagement}|{Math.Round(r.SentimentSum, 9)}|{r.SentimentCount}")];
}

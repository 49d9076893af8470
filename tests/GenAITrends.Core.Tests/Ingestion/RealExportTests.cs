using GenAITrends.Core.Ingestion;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// The real public exports in the team's shared folder (never copied into the repository). Skipped,
/// visibly, where the shared folder is absent, e.g. on CI. The holdout folder is never touched.
/// </summary>
public sealed class RealExportTests
{
    private const string Daily = "chatgpt_daily_tweets_2023-04.csv";
    private const string ApiV2 = "chatgpt_deepseek_apiv2_tweets_2025-05.csv";
    private const string Analytics = "llmpedia_x_account_analytics_content.csv";
    private const string AnalyticsOld = "llmpedia_x_account_analytics_content_2024-12-26_rev.csv";
    private const string Scrape = "x_ui_scrape_midjourney_tweets_2023-10-26.csv";

    /// <summary>
    /// The repository root is the folder holding GenAITrends.sln above the test assembly; the shared data
    /// sits beside it (../shared), or beside one of its parents when the checkout is a git worktree.
    /// </summary>
    internal static string? FindRealPosts()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "GenAITrends.sln"))) root = root.Parent;
        for (var dir = root?.Parent; dir is not null; dir = dir.Parent)
        {
            var posts = Path.Combine(dir.FullName, "shared", "data", "real", "posts");
            if (Directory.Exists(posts)) return posts;
        }
        return null;
    }

    private static string RequireRealPosts()
    {
        var posts = FindRealPosts();
        Skip.If(posts is null, "The shared real-data folder (../shared/data/real/posts beside the repository) is not present on this machine.");
        return posts!;
    }

    [SkippableFact]
    public async Task Every_real_export_imports_in_sequence_with_the_known_counts()
    {
        var posts = RequireRealPosts();
        await using var db = await ImportTestDb.CreateAsync(new FixedClock(DateTimeOffset.UtcNow));

        var expected = new Dictionary<string, (long Rows, long Imported, long Updated, long Duplicates)>
        {
            [Daily] = (8000, 5974, 0, 2026),     // float ids are not keys; 2,026 rows repeat (created, user, text)
            [ApiV2] = (100, 100, 0, 0),
            [Analytics] = (1573, 1573, 0, 0),
            [AnalyticsOld] = (656, 16, 0, 640),  // older figures never roll counts back
            [Scrape] = (283, 282, 0, 1),
        };
        var files = expected.Keys.Select(f => Path.Combine(posts, f)).ToList();
        // Anything added to the folder later is imported too, and must at least succeed.
        files.AddRange(Directory.GetFiles(posts, "*.csv").Where(f => !expected.ContainsKey(Path.GetFileName(f))).Order());

        long total = 0;
        foreach (var file in files)
        {
            var result = await db.ImportAsync(file);
            var name = Path.GetFileName(file);
            Assert.True(result.Succeeded, $"{name}: {result.Error}");
            Assert.True(result.Rejected == 0, $"{name}: {result.Rejected} rejected, first: {result.Errors.FirstOrDefault()}");
            if (expected.TryGetValue(name, out var e))
                Assert.Equal((name, e.Rows, e.Imported, e.Updated, e.Duplicates), (name, result.Rows, result.Imported, result.Updated, result.Duplicates));
            total += result.Imported;
        }

        Assert.Equal(total, db.PostCount());
        // The analytics export's author comes from its links only.
        Assert.Equal(1589, db.Scalar("SELECT count(*) FROM Posts p JOIN Authors a ON a.Id = p.AuthorId WHERE a.Handle = 'gptmaestro'"));
        Assert.Equal(db.PostCount(), db.Scalar("SELECT coalesce(sum(Posts), 0) FROM DailyRollups WHERE Theme = 0"));
    }

    [SkippableFact]
    public async Task Real_analytics_exports_imported_oldest_first_update_engagement_without_duplicating()
    {
        var posts = RequireRealPosts();
        await using var db = await ImportTestDb.CreateAsync(new FixedClock(DateTimeOffset.UtcNow));

        var older = await db.ImportOkAsync(Path.Combine(posts, AnalyticsOld));
        Assert.Equal((656, 656, 0, 0), (older.Rows, older.Imported, older.Updated, older.Duplicates));

        var newer = await db.ImportOkAsync(Path.Combine(posts, Analytics));
        Assert.Equal((1573, 933, 180, 460), (newer.Rows, newer.Imported, newer.Updated, newer.Duplicates));
        Assert.Equal(656 + 933, db.PostCount());
        Assert.Equal(180, db.Scalar($"SELECT count(*) FROM Posts WHERE CreatedByBatchId = {older.BatchId} AND UpdatedByBatchId = {newer.BatchId}"));
        Assert.Equal(
            db.Scalar("SELECT coalesce(sum(Likes + Reposts + Replies + Quotes), 0) FROM Posts"),
            db.Scalar("SELECT coalesce(sum(Engagement), 0) FROM DailyRollups WHERE Theme = 0"));
    }

    [SkippableFact]
    public async Task Real_kaggle_export_keys_no_post_on_its_float_ids()
    {
        var posts = RequireRealPosts();
        await using var db = await ImportTestDb.CreateAsync(new FixedClock(DateTimeOffset.UtcNow));

        var result = await db.ImportOkAsync(Path.Combine(posts, Daily));

        Assert.Equal(nameof(ExportLayout.Kaggle), result.Layout);
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM Posts WHERE PlatformPostId IS NOT NULL"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM Posts WHERE DedupeKey NOT LIKE 'h:%'"));
        Assert.True(db.Scalar("SELECT count(*) FROM Posts WHERE IsRetweet = 1 AND RetweetedAuthorId IS NOT NULL") > 3000);
    }
}

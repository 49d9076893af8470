using GenAITrends.Core.Ingestion;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>Each known export layout, from a small hand-written fixture, down to the stored fields.</summary>
public sealed class LayoutImportTests
{
    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) => new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Fact]
    public async Task X_api_v2_dump_with_python_dict_metrics_is_read_with_counts_from_public_metrics()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "x_api_v2_python_dict.csv"));

        Assert.Equal(nameof(ExportLayout.XApiV2), result.Layout);
        Assert.Equal((3, 3, 0, 0, 0), (result.Rows, result.Imported, result.Updated, result.Duplicates, result.Rejected));

        var first = await db.PostAsync(p => p.PlatformPostId == "1900000000000000001");
        Assert.Equal("x:1900000000000000001", first.DedupeKey);
        Assert.Equal("id1111111111", first.Author!.Handle); // the dump has only author_id
        Assert.Equal("1111111111", first.Author.PlatformUserId);
        Assert.Equal(Utc(2025, 3, 1, 10, 15, 30), first.CreatedAtUtc);
        Assert.Equal("Fixture post: the open weights release notes look solid", first.Text);
        Assert.Equal("en", first.Lang);
        Assert.Equal((12L, 3L, 1L, 2L, 4L, (long?)345), (first.Likes, first.Reposts, first.Replies, first.Quotes, first.Bookmarks, first.Impressions));
        Assert.False(first.IsRetweet);
        Assert.Null(first.Url); // no handle, so no status URL can be built

        var reply = await db.PostAsync(p => p.PlatformPostId == "1900000000000000002");
        Assert.Equal("@someone Fixture reply on two lines,\nwith a comma", reply.Text);
        Assert.Equal(2, reply.Impressions);

        var rt = await db.PostAsync(p => p.PlatformPostId == "1900000000000000003");
        Assert.True(rt.IsRetweet);
        Assert.Equal("model_lab", rt.RetweetedAuthor!.Handle);
        Assert.Equal(7, rt.Reposts);
        Assert.Null(rt.Impressions); // Python None
        Assert.Null(rt.Lang);        // "und" is not a language
        Assert.Equal(first.AuthorId, rt.AuthorId);
    }

    [Fact]
    public async Task X_api_v2_dump_with_json_metrics_is_read_with_counts_from_public_metrics()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "x_api_v2_json_metrics.csv"));

        Assert.Equal(nameof(ExportLayout.XApiV2), result.Layout);
        var post = Assert.Single(await db.PostsAsync());
        Assert.Equal("1900000000000000011", post.PlatformPostId);
        Assert.Equal("id3333333333", post.Author!.Handle);
        Assert.Equal(Utc(2025, 3, 2, 8, 0, 0), post.CreatedAtUtc);
        Assert.Equal((40L, 5L, 2L, 1L, 6L, (long?)1200), (post.Likes, post.Reposts, post.Replies, post.Quotes, post.Bookmarks, post.Impressions));
        Assert.Equal("fr", post.Lang);
    }

    [Fact]
    public async Task X_account_analytics_export_takes_author_from_link_and_parses_x_dates()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "x_account_analytics.csv"));

        Assert.Equal(nameof(ExportLayout.XAccountAnalytics), result.Layout);
        Assert.Equal((2, 2), (result.Rows, result.Imported));

        var post = await db.PostAsync(p => p.PlatformPostId == "1870000000000000001");
        Assert.Equal("examplelab", post.Author!.Handle);
        Assert.Equal(Utc(2024, 12, 25), post.CreatedAtUtc); // "Wed Dec 25 2024"
        Assert.Equal("https://x.com/ExampleLab/status/1870000000000000001", post.Url);
        Assert.Equal((7L, 4L, 3L, 0L, 2L, (long?)120), (post.Likes, post.Reposts, post.Replies, post.Quotes, post.Bookmarks, post.Impressions));
        // Stored as written (mathematical bold kept for display) ...
        Assert.StartsWith("Fixture summary of \U0001D5E6\U0001D5FD\U0001D5EE", post.Text);
        // ... but NFKC-folded for matching, so a plain keyword search finds it.
        Assert.Equal(1, db.FtsCount("sparse"));
        Assert.Equal(1, db.FtsCount("attention"));

        var second = await db.PostAsync(p => p.PlatformPostId == "1870000000000000002");
        Assert.Equal(Utc(2024, 12, 5), second.CreatedAtUtc); // "Thu Dec 5 2024", single-digit day
        Assert.Equal(post.AuthorId, second.AuthorId);
    }

    [Fact]
    public async Task TwitteR_export_saved_by_excel_is_read_with_bom_crlf_na_markers_and_us_dates()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "twitter_r_excel.csv"));

        Assert.Equal(nameof(ExportLayout.TwitteR), result.Layout);
        Assert.Equal("utf-8", result.Encoding);
        Assert.Equal((3, 3, 0), (result.Rows, result.Imported, result.Rejected));

        var rt = await db.PostAsync(p => p.PlatformPostId == "1651600000000000001");
        Assert.Equal("fixture_user1", rt.Author!.Handle);
        Assert.Equal(Utc(2023, 4, 27, 17, 35, 29), rt.CreatedAtUtc);
        Assert.Equal("RT @OpenLabNews: Fixture model card is out\nread the details inside", rt.Text); // LF inside quotes kept
        Assert.True(rt.IsRetweet);
        Assert.Equal("openlabnews", rt.RetweetedAuthor!.Handle);
        Assert.Equal((0L, 58L), (rt.Likes, rt.Reposts));
        Assert.Equal("https://x.com/fixture_user1/status/1651600000000000001", rt.Url);

        var own = await db.PostAsync(p => p.PlatformPostId == "1651600000000000002");
        Assert.Equal(Utc(2023, 4, 7, 9, 5, 1), own.CreatedAtUtc); // M/D, not D/M
        Assert.Equal("Fixture: a chatbot drafted my lesson plans & quizzes", own.Text);
        Assert.False(own.IsRetweet);
        Assert.Null(own.RetweetedAuthorId);
        Assert.Equal((3L, 1L), (own.Likes, own.Reposts));

        var reply = await db.PostAsync(p => p.PlatformPostId == "1651600000000000003");
        Assert.Equal(Utc(2022, 12, 31, 23, 59, 59), reply.CreatedAtUtc);
        Assert.Equal((0L, 0L), (reply.Likes, reply.Reposts)); // #N/A counts are zero, not rejects
        Assert.Null(reply.Impressions);
    }

    [Fact]
    public async Task Kaggle_float_ids_are_not_keys_so_two_posts_sharing_one_are_both_stored()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "kaggle_chatgpt_daily.csv"));

        Assert.Equal(nameof(ExportLayout.Kaggle), result.Layout);
        // 4 rows: two share the float id 1.642889622681432e+18 but are different posts; the last two are one post exported twice.
        Assert.Equal((4, 3, 1, 0), (result.Rows, result.Imported, result.Duplicates, result.Rejected));

        var posts = await db.PostsAsync();
        Assert.All(posts, p => Assert.Null(p.PlatformPostId));
        Assert.All(posts, p => Assert.StartsWith("h:", p.DedupeKey));
        Assert.All(posts, p => Assert.Null(p.Url));

        var rt = Assert.Single(posts, p => p.Author!.Handle == "fixtureperson1");
        Assert.Equal(Utc(2023, 4, 3, 13, 59, 44), rt.CreatedAtUtc);
        Assert.Equal("Fixture Person", rt.Author!.DisplayName);
        Assert.Equal(1293, rt.Author.FollowerCount); // "1293.0"
        Assert.Equal("4706577259", rt.Author.PlatformUserId);
        Assert.True(rt.IsRetweet);
        Assert.Equal("jexample", rt.RetweetedAuthor!.Handle);
        Assert.Equal((0L, 13640L, 0L, (long?)0), (rt.Likes, rt.Reposts, rt.Replies, rt.Impressions));

        var other = Assert.Single(posts, p => p.Text == "A different fixture post sharing the same float id");
        Assert.Equal(Utc(2023, 4, 3, 13, 59, 45), other.CreatedAtUtc);
        Assert.Equal((17L, 2L, 1L, (long?)290), (other.Likes, other.Reposts, other.Replies, other.Impressions));
        Assert.Equal("otherfixture", other.Author!.Handle);
        Assert.Equal(7879, other.Author.FollowerCount); // the latest row's figure

        var multiLine = Assert.Single(posts, p => p.Text == "Fixture post with a\nline break");
        Assert.Equal("ja", multiLine.Lang);
    }

    [Fact]
    public async Task Web_scraper_export_without_ids_has_its_name_handle_and_age_prefix_stripped()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "web_scraper.csv"));

        Assert.Equal(nameof(ExportLayout.WebScraper), result.Layout);
        Assert.Equal((3, 2, 1), (result.Rows, result.Imported, result.Duplicates));

        var first = await db.PostAsync(p => p.Author!.Handle == "pixel_painter");
        Assert.Equal("First fixture try at a neon city prompt #midjourney", first.Text);
        Assert.Equal("Pixel Painter", first.Author!.DisplayName);
        Assert.Equal(Utc(2023, 10, 26, 18, 15, 28), first.CreatedAtUtc);
        Assert.Equal((4L, 1L, 0L, (long?)57), (first.Likes, first.Reposts, first.Replies, first.Impressions));
        Assert.Null(first.PlatformPostId);
        Assert.StartsWith("h:", first.DedupeKey);

        var second = await db.PostAsync(p => p.Author!.Handle == "dalle_fan");
        Assert.Equal("Fixture remix of yesterday's render\nwith a second line", second.Text); // "Oct 25" age form
        Assert.Equal("Dall, E Fan", second.Author!.DisplayName);
        Assert.Equal((1200L, 3L, 2L, (long?)1234), (second.Likes, second.Reposts, second.Replies, second.Impressions));
    }

    [Fact]
    public async Task Canonical_export_is_read_field_by_field()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));

        Assert.Equal(nameof(ExportLayout.Canonical), result.Layout);
        Assert.Equal((2, 2), (result.Rows, result.Imported));

        var post = await db.PostAsync(p => p.PlatformPostId == "1800000000000000001");
        Assert.Equal("canon_author", post.Author!.Handle); // '@' dropped, lower-cased
        Assert.Equal("Canon Author", post.Author.DisplayName);
        Assert.Equal(1501, post.Author.FollowerCount);
        Assert.Equal(Utc(2024, 6, 1, 12, 0, 0), post.CreatedAtUtc);
        Assert.Equal("Fixture canonical post about agents", post.Text);
        Assert.Equal((10L, 2L, 3L, 1L, 4L, (long?)900), (post.Likes, post.Reposts, post.Replies, post.Quotes, post.Bookmarks, post.Impressions));
        Assert.False(post.IsRetweet);
        Assert.Equal("https://x.com/canon_author/status/1800000000000000001", post.Url);

        var repost = await db.PostAsync(p => p.PlatformPostId == "1800000000000000002");
        Assert.Equal(Utc(2024, 6, 1, 11, 30, 0), repost.CreatedAtUtc); // +02:00 converted to UTC
        Assert.True(repost.IsRetweet);
        Assert.Equal("original_poster", repost.RetweetedAuthor!.Handle);
        Assert.Null(repost.Impressions);
        Assert.Equal("https://x.com/canon_author/status/1800000000000000002", repost.Url); // built from handle + id
        Assert.Equal(post.AuthorId, repost.AuthorId);
    }
}

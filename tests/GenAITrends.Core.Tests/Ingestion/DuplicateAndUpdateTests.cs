using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>Keys, duplicates, re-imports, engagement updates and retweets.</summary>
public sealed class DuplicateAndUpdateTests
{
    private const string Header = "post_id,created_at,author_handle,text,likes,reposts,replies,impressions\n";

    [Fact]
    public async Task Duplicates_inside_one_file_are_counted_not_stored()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content = Header +
            "1,2024-05-01T10:00:00Z,alice,first post,1,0,0,10\n" +
            "2,2024-05-01T11:00:00Z,bob,second post,2,0,0,20\n" +
            "1,2024-05-01T10:00:00Z,alice,first post,1,0,0,10\n" +     // same id again
            "1,2024-05-01T10:00:00Z,alice,first post,9,9,9,99\n" +     // same id, other figures: still one post
            ",2024-05-01T12:00:00Z,carol,no id here,0,0,0,0\n" +
            ",2024-05-01T12:00:00Z,Carol,  No  id   here ,0,0,0,0\n";   // same author, time and normalised text
        var result = await db.ImportOkAsync(db.WriteText("dupes.csv", content));

        Assert.Equal((6, 3, 0, 3, 0), (result.Rows, result.Imported, result.Updated, result.Duplicates, result.Rejected));
        Assert.Equal(3, db.PostCount());
        var batch = await db.BatchAsync(result.BatchId);
        Assert.Equal((ImportStatus.Succeeded, 6L, 3L, 3L), (batch.Status, batch.RowsRead, batch.Imported, batch.Duplicates));
    }

    [Fact]
    public async Task Import_of_a_file_twice_adds_nothing()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var path = Fixtures.Get("Layouts", "kaggle_chatgpt_daily.csv");
        var first = await db.ImportOkAsync(path);
        var postsBefore = await db.PostsAsync();

        var second = await db.ImportOkAsync(path);

        Assert.Equal((4, 0, 0, 4), (second.Rows, second.Imported, second.Updated, second.Duplicates));
        Assert.Equal(first.BatchId, second.PreviousImportOfSameFile);
        Assert.Equal(first.Sha256, second.Sha256);
        var postsAfter = await db.PostsAsync();
        Assert.Equal(postsBefore.Count, postsAfter.Count);
        Assert.All(postsAfter, p => Assert.Equal(first.BatchId, p.UpdatedByBatchId));
        AssertRollupsMatchPosts(db);
    }

    [Fact]
    public async Task Import_of_a_file_already_imported_is_refused_when_repeats_are_not_allowed()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var path = Fixtures.Get("Layouts", "canonical.csv");
        var first = await db.ImportOkAsync(path);

        var again = await db.Importer().ImportAsync(new ImportRequest(path) { AllowRepeat = false });

        Assert.Equal(ImportStatus.Failed, again.Status);
        Assert.Contains($"already imported as batch #{first.BatchId}", again.Error);
        Assert.Equal(2, db.PostCount());
    }

    [Fact]
    public async Task A_newer_export_with_higher_engagement_updates_without_duplicating()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var older = Header +
            "1,2024-05-01T10:00:00Z,alice,growing post,1,0,0,10\n" +
            "2,2024-05-01T11:00:00Z,bob,quiet post,2,0,0,20\n" +
            ",2024-05-01T12:00:00Z,carol,no id but growing,0,0,0,5\n";
        var newer = Header +
            "1,2024-05-01T10:00:00Z,alice,growing post,50,4,3,900\n" +
            "2,2024-05-01T11:00:00Z,bob,quiet post,2,0,0,20\n" +
            ",2024-05-01T12:00:00Z,carol,no id but growing,7,0,0,5\n" +
            "3,2024-05-02T09:00:00Z,dave,brand new,0,0,0,1\n";
        var first = await db.ImportOkAsync(db.WriteText("older.csv", older));
        var second = await db.ImportOkAsync(db.WriteText("newer.csv", newer));

        Assert.Equal((4, 1, 2, 1), (second.Rows, second.Imported, second.Updated, second.Duplicates));
        Assert.Equal(4, db.PostCount());
        var grown = await db.PostAsync(p => p.PlatformPostId == "1");
        Assert.Equal((50L, 4L, 3L, (long?)900), (grown.Likes, grown.Reposts, grown.Replies, grown.Impressions));
        Assert.Equal((first.BatchId, second.BatchId), (grown.CreatedByBatchId, grown.UpdatedByBatchId));
        var quiet = await db.PostAsync(p => p.PlatformPostId == "2");
        Assert.Equal(first.BatchId, quiet.UpdatedByBatchId);
        var hashed = await db.PostAsync(p => p.Text == "no id but growing");
        Assert.Equal(7, hashed.Likes);
        AssertRollupsMatchPosts(db);
    }

    [Fact]
    public async Task An_older_export_never_rolls_engagement_back()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(db.WriteText("newer.csv", Header + "1,2024-05-01T10:00:00Z,alice,post,50,4,3,900\n"));
        var older = await db.ImportOkAsync(db.WriteText("older.csv", Header + "1,2024-05-01T10:00:00Z,alice,post,1,0,0,10\n"));

        Assert.Equal((0, 0, 1), (older.Imported, older.Updated, older.Duplicates));
        var post = Assert.Single(await db.PostsAsync());
        Assert.Equal((50L, 4L, 3L, (long?)900), (post.Likes, post.Reposts, post.Replies, post.Impressions));
    }

    [Fact]
    public async Task Retweets_are_stored_flagged_and_linked_to_the_retweeted_author()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content = Header +
            "10,2024-05-01T10:00:00Z,orig_author,the original post,100,40,5,5000\n" +
            "11,2024-05-01T10:05:00Z,fan_one,RT @Orig_Author: the original post,0,40,0,\n" +
            "12,2024-05-01T10:06:00Z,fan_two,RT @orig_author: the original post,0,40,0,\n" +
            "13,2024-05-01T10:07:00Z,fan_one,RT @someone_new: a post we never saw,0,1,0,\n" +
            "14,2024-05-01T10:08:00Z,selfie,RT @selfie: my own post again,0,1,0,\n";
        var result = await db.ImportOkAsync(db.WriteText("rts.csv", content));

        Assert.Equal((5, 5, 0), (result.Rows, result.Imported, result.Duplicates));
        var posts = await db.PostsAsync();
        var original = posts.Single(p => p.PlatformPostId == "10");
        Assert.False(original.IsRetweet);

        var rt1 = posts.Single(p => p.PlatformPostId == "11");
        var rt2 = posts.Single(p => p.PlatformPostId == "12");
        Assert.True(rt1.IsRetweet && rt2.IsRetweet);
        Assert.Equal(original.AuthorId, rt1.RetweetedAuthorId); // case-insensitive handle, one author row
        Assert.Equal(original.AuthorId, rt2.RetweetedAuthorId);
        Assert.Equal("RT @Orig_Author: the original post", rt1.Text);

        var unseen = posts.Single(p => p.PlatformPostId == "13");
        Assert.Equal("someone_new", unseen.RetweetedAuthor!.Handle); // author row created from the RT prefix alone

        var self = posts.Single(p => p.PlatformPostId == "14");
        Assert.True(self.IsRetweet);
        Assert.Null(self.RetweetedAuthorId); // a self-retweet does not link to itself

        await using var ctx = db.Context();
        Assert.Equal(5, ctx.Authors.Count()); // orig_author, fan_one, fan_two, someone_new, selfie
    }

    /// <summary>The "all posts" rollups must agree with the posts table after inserts and updates.</summary>
    private static void AssertRollupsMatchPosts(ImportTestDb db)
    {
        Assert.Equal(db.PostCount(), db.Scalar("SELECT coalesce(sum(Posts), 0) FROM DailyRollups WHERE Theme = 0"));
        Assert.Equal(
            db.Scalar("SELECT coalesce(sum(Likes + Reposts + Replies + Quotes), 0) FROM Posts"),
            db.Scalar("SELECT coalesce(sum(Engagement), 0) FROM DailyRollups WHERE Theme = 0"));
        Assert.Equal(
            db.Scalar("SELECT coalesce(sum(Likes + Reposts + Replies + Quotes), 0) FROM Posts"),
            db.Scalar("SELECT coalesce(sum(Engagement), 0) FROM AuthorDailyRollups WHERE Theme = 0"));
        Assert.Equal(
            db.Scalar("SELECT coalesce(sum(Likes + Reposts + Replies + Quotes), 0) FROM Posts"),
            db.Scalar("SELECT coalesce(sum(Engagement), 0) FROM AuthorMonthlyRollups WHERE Theme = 0"));
    }
}

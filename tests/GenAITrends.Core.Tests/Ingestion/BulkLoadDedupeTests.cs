using System.Text;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// A bulk load (a file at least as large as the posts stored) checks dedupe keys in memory while the unique
/// dedupe-key index is dropped, and aggregates its new posts into AuthorDailyRollups in SQL at the end: duplicates
/// inside the file and against stored posts behave exactly as through the index, hash collisions included, and the
/// rollups equal a direct query.
/// </summary>
[Collection(nameof(DedupeHashCollection))]
public sealed class BulkLoadDedupeTests
{
    private const string Header = "post_id,created_at,author_handle,text,likes,reposts,replies,impressions\n";

    private static readonly string[] Topics =
        ["open source llama weights released", "new AI regulation act vote", "text to video model sora demo", "cloud GPU pricing on aws", "prompt injection jailbreak exploit"];

    private static async Task<ImportResult> ImportAsync(ImportTestDb db, string name, string content)
    {
        var result = await new PostImporter(db.ConnectionString, new KeywordAnnotator(), NullLogger<PostImporter>.Instance, db.Clock)
            .ImportAsync(new ImportRequest(db.WriteText(name, content)));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    private static string SecondFile()
    {
        var sb = new StringBuilder(Header);
        sb.Append("1,2024-05-01T10:00:00Z,alice,growing post about llama,50,4,3,900\n");  // stored: higher figures → update
        sb.Append("2,2024-05-01T11:00:00Z,bob,quiet post,2,0,0,20\n");                 // stored, same figures → duplicate
        sb.Append(",2024-05-01T12:00:00Z,carol,no id but stored,0,0,0,5\n");           // stored (hashed key) → duplicate
        for (int i = 0; i < 50; i++)
            sb.Append($"{100 + i},2024-05-{1 + i % 28:00}T09:00:00Z,author{i % 7},{Topics[i % Topics.Length]} number {i},{i},{i % 3},0,{i * 10}\n");
        sb.Append("100,2024-05-01T09:00:00Z,author0,open source llama weights released number 0,0,0,0,0\n"); // in-file duplicate
        sb.Append("101,2024-05-02T09:00:00Z,author1,new AI regulation act vote number 1,99,9,9,999\n");    // in-file, other figures: still a duplicate
        sb.Append(",2024-06-01T12:00:00Z,dave,no id and new,1,0,0,5\n");
        sb.Append(",2024-06-01T12:00:00Z,Dave,  No id  and new ,1,0,0,5\n");          // same normalised text: in-file duplicate
        return sb.ToString();
    }

    private static async Task<(ImportTestDb Db, ImportResult Second)> TwoImportsAsync()
    {
        var db = await ImportTestDb.CreateAsync();
        await ImportAsync(db, "first.csv", Header +
            "1,2024-05-01T10:00:00Z,alice,growing post about llama,1,0,0,10\n" +
            "2,2024-05-01T11:00:00Z,bob,quiet post,2,0,0,20\n" +
            ",2024-05-01T12:00:00Z,carol,no id but stored,0,0,0,5\n");
        var second = await ImportAsync(db, "second.csv", SecondFile());
        return (db, second);
    }

    [Fact]
    public async Task Duplicates_in_the_file_and_against_stored_posts_are_found_in_memory()
    {
        var (db, second) = await TwoImportsAsync();
        await using var _ = db;

        Assert.Equal((57, 51, 1, 5), (second.Rows, second.Imported, second.Updated, second.Duplicates));
        AssertConsistent(db, posts: 54);
        var grown = await db.PostAsync(p => p.PlatformPostId == "1");
        Assert.Equal((50L, second.BatchId), (grown.Likes, grown.UpdatedByBatchId));
        var kept = await db.PostAsync(p => p.PlatformPostId == "101");
        Assert.Equal(1L, kept.Likes);
    }

    [Fact]
    public async Task Hash_collisions_fall_back_to_the_stored_key()
    {
        // Every key on one of two hashes: each lookup must compare the stored key and use the side table.
        DedupeKeySet.HashOverride = key => (ulong)(key.Length % 2);
        try
        {
            var (db, second) = await TwoImportsAsync();
            await using var _ = db;
            Assert.Equal((57, 51, 1, 5), (second.Rows, second.Imported, second.Updated, second.Duplicates));
            AssertConsistent(db, posts: 54);
        }
        finally
        {
            DedupeKeySet.HashOverride = null;
        }
    }

    [Fact]
    public void Distinct_keys_rarely_share_a_hash()
    {
        var hashes = new HashSet<ulong>();
        for (int i = 0; i < 200_000; i++) Assert.True(hashes.Add(DedupeKeySet.Hash("x:" + (1_700_000_000_000_000_000L + i))));
        Assert.NotEqual(DedupeKeySet.Hash("h:ab"), DedupeKeySet.Hash("h:ba"));
    }

    private static void AssertConsistent(ImportTestDb db, long posts)
    {
        Assert.Equal(posts, db.PostCount());
        Assert.Equal(posts, db.Scalar("SELECT count(DISTINCT DedupeKey) FROM Posts"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'IX_Posts_DedupeKey' AND sql LIKE 'CREATE UNIQUE INDEX%'"));
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM sqlite_master WHERE name = 'IX_AuthorDailyRollups_Day_Theme'"));
        Assert.True(db.Scalar("SELECT count(*) FROM PostThemes") > 0);
        // AuthorDailyRollups (aggregated in SQL for the bulk load, through the accumulator for the update) equal a direct query.
        const string fromPosts = """
            SELECT AuthorId, Day, Theme, count(*) AS n, sum(E) AS e, round(total(S), 6) AS s, count(S) AS c FROM (
              SELECT AuthorId, Day, 0 AS Theme, Likes + Reposts + Replies + Quotes AS E, SentimentScore AS S FROM Posts
              UNION ALL
              SELECT p.AuthorId, p.Day, t.Theme, p.Likes + p.Reposts + p.Replies + p.Quotes, p.SentimentScore FROM Posts p JOIN PostThemes t ON t.PostId = p.Id)
            GROUP BY 1, 2, 3
            """;
        const string fromRollups = "SELECT AuthorId, Day, Theme, Posts, Engagement, round(SentimentSum, 6), SentimentCount FROM AuthorDailyRollups";
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM (SELECT * FROM ({fromPosts}) EXCEPT SELECT * FROM ({fromRollups}))"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM (SELECT * FROM ({fromRollups}) EXCEPT SELECT * FROM ({fromPosts}))"));
        Assert.Equal(db.Scalar("SELECT count(*) FROM Posts") + db.Scalar("SELECT count(*) FROM PostThemes"),
            db.Scalar("SELECT sum(Posts) FROM AuthorDailyRollups"));
        Assert.Equal(db.Scalar("SELECT sum(Likes + Reposts + Replies + Quotes) FROM Posts"),
            db.Scalar("SELECT sum(Engagement) FROM AuthorMonthlyRollups WHERE Theme = 0"));
        Assert.Equal(posts, db.Scalar("SELECT sum(Posts) FROM DailyRollups WHERE Theme = 0"));
    }
}

/// <summary>Tests that replace the dedupe hash run one at a time (the override is process-wide).</summary>
[CollectionDefinition(nameof(DedupeHashCollection), DisableParallelization = true)]
public sealed class DedupeHashCollection;

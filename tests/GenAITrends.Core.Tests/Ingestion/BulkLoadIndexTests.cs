using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>A bulk load drops the secondary indexes the import never reads and rebuilds them before commit, in the same transaction.</summary>
public sealed class BulkLoadIndexTests
{
    private static List<string> Indexes(ImportTestDb db)
    {
        using var connection = new SqliteConnection(db.ConnectionString);
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    [Fact]
    public async Task Import_into_an_empty_database_leaves_every_index_as_it_was()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var before = Indexes(db);
        Assert.Contains(before, i => i.StartsWith("IX_Posts_CreatedAtUtc", StringComparison.Ordinal));

        var result = await db.ImportOkAsync(Fixtures.Get("Layouts", "kaggle_chatgpt_daily.csv"));

        Assert.True(result.Imported > 0);
        Assert.Equal(before, Indexes(db));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"));
        // The rebuilt index answers queries: every post is found through it.
        Assert.Equal(db.PostCount(), db.Scalar("SELECT count(*) FROM Posts INDEXED BY IX_Posts_CreatedAtUtc WHERE CreatedAtUtc > -1e18"));
    }

    [Fact]
    public async Task A_failed_bulk_load_rolls_the_dropped_indexes_back()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var before = Indexes(db);

        var result = await db.ImportAsync(db.WriteText("bad.csv", "post_id,created_at,author_handle,text\n1,not a date,alice,hello\n2,never,bob,world\n"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal(before, Indexes(db));
        Assert.Equal(0, db.PostCount());
    }
}

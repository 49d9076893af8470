using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>Search finds words inside Chinese and Japanese text, which has no spaces between words (ADR 007).</summary>
public sealed class CjkSearchTests
{
    private const string Csv = """
        post_id,created_at,author_handle,lang,text
        1,2024-03-01T10:00:00Z,yuki,ja,社内のGPU予約の話がまた始まった。クラウドのGPUインスタンス
        2,2024-03-02T10:00:00Z,kenji,ja,イタリアがChatGPTを禁止、個人情報保護の観点から規制
        3,2024-03-03T10:00:00Z,li,zh,数据泄露事件后，公司禁止员工使用ChatGPT
        4,2024-03-04T10:00:00Z,sam,en,Cloud GPU prices are falling again
        """;

    [Theory]
    [InlineData("社内のgpu予約", "社 内 の gpu 予 約")]
    [InlineData("数据泄露", "数 据 泄 露")]
    [InlineData("open source llama", "open source llama")]
    [InlineData("챗gpt 규제", "챗gpt 규제")]
    public void Index_text_sets_cjk_characters_apart(string matchText, string expected) =>
        Assert.Equal(expected, SearchText.ForIndex(matchText));

    [Fact]
    public void A_cjk_search_word_is_the_phrase_of_its_characters() =>
        Assert.Equal("\"ク ラ ウ ド\" \"gpu\"", SqliteFtsPostTextSearch.ToMatchExpression("クラウド GPU"));

    [Theory]
    [InlineData("クラウド", new long[] { 1 })]
    [InlineData("gpu", new long[] { 1, 4 })]
    [InlineData("予約", new long[] { 1 })]
    [InlineData("規制", new long[] { 2 })]
    [InlineData("chatgpt 禁止", new long[] { 2, 3 })]
    [InlineData("泄露", new long[] { 3 })]
    [InlineData("保護 規制", new long[] { 2 })]
    [InlineData("禁制", new long[0])]
    public async Task Words_inside_cjk_text_are_found(string query, long[] platformIds)
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(db.WriteText("cjk.csv", Csv));
        Assert.Equal(platformIds, await FoundAsync(db, query));
    }

    [Fact]
    public async Task Posts_indexed_before_the_split_are_re_indexed_once_at_start_up()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(db.WriteText("cjk.csv", Csv));

        // The index as an older version wrote it: each post's match text as it is, CJK runs unsplit.
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await Exec(connection, """
                DELETE FROM PostsFts;
                INSERT INTO PostsFts (rowid, Text) SELECT Id, lower(Text) FROM Posts;
                """);
        }

        Assert.Empty(await FoundAsync(db, "クラウド"));
        Assert.Equal(new long[] { 4 }, await FoundAsync(db, "gpu")); // "社内のgpu予約の話が…" was one token

        // What the SearchCjkTokens migration does, then the start-up step.
        await using (var connection = new SqliteConnection(db.ConnectionString))
        {
            await connection.OpenAsync();
            await Exec(connection, SearchIndexUpgrade.ListPendingSql);
            Assert.Equal(3L, await Scalar(connection, "SELECT count(*) FROM PendingSearchReindex")); // the English post is not listed
            Assert.Equal(3, await SearchIndexUpgrade.RunAsync(connection));
            Assert.Equal(0L, await Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'PendingSearchReindex'"));
            Assert.Equal(0, await SearchIndexUpgrade.RunAsync(connection)); // nothing left to do
        }

        Assert.Equal(new long[] { 1 }, await FoundAsync(db, "クラウド"));
        Assert.Equal(new long[] { 1, 4 }, await FoundAsync(db, "gpu"));
        Assert.Equal(new long[] { 4 }, await FoundAsync(db, "falling"));
    }

    [Fact]
    public async Task A_fresh_database_has_nothing_pending()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await using var connection = new SqliteConnection(db.ConnectionString);
        await connection.OpenAsync();
        Assert.Equal(0L, await Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'PendingSearchReindex'"));
    }

    private static async Task<long[]> FoundAsync(ImportTestDb db, string query)
    {
        await using var context = db.Context();
        var ids = new SqliteFtsPostTextSearch().MatchingIds(context, query);
        if (ids is null) return [];
        var rowIds = await ids.ToListAsync();
        return [.. (await context.Posts.Where(p => rowIds.Contains(p.Id)).Select(p => p.PlatformPostId).ToListAsync())
            .Select(id => long.Parse(id!, System.Globalization.CultureInfo.InvariantCulture)).Order()];
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<long> Scalar(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

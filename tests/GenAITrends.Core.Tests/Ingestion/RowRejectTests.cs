using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>Row-level problems reject that row, with its line number and a reason, and the rest goes in.</summary>
public sealed class RowRejectTests
{
    [Fact]
    public async Task Bad_rows_are_rejected_with_line_and_reason_while_the_rest_imports()
    {
        await using var db = await ImportTestDb.CreateAsync(); // "now" is 2025-06-15 12:00 UTC
        var result = await db.ImportOkAsync(Fixtures.Get("Rejects", "mixed_rejects.csv"));

        // 16 data lines, one of them blank (skipped, not a row).
        Assert.Equal((15, 4, 0, 11), (result.Rows, result.Imported, result.Duplicates, result.Rejected));
        var expected = new (long Line, string Reason)[]
        {
            (3, "no text"),
            (4, "no text"),                                           // #N/A
            (5, "unparseable date 'someday'"),
            (6, "date 2005-12-31 is before 2006-03-21"),
            (7, "date 2025-06-16 12:00 is in the future"),
            (9, "likes is negative (-3)"),
            (10, "likes 'lots' is not a number"),
            (11, "has 4 fields but the header has 6"),
            (12, "has 7 fields but the header has 6"),
            (14, "no date"),
            (16, "no text"),                                          // only blanks
        };
        Assert.Equal(expected.Length, result.Errors.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i].Line, result.Errors[i].Line);
            Assert.StartsWith(expected[i].Reason, result.Errors[i].Reason);
        }

        Assert.Equal(["1", "12", "15", "7"], (await db.PostsAsync()).Select(p => p.PlatformPostId!).Order(StringComparer.Ordinal));

        // The same rejects are kept in the database, with an excerpt of the raw record, for the admin.
        var stored = await db.RejectedRowsAsync(result.BatchId);
        Assert.Equal(expected.Select(e => e.Line), stored.Select(r => r.LineNumber));
        Assert.Contains("someday", stored.Single(r => r.LineNumber == 5).RawExcerpt);
        var batch = await db.BatchAsync(result.BatchId);
        Assert.Equal((ImportStatus.Succeeded, 15L, 4L, 11L), (batch.Status, batch.RowsRead, batch.Imported, batch.Rejected));
    }

    [Fact]
    public async Task Characters_unicode_normalisation_refuses_do_not_fail_the_import()
    {
        await using var db = await ImportTestDb.CreateAsync();
        // U+FFFE is valid UTF-8; an HTML entity can name a lone surrogate. Before, either failed the whole file
        // ("String contains invalid Unicode code points").
        var content = "post_id,created_at,author_handle,text\n1,2025-06-01T10:00:00Z,a,odd \uFFFE character in a post about Sora\n"
            + "2,2025-06-01T11:00:00Z,b,an entity &#55296; that decodes to half a character\n3,2025-06-01T12:00:00Z,c,a plain post\n";
        var result = await db.ImportOkAsync(db.WriteText("odd.csv", content));
        Assert.Equal((3, 0), (result.Imported, result.Rejected));
        Assert.Contains("\uFFFE", (await db.PostAsync(p => p.PlatformPostId == "1")).Text); // shown as written
    }

    [Fact]
    public async Task A_date_exactly_within_a_day_ahead_is_accepted_for_clock_skew()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content = "post_id,created_at,author_handle,text\n1,2025-06-16T12:00:00Z,a,exactly one day ahead\n2,2006-03-21T00:00:00Z,a,first possible day\n";
        var result = await db.ImportOkAsync(db.WriteText("edges.csv", content));
        Assert.Equal((2, 0), (result.Imported, result.Rejected));
    }

    [Fact]
    public async Task Unreadable_public_metrics_reject_the_row()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content =
            ",author_id,public_metrics,lang,created_at,text,id\n" +
            "0,1,\"{'like_count': 1}\",en,2025-03-01T10:00:00.000Z,fine,100\n" +
            "1,1,\"{'like_count': \",en,2025-03-01T10:00:00.000Z,broken metrics,101\n";
        var result = await db.ImportOkAsync(db.WriteText("metrics.csv", content));

        Assert.Equal((1, 1), (result.Imported, result.Rejected));
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("unreadable public_metrics", error.Reason);
    }

    [Fact]
    public async Task A_scraped_row_that_is_only_the_name_and_age_prefix_has_no_text()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content =
            "UserName,Handle,Timestamp,Text,Comments,Likes,Retweets,Views\r\n" +
            "Some One,@some_one,2023-10-26T18:15:28.000Z,\"Some One\n@some_one\n·\n5h\",0,0,0,1\r\n" +
            "Some One,@some_one,2023-10-26T18:16:28.000Z,\"Some One\n@some_one\n·\n5hActual words\",0,0,0,1\r\n";
        var result = await db.ImportOkAsync(db.WriteText("scrape.csv", content));

        Assert.Equal((1, 1), (result.Imported, result.Rejected));
        Assert.Equal((2L, "no text"), (result.Errors[0].Line, result.Errors[0].Reason));
        Assert.Equal("Actual words", Assert.Single(await db.PostsAsync()).Text);
    }

    [Fact]
    public async Task A_file_where_no_row_is_importable_fails_with_a_clear_message_and_keeps_the_reasons()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var before = db.PostCount();

        var result = await db.ImportAsync(Fixtures.Get("Rejects", "nothing_importable.csv"));

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal("No row could be imported: all 3 rows were rejected (first: line 2: no text).", result.Error);
        Assert.Equal((3, 0, 3), (result.Rows, result.Imported, result.Rejected));
        Assert.Equal(before, db.PostCount());

        var batch = await db.BatchAsync(result.BatchId);
        Assert.Equal(ImportStatus.Failed, batch.Status);
        Assert.Equal(result.Error, batch.Error);
        Assert.Equal([2L, 3L, 4L], (await db.RejectedRowsAsync(result.BatchId)).Select(r => r.LineNumber));
    }
}

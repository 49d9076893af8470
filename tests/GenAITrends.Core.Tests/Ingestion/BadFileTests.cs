using System.Diagnostics;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// Whole-file problems: a clear one-line error, status Failed, the batch recorded as failed, and the
/// posts exactly as before (a good file is imported first so "unchanged" means something).
/// </summary>
public sealed class BadFileTests
{
    [Theory]
    [InlineData("empty.csv", "The file is empty.")]
    [InlineData("header_only.csv", "The file has a header but no data rows.")]
    [InlineData("blank_lines_only.csv", "The file has no header row: it is empty or blank.")]
    [InlineData("binary_garbage.csv", "The file contains 10 NUL bytes: it is binary, or UTF-16 without a byte-order mark. Save it as UTF-8 CSV.")]
    [InlineData("zip_renamed.csv", "The file is a ZIP archive, not a CSV export: unzip it and upload the .csv inside.")]
    [InlineData("gzip_renamed.csv", "The file is binary (PDF, gzip or image), not a CSV export.")]
    [InlineData("png_renamed.csv", "The file is binary (PDF, gzip or image), not a CSV export.")]
    [InlineData("truncated_mid_quoted_field.csv", "Line 3: a quoted field is never closed (unterminated quote) and runs to the end of the file: the file is truncated or malformed.")]
    [InlineData("unterminated_quote_swallows_the_rest.csv", "Line 3: a quoted field is never closed (unterminated quote) and runs to the end of the file: the file is truncated or malformed.")]
    [InlineData("header_with_unterminated_quote.csv", "Line 1: a quoted field is never closed (unterminated quote) and runs to the end of the file: the file is truncated or malformed.")]
    [InlineData("duplicate_header_names.csv", "The header repeats column name(s) 'text': each column must have a distinct name.")]
    [InlineData("no_text_column.csv", "Unknown layout: columns found [post_id, created_at, author_handle, likes]; needed a text column (text, post_text, full_text, tweet, content).")]
    [InlineData("no_time_column.csv", "Unknown layout: columns found [post_id, author_handle, text, likes]; needed a time column (created_at, tweet_created, created, date, timestamp).")]
    [InlineData("csv_bomb_empty_columns.csv", "The header has 5,003 columns (more than 512): this is not a post export.")]
    public async Task Bad_file_fails_with_a_clear_one_line_error_and_changes_nothing(string file, string expectedError)
    {
        await using var db = await ImportTestDb.CreateAsync();
        await AssertFailsAndChangesNothing(db, Fixtures.Get("Malformed", file), expectedError);
    }

    [Fact]
    public async Task A_single_field_over_1_MB_fails_the_file()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var path = db.WriteText("big_field.csv",
            "post_id,created_at,author_handle,text,likes\n" +
            "1,2024-05-01T10:00:00Z,alice,a fine row,1\n" +
            "2,2024-05-01T11:00:00Z,bob,\"" + new string('x', PostImporter.MaxFieldChars + 1) + "\",1\n");

        await AssertFailsAndChangesNothing(db, path,
            "Line 3: field 4 is 1,048,577 characters long (the limit is 1 MB): the file is malformed or not a post export.");
    }

    [Fact]
    public async Task A_100_MB_file_without_a_single_line_break_fails_fast()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var path = Path.Combine(db.Folder, "one_line_100mb.csv");
        MalformedCorpus.WriteRepeated(path, "", 'z', 100 << 20, "");

        var watch = Stopwatch.StartNew();
        await AssertFailsAndChangesNothing(db, path,
            "The record starting at line 1 runs over 4 MB without ending: an unterminated quote or a file without line breaks.");
        // Hashing 100 MB is unavoidable; parsing must stop after 4 MB, not read the line into memory.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    /// <summary>Imports a good file, then the bad one, and checks the failure is clean and complete.</summary>
    internal static async Task<ImportResult> AssertFailsAndChangesNothing(ImportTestDb db, string path, string expectedError, bool exact = true)
    {
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var before = db.PostCount();
        var authorsBefore = db.Scalar("SELECT count(*) FROM Authors");
        var rollupsBefore = db.Scalar("SELECT coalesce(sum(Posts), 0) FROM DailyRollups");

        var result = await db.ImportAsync(path);

        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.NotNull(result.Error);
        if (exact) Assert.Equal(expectedError, result.Error);
        else Assert.Contains(expectedError, result.Error);
        Assert.DoesNotContain('\n', result.Error);
        Assert.DoesNotContain('\r', result.Error);
        Assert.True(result.Error.Length < 1000, $"error is {result.Error.Length} characters long");
        Assert.Equal((0, 0, 0), (result.Imported, result.Updated, result.Duplicates));

        Assert.Equal(before, db.PostCount());
        Assert.Equal(authorsBefore, db.Scalar("SELECT count(*) FROM Authors"));
        Assert.Equal(rollupsBefore, db.Scalar("SELECT coalesce(sum(Posts), 0) FROM DailyRollups"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM Posts WHERE CreatedByBatchId = {result.BatchId} OR UpdatedByBatchId = {result.BatchId}"));

        var batch = await db.BatchAsync(result.BatchId);
        Assert.Equal(ImportStatus.Failed, batch.Status);
        Assert.Equal(result.Error, batch.Error);
        Assert.NotNull(batch.FinishedAtUtc);
        return result;
    }
}

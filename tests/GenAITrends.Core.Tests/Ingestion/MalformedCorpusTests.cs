using System.Text;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>
/// What the importer must do with each file of Fixtures/Malformed (small, committed) and each big
/// malformed file generated at test time. A file is either refused as a whole (expected message
/// fragment, nothing changed) or partially importable (exact rejected lines and reasons).
/// </summary>
public static class MalformedCorpus
{
    public sealed record Expectation(string? Failure, int Imported = 0, params (long Line, string Reason)[] Rejects)
    {
        public static Expectation Fails(string fragment) => new(fragment);
        public static Expectation Partial(int imported, params (long, string)[] rejects) => new(null, imported, rejects);
    }

    private const string Header = "post_id,created_at,author_handle,text,likes\n";
    private const string GoodRow = "1,2024-05-01T10:00:00Z,alice,a good row,1\n";

    public static readonly IReadOnlyDictionary<string, Expectation> Committed = new Dictionary<string, Expectation>
    {
        ["empty.csv"] = Expectation.Fails("The file is empty."),
        ["header_only.csv"] = Expectation.Fails("The file has a header but no data rows."),
        ["header_then_blank_lines.csv"] = Expectation.Fails("The file has a header but no data rows."),
        ["blank_lines_only.csv"] = Expectation.Fails("The file has no header row: it is empty or blank."),
        ["bom_only.csv"] = Expectation.Fails("The file has no header row: it is empty or blank."),
        ["utf16_bom_then_blank_lines.csv"] = Expectation.Fails("The file has no header row: it is empty or blank."),
        ["binary_garbage.csv"] = Expectation.Fails("NUL bytes: it is binary"),
        ["binary_garbage_without_nuls.csv"] = Expectation.Fails("Unknown layout: columns found ["),
        ["zip_renamed.csv"] = Expectation.Fails("The file is a ZIP archive"),
        ["gzip_renamed.csv"] = Expectation.Fails("The file is binary (PDF, gzip or image)"),
        ["pdf_renamed.csv"] = Expectation.Fails("The file is binary (PDF, gzip or image)"),
        ["png_renamed.csv"] = Expectation.Fails("The file is binary (PDF, gzip or image)"),
        ["html_page_renamed.csv"] = Expectation.Fails("Unknown layout: columns found [<!DOCTYPE html>]"),
        ["json_renamed.csv"] = Expectation.Fails("Unknown layout: columns found [[{\"id\": 1"),
        ["utf16le_without_bom.csv"] = Expectation.Fails("UTF-16 without a byte-order mark"),
        ["utf16be_without_bom.csv"] = Expectation.Fails("UTF-16 without a byte-order mark"),
        ["nul_byte_in_text.csv"] = Expectation.Fails("The file contains 1 NUL bytes"),
        ["unterminated_quote_swallows_the_rest.csv"] = Expectation.Fails("Line 3: a quoted field is never closed (unterminated quote)"),
        ["truncated_mid_quoted_field.csv"] = Expectation.Fails("Line 3: a quoted field is never closed (unterminated quote)"),
        ["header_with_unterminated_quote.csv"] = Expectation.Fails("Line 1: a quoted field is never closed (unterminated quote)"),
        ["wrong_delimiter_pipe.csv"] = Expectation.Fails("Unknown layout: columns found [post_id|created_at|author_handle|text|li…]"),
        ["semicolon_header_comma_rows.csv"] = Expectation.Fails("No row could be imported: all 2 rows were rejected (first: line 2: has 1 fields but the header has 5)."),
        ["excel_sep_line.csv"] = Expectation.Fails("Unknown layout: columns found [sep=, (unnamed)]"),
        ["all_rows_ragged.csv"] = Expectation.Fails("No row could be imported: all 2 rows were rejected (first: line 2: has 2 fields but the header has 5)."),
        ["only_row_has_a_multiline_date.csv"] = Expectation.Fails("(first: line 2: unparseable date '2024-05-01 10:00 or so')."),
        ["all_dates_out_of_range.csv"] = Expectation.Fails("No row could be imported: all 2 rows were rejected (first: line 2: date 1999-12-31 is before 2006-03-21"),
        ["duplicate_header_names.csv"] = Expectation.Fails("The header repeats column name(s) 'text'"),
        ["duplicate_header_names_differing_in_case.csv"] = Expectation.Fails("The header repeats column name(s) 'Text'"),
        ["no_text_column.csv"] = Expectation.Fails("needed a text column"),
        ["no_time_column.csv"] = Expectation.Fails("needed a time column"),
        ["no_header_row.csv"] = Expectation.Fails("Unknown layout: columns found [4, 3, Mon May 11 03:17:40 UTC 2009, kindle2"),
        ["whitespace_header.csv"] = Expectation.Fails("Unknown layout: columns found [1, 2, 3, 4]"),
        ["csv_bomb_empty_columns.csv"] = Expectation.Fails("The header has 5,003 columns (more than 512)"),

        ["truncated_mid_row.csv"] = Expectation.Partial(2, (4, "has 2 fields but the header has 5")),
        ["ragged_rows.csv"] = Expectation.Partial(2, (3, "has 3 fields but the header has 5"), (4, "has 6 fields but the header has 5")),
        ["concatenated_exports.csv"] = Expectation.Partial(2, (3, "unparseable date 'created_at'")),
        ["dates_out_of_range.csv"] = Expectation.Partial(1,
            (3, "date 1970-01-01 is before 2006-03-21"),
            (4, "date 2099-01-01 00:00 is in the future"),
            (5, "date 0001-01-01 is before 2006-03-21"),
            (6, "unparseable date '99999999999999999999'"),
            (7, "unparseable date '2024-02-30'")),
        ["negative_counts.csv"] = Expectation.Partial(1,
            (3, "likes is negative (-1)"),
            (4, "likes '1e400' is not a number"),
            (5, "likes 'many' is not a number")),
        ["quote_in_unquoted_field.csv"] = Expectation.Partial(2),
        ["trailing_empty_columns.csv"] = Expectation.Partial(1),
        // Valid UTF-8 except one Windows-1252 byte: the whole file is read as Windows-1252.
        ["utf8_with_one_cp1252_byte.csv"] = Expectation.Partial(2),
    };

    /// <summary>Too big to commit: written into the test's temp folder when the case runs.</summary>
    public static readonly IReadOnlyDictionary<string, (Action<string> Write, Expectation Expect)> Generated =
        new Dictionary<string, (Action<string>, Expectation)>
        {
            ["field_over_1mb_unquoted.csv"] = (
                p => WriteRepeated(p, Header + GoodRow + "2,2024-05-01T11:00:00Z,bob,", 'x', 1_100_000, ",1\n"),
                Expectation.Fails("Line 3: field 4 is 1,100,000 characters long (the limit is 1 MB)")),
            ["header_then_100mb_line.csv"] = (
                p => WriteRepeated(p, Header, 'y', 100 << 20, ""),
                Expectation.Fails("The record starting at line 2 runs over 4 MB without ending")),
            ["unterminated_quote_early_in_a_6mb_file.csv"] = (
                p => WriteLines(p, Header + GoodRow + "2,2024-05-01T11:00:00Z,bob,\"opens here,2\n",
                    i => $"{i + 3},2024-05-01T12:00:00Z,carol,row {i} swallowed by the open quote,1\n", 150_000),
                Expectation.Fails("The record starting at line 3 runs over 4 MB without ending: an unterminated quote")),
            ["row_with_100k_columns.csv"] = (
                p => WriteLines(p, Header + GoodRow, _ => "2,2024-05-01T11:00:00Z,bob,wide" + string.Concat(Enumerable.Repeat(",v", 99_996)) + "\n", 1),
                Expectation.Partial(1, (3, "has 100000 fields but the header has 5"))),
            ["rows_with_200k_empty_columns.csv"] = (
                p => WriteLines(p, Header, i => $"{i + 1},2024-05-01T10:00:00Z,alice,row {i}" + new string(',', 200_000) + "\n", 3),
                Expectation.Partial(3)),
        };

    public static TheoryData<string> CommittedNames => [.. Committed.Keys];
    public static TheoryData<string> GeneratedNames => [.. Generated.Keys];

    public static void WriteRepeated(string path, string prefix, char fill, long count, string suffix)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write(prefix);
        var chunk = new string(fill, 1 << 20);
        for (long left = count; left > 0; left -= chunk.Length)
            w.Write(chunk.AsSpan(0, (int)Math.Min(left, chunk.Length)));
        w.Write(suffix);
    }

    private static void WriteLines(string path, string prefix, Func<int, string> line, int count)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write(prefix);
        for (int i = 0; i < count; i++) w.Write(line(i));
    }
}

public sealed class MalformedCorpusTests
{
    [Theory]
    [MemberData(nameof(MalformedCorpus.CommittedNames), MemberType = typeof(MalformedCorpus))]
    public async Task Committed_malformed_file_fails_cleanly_or_rejects_exactly_its_bad_rows(string file)
    {
        await using var db = await ImportTestDb.CreateAsync();
        await AssertExpectation(db, Fixtures.Get("Malformed", file), MalformedCorpus.Committed[file]);
    }

    [Theory]
    [MemberData(nameof(MalformedCorpus.GeneratedNames), MemberType = typeof(MalformedCorpus))]
    public async Task Generated_big_malformed_file_fails_cleanly_or_rejects_exactly_its_bad_rows(string file)
    {
        await using var db = await ImportTestDb.CreateAsync();
        var (write, expect) = MalformedCorpus.Generated[file];
        var path = Path.Combine(db.Folder, file);
        write(path);
        await AssertExpectation(db, path, expect);
    }

    [Fact]
    public void Every_committed_malformed_file_has_an_expectation_and_there_are_at_least_30()
    {
        var onDisk = Directory.GetFiles(Fixtures.Get("Malformed")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(MalformedCorpus.Committed.Keys.Order(), onDisk);
        Assert.True(onDisk.Count >= 30, $"only {onDisk.Count} malformed fixtures");
    }

    [Fact]
    public async Task A_file_read_as_windows_1252_because_of_one_stray_byte_says_so()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(Fixtures.Get("Malformed", "utf8_with_one_cp1252_byte.csv"));
        Assert.Equal("windows-1252", result.Encoding); // visible to the admin in the batch history
        Assert.Contains("café in Windows-1252", (await db.PostsAsync()).Select(p => p.Text));
    }

    [Fact]
    public async Task A_stray_quote_inside_an_unquoted_field_is_kept_as_text()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Malformed", "quote_in_unquoted_field.csv"));
        Assert.Contains("he said \"hi\" and left", (await db.PostsAsync()).Select(p => p.Text));
    }

    private static async Task AssertExpectation(ImportTestDb db, string path, MalformedCorpus.Expectation expect)
    {
        if (expect.Failure is not null)
        {
            await BadFileTests.AssertFailsAndChangesNothing(db, path, expect.Failure, exact: false);
            return;
        }

        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var before = db.PostCount();
        var result = await db.ImportAsync(path);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expect.Imported, result.Imported);
        Assert.Equal(expect.Rejects.Length, result.Rejected);
        Assert.Equal(expect.Rejects.Length, result.Errors.Count);
        for (int i = 0; i < expect.Rejects.Length; i++)
        {
            Assert.Equal(expect.Rejects[i].Line, result.Errors[i].Line);
            Assert.StartsWith(expect.Rejects[i].Reason, result.Errors[i].Reason);
        }
        Assert.Equal(before + expect.Imported, db.PostCount());
        Assert.Equal(expect.Rejects.Select(r => r.Line), (await db.RejectedRowsAsync(result.BatchId)).Select(r => r.LineNumber));
    }
}

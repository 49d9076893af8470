using System.Text;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>Byte-level variety of the same small export: encodings, delimiters, line endings and quoting.</summary>
public sealed class EncodingAndDelimiterTests
{
    private const string Accented = "Café déjà vu “curly” — naïve ✓ 🚀";

    private static string Export(char d, string nl) =>
        $"post_id{d}created_at{d}author_handle{d}text{d}likes{nl}" +
        $"1{d}2024-05-01T10:00:00Z{d}alice{d}Plain text{d}1{nl}" +
        $"2{d}2024-05-01T11:00:00Z{d}bob{d}\"Text with \"\"quotes\"\", a comma, a semicolon; a tab\t and a\nnewline\"{d}2{nl}" +
        $"3{d}2024-05-01T12:00:00Z{d}carol{d}{Accented}{d}3{nl}";

    public static TheoryData<string, Encoding, string> Encodings => new()
    {
        { "utf-8 without BOM", new UTF8Encoding(false), "utf-8" },
        { "utf-8 with BOM", new UTF8Encoding(true), "utf-8" },
        { "utf-16 LE with BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: true), "utf-16" },
        { "utf-16 BE with BOM", new UnicodeEncoding(bigEndian: true, byteOrderMark: true), "utf-16BE" },
        { "utf-32 LE with BOM", new UTF32Encoding(bigEndian: false, byteOrderMark: true), "utf-32" },
        { "utf-32 BE with BOM", new UTF32Encoding(bigEndian: true, byteOrderMark: true), "utf-32BE" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task Unicode_encodings_decode_to_the_same_text(string label, Encoding encoding, string expectedName)
    {
        await using var db = await ImportTestDb.CreateAsync();
        var path = db.WriteText($"{label.Replace(' ', '_')}.csv", Export(',', "\n"), encoding);

        var result = await db.ImportOkAsync(path);

        Assert.Equal(expectedName, result.Encoding, ignoreCase: true);
        Assert.Equal((3, 3), (result.Rows, result.Imported));
        var posts = await db.PostsAsync();
        Assert.Equal(Accented, posts.Single(p => p.PlatformPostId == "3").Text);
        Assert.Equal("alice", posts.Single(p => p.PlatformPostId == "1").Author!.Handle); // no BOM residue in the first cell
    }

    [Fact]
    public async Task Windows_1252_bytes_are_decoded_as_windows_1252()
    {
        await using var db = await ImportTestDb.CreateAsync();
        byte[] bytes =
        [
            .. "post_id,created_at,author_handle,text,likes\r\n"u8,
            .. "1,2024-05-01T10:00:00Z,alice,Caf"u8, 0xE9, .. " "u8, 0x93, .. "quoted"u8, 0x94, .. " na"u8, 0xEF, .. "ve "u8, 0x80, .. "5 "u8, 0x96, .. " ok,1\r\n"u8,
        ];
        var result = await db.ImportOkAsync(db.WriteBytes("cp1252.csv", bytes));

        Assert.Equal("windows-1252", result.Encoding);
        var post = Assert.Single(await db.PostsAsync());
        Assert.Equal("Café “quoted” naïve €5 – ok", post.Text);
    }

    [Theory]
    [InlineData(',', "comma")]
    [InlineData(';', "semicolon")]
    [InlineData('\t', "tab")]
    public async Task Comma_semicolon_and_tab_delimiters_are_detected(char delimiter, string label)
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(db.WriteText($"{label}.csv", Export(delimiter, "\r\n")));

        Assert.Equal(delimiter, result.Delimiter);
        Assert.Equal((3, 3, 0), (result.Rows, result.Imported, result.Rejected));
        await AssertQuotedFieldSurvives(db);
    }

    [Theory]
    [InlineData("\n", "lf")]
    [InlineData("\r\n", "crlf")]
    [InlineData("\r", "cr")]
    public async Task Line_endings_do_not_change_the_rows(string newline, string label)
    {
        await using var db = await ImportTestDb.CreateAsync();
        var result = await db.ImportOkAsync(db.WriteText($"{label}.csv", Export(',', newline)));

        Assert.Equal((3, 3, 0), (result.Rows, result.Imported, result.Rejected));
        await AssertQuotedFieldSurvives(db);
    }

    [Fact]
    public async Task Mixed_line_endings_and_a_missing_final_newline_are_read()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content =
            "post_id,created_at,author_handle,text,likes\r\n" +
            "1,2024-05-01T10:00:00Z,alice,\"CRLF row whose text has a bare LF\nand a CRLF\r\ninside\",1\n" +
            "2,2024-05-01T11:00:00Z,bob,LF row,2\r\n" +
            "3,2024-05-01T12:00:00Z,carol,last row without newline,3";
        var result = await db.ImportOkAsync(db.WriteText("mixed.csv", content));

        Assert.Equal((3, 3, 0), (result.Rows, result.Imported, result.Rejected));
        var posts = await db.PostsAsync();
        Assert.Equal("CRLF row whose text has a bare LF\nand a CRLF\ninside", posts.Single(p => p.PlatformPostId == "1").Text);
        Assert.Equal("LF row", posts.Single(p => p.PlatformPostId == "2").Text);
        Assert.Equal("last row without newline", posts.Single(p => p.PlatformPostId == "3").Text);
        Assert.Equal(3, posts.Single(p => p.PlatformPostId == "3").Likes);
    }

    [Fact]
    public async Task Quoted_fields_keep_embedded_delimiters_quotes_and_newlines_and_line_numbers_stay_physical()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content =
            "post_id,created_at,author_handle,text,likes\n" +
            "1,2024-05-01T10:00:00Z,alice,\"a, b, c\",1\n" +
            "2,2024-05-01T11:00:00Z,bob,\"\"\"fully quoted\"\"\",2\n" +
            "3,2024-05-01T12:00:00Z,carol,\"three\nphysical\nlines\",3\n" +
            "4,not a date,dave,rejected on line seven,4\n";
        var result = await db.ImportAsync(db.WriteText("quoted.csv", content));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((4, 3, 1), (result.Rows, result.Imported, result.Rejected));
        var posts = await db.PostsAsync();
        Assert.Equal("a, b, c", posts.Single(p => p.PlatformPostId == "1").Text);
        Assert.Equal("\"fully quoted\"", posts.Single(p => p.PlatformPostId == "2").Text);
        Assert.Equal("three\nphysical\nlines", posts.Single(p => p.PlatformPostId == "3").Text);
        var error = Assert.Single(result.Errors);
        Assert.Equal(7, error.Line); // physical line of row 4, after the 3-line field
    }

    private static async Task AssertQuotedFieldSurvives(ImportTestDb db)
    {
        var posts = await db.PostsAsync();
        Assert.Equal("Text with \"quotes\", a comma, a semicolon; a tab\t and a\nnewline", posts.Single(p => p.PlatformPostId == "2").Text);
        Assert.Equal(Accented, posts.Single(p => p.PlatformPostId == "3").Text);
        Assert.Equal(3, posts.Single(p => p.PlatformPostId == "3").Likes);
    }
}

using GenAITrends.Core.Ingestion;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>The value formats real exports use, one parser at a time, plus the same values through a whole import.</summary>
public sealed class ValueParserTests
{
    [Theory]
    [InlineData("2023-04-03T13:59:44Z", "2023-04-03T13:59:44")]
    [InlineData("2025-05-05T06:02:50.000Z", "2025-05-05T06:02:50")]
    [InlineData("2023-04-03T13:59:44", "2023-04-03T13:59:44")]            // no offset: taken as UTC
    [InlineData("2023-04-03T15:59:44+02:00", "2023-04-03T13:59:44")]
    [InlineData("2023-04-03T08:59:44-05:00", "2023-04-03T13:59:44")]
    [InlineData("2023-04-03 13:59:44+00:00", "2023-04-03T13:59:44")]      // Kaggle / pandas
    [InlineData("2023-04-03 13:59:44", "2023-04-03T13:59:44")]
    [InlineData("2023-04-03 13:59:44.538242", "2023-04-03T13:59:44.538242")]
    [InlineData("2023-04-03", "2023-04-03T00:00:00")]
    [InlineData("4/27/2023 17:35:29", "2023-04-27T17:35:29")]              // twitteR via Excel (US)
    [InlineData("4/7/2023 9:05:01", "2023-04-07T09:05:01")]
    [InlineData("12/31/2022 23:59", "2022-12-31T23:59:00")]
    [InlineData("Wed Dec 25 2024", "2024-12-25T00:00:00")]                 // X account analytics
    [InlineData("Thu Dec 5 2024", "2024-12-05T00:00:00")]
    [InlineData("Wed Oct 10 20:19:24 +0000 2018", "2018-10-10T20:19:24")]  // classic Twitter API v1.1
    [InlineData("Wed Oct 10 22:19:24 +0200 2018", "2018-10-10T20:19:24")]
    [InlineData("Mon May 11 03:17:40 UTC 2009", "2009-05-11T03:17:40")]    // Sentiment140
    [InlineData("1680530384", "2023-04-03T13:59:44")]                      // unix seconds
    [InlineData("1680530384000", "2023-04-03T13:59:44")]                   // unix milliseconds
    [InlineData("1680530384123", "2023-04-03T13:59:44.123")]
    [InlineData("  2023-04-03T13:59:44Z  ", "2023-04-03T13:59:44")]
    public void Dates_in_export_formats_parse_to_utc(string raw, string expectedUtc)
    {
        Assert.True(ValueParsers.TryParseDate(raw, out var utc), $"'{raw}' did not parse");
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not a date")]
    [InlineData("31/12/2023 10:00")] // day-first is not a US date
    [InlineData("2023-13-01")]
    [InlineData("2023-02-30")]
    [InlineData("yesterday")]
    [InlineData("1.68e9")]
    public void Unparseable_dates_are_refused(string raw)
    {
        Assert.False(ValueParsers.TryParseDate(raw, out _), $"'{raw}' should not parse");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("#N/A")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("NA")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("None")]
    [InlineData("nan")]
    [InlineData("NaN")]
    [InlineData("-")]
    [InlineData(" #N/A ")]
    public void Null_markers_are_null(string raw) => Assert.True(ValueParsers.IsNull(raw));

    [Theory]
    [InlineData("0")]
    [InlineData("none of it")]
    [InlineData("--")]
    [InlineData("Nanotech")]
    public void Ordinary_values_are_not_null_markers(string raw) => Assert.False(ValueParsers.IsNull(raw));

    [Theory]
    [InlineData("12", 12L)]
    [InlineData(" 7 ", 7L)]
    [InlineData("1293.0", 1293L)]
    [InlineData("0.0", 0L)]
    [InlineData("1,234", 1234L)]
    [InlineData("1,234,567", 1234567L)]
    [InlineData("1.2K", 1200L)]
    [InlineData("2.5k", 2500L)]
    [InlineData("3M", 3000000L)]
    [InlineData("1.5 M", 1500000L)]
    [InlineData("1B", 1000000000L)]
    [InlineData("-5", -5L)] // parsed; the row mapper rejects negative counts
    [InlineData("#N/A", null)]
    [InlineData("", null)]
    [InlineData("None", null)]
    public void Counts_in_export_formats_parse(string raw, long? expected)
    {
        Assert.True(ValueParsers.TryParseCount(raw, out var value), $"'{raw}' did not parse");
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12 likes")]
    [InlineData("Infinity")]
    [InlineData("1e300")]
    public void Non_numeric_counts_are_refused(string raw) => Assert.False(ValueParsers.TryParseCount(raw, out _));

    [Theory]
    [InlineData("TRUE", true)]
    [InlineData("False", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("#N/A", null)]
    [InlineData("", null)]
    public void Booleans_parse_excel_and_python_forms(string raw, bool? expected) => Assert.Equal(expected, ValueParsers.ParseBool(raw));

    [Theory]
    [InlineData("1651641228520194048", "1651641228520194048")]
    [InlineData(" 1651641228520194048 ", "1651641228520194048")]
    [InlineData("1.642889622681432e+18", null)] // lost digits: never a key
    [InlineData("1.6428896226814321E18", null)]
    [InlineData("1642889622681432000.0", null)]
    [InlineData("", null)]
    [InlineData("#N/A", null)]
    [InlineData("12a", null)]
    public void Only_plain_digit_ids_are_reliable(string raw, string? expected) => Assert.Equal(expected, ValueParsers.ParseReliableId(raw));

    [Fact]
    public void Public_metrics_are_read_from_python_dict_and_json()
    {
        Assert.True(ValueParsers.TryParsePublicMetrics("{'retweet_count': 1, 'reply_count': 2, 'like_count': 3, 'quote_count': 4, 'bookmark_count': 5, 'impression_count': 6}", out var py));
        Assert.Equal(new PublicMetrics(3, 1, 2, 4, 5, 6), py);

        Assert.True(ValueParsers.TryParsePublicMetrics("{\"like_count\": 9, \"impression_count\": null, \"extra\": True}", out var json));
        Assert.Equal(new PublicMetrics(9, null, null, null, null, null), json);

        Assert.True(ValueParsers.TryParsePublicMetrics("{'like_count': None}", out var none));
        Assert.Null(none.Likes);

        Assert.True(ValueParsers.TryParsePublicMetrics("", out var empty));
        Assert.Equal(default, empty);

        Assert.False(ValueParsers.TryParsePublicMetrics("{'like_count': ", out _));
        Assert.False(ValueParsers.TryParsePublicMetrics("[1, 2]", out _));
    }

    [Theory]
    [InlineData("a &amp; b", "a & b")]
    [InlineData("&lt;3 &gt; &quot;x&quot; &#39;y&#39;", "<3 > \"x\" 'y'")]
    [InlineData("rocket &#x1F680; &#128640;", "rocket 🚀 🚀")]
    [InlineData("AT&T stays", "AT&T stays")]
    [InlineData("  line one\r\nline two\r  ", "line one\nline two")]
    public void Display_text_decodes_html_entities_and_line_breaks(string raw, string expected) =>
        Assert.Equal(expected, TextNormalizer.ForDisplay(raw));

    [Theory]
    [InlineData("\U0001D5E7\U0001D5F6\U0001D5FB\U0001D606 \U0001D5DF\U0001D5DF\U0001D5E0", "tiny llm")] // mathematical bold
    [InlineData("ＧｅｎＡＩ ｖｉｄｅｏ", "genai video")]                                                // full width
    [InlineData("  Open\n\tWeights   Model ", "open weights model")]
    public void Matching_text_is_nfkc_folded_lower_case_and_collapsed(string display, string expected) =>
        Assert.Equal(expected, TextNormalizer.ForMatching(display));

    [Fact]
    public async Task Values_in_every_supported_form_survive_a_whole_import()
    {
        await using var db = await ImportTestDb.CreateAsync();
        var content =
            "post_id,created_at,author_handle,text,likes,reposts,replies,impressions,is_retweet\n" +
            "1,1680530384,alice,Tom &amp; Jerry &lt;3 &#x1F680;,1293.0,\"1,234\",1.2K,#N/A,FALSE\n" +
            "2,1680530384000,bob,millis,NaN,None,-,,TRUE\n" +
            "3,Wed Oct 10 20:19:24 +0000 2018,carol,classic v1.1 date,0,0,0,0,0\n" +
            "4,4/27/2023 17:35:29,dave,us date,0,0,0,0,no\n";
        var result = await db.ImportOkAsync(db.WriteText("values.csv", content));

        Assert.Equal((4, 4, 0), (result.Rows, result.Imported, result.Rejected));
        var posts = await db.PostsAsync();
        var first = posts.Single(p => p.PlatformPostId == "1");
        Assert.Equal("Tom & Jerry <3 🚀", first.Text);
        Assert.Equal(new DateTime(2023, 4, 3, 13, 59, 44, DateTimeKind.Utc), first.CreatedAtUtc);
        Assert.Equal((1293L, 1234L, 1200L, (long?)null), (first.Likes, first.Reposts, first.Replies, first.Impressions));
        Assert.False(first.IsRetweet);

        var second = posts.Single(p => p.PlatformPostId == "2");
        Assert.Equal(new DateTime(2023, 4, 3, 13, 59, 44, DateTimeKind.Utc), second.CreatedAtUtc);
        Assert.Equal((0L, 0L, 0L), (second.Likes, second.Reposts, second.Replies));
        Assert.True(second.IsRetweet); // flagged by the column even without "RT @"
        Assert.Null(second.RetweetedAuthorId);

        Assert.Equal(new DateTime(2018, 10, 10, 20, 19, 24, DateTimeKind.Utc), posts.Single(p => p.PlatformPostId == "3").CreatedAtUtc);
        Assert.Equal(new DateTime(2023, 4, 27, 17, 35, 29, DateTimeKind.Utc), posts.Single(p => p.PlatformPostId == "4").CreatedAtUtc);
    }
}

using System.Globalization;
using System.Text;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Reports;
using GenAITrends.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using UglyToad.PdfPig;

namespace GenAITrends.Core.Tests.Reports;

public sealed class SnapshotReportTests(SampleCorpusFixture corpus) : IClassFixture<SampleCorpusFixture>
{
    private static readonly DateTime Now = new(2025, 1, 15, 9, 30, 0, DateTimeKind.Utc);

    private RollupSnapshotDataSource Source() => new(corpus.ConnectionString, new FixedClock(Now));

    private static string AllText(byte[] pdf)
    {
        using var doc = PdfDocument.Open(pdf);
        return string.Join("\n", doc.GetPages().Select(p => p.Text));
    }

    private static string Squash(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public async Task Pdf_shows_the_themes_the_period_and_the_data_sources_share_figures()
    {
        var request = new SnapshotRequest(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        var (data, pdf) = await SnapshotReport.CreateAsync(Source(), request);

        Assert.Equal(3300, data.Coverage.Posts + (await Source().LoadAsync(new SnapshotRequest(To: new DateOnly(2023, 12, 31)))).Coverage.Posts
            + (await Source().LoadAsync(new SnapshotRequest(From: new DateOnly(2024, 7, 1)))).Coverage.Posts);
        var text = Squash(AllText(pdf));
        Assert.Contains(Squash("1 Jan 2024 – 30 Jun 2024"), text);
        foreach (var theme in Themes.All) Assert.Contains(Squash(theme.Label), text);
        foreach (var t in data.Themes)
        {
            Assert.True(t.Posts > 0);
            Assert.Contains(Squash(SnapshotNarrative.Percent1(t.Share)), text);
            Assert.NotNull(t.PreviousShare); // the period before (Jul–Dec 2023) has posts
        }
        // The shares are posts of the theme over all posts, as the rollups say.
        var top = data.Themes[0];
        Assert.Equal((double)top.Posts / data.Coverage.Posts, top.Share, 10);
        Assert.True(data.Themes.Zip(data.Themes.Skip(1)).All(p => p.First.Share >= p.Second.Share));
        Assert.Contains("Executive summary", AllText(pdf));
    }

    [Fact]
    public async Task Pdf_has_cover_summary_trends_one_page_per_theme_and_methodology_and_embeds_its_fonts()
    {
        var (data, pdf) = await SnapshotReport.CreateAsync(Source(), new SnapshotRequest());
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(4 + 5, doc.NumberOfPages);
        Assert.Equal(5, data.Details.Count);
        Assert.Contains("Page 9 of 9", doc.GetPage(9).Text.Replace(" ", " "));
        Assert.Contains("Methodology", doc.GetPage(9).Text);
        var fonts = doc.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName).Distinct().ToList();
        Assert.Contains(fonts, f => f?.Contains("DejaVu", StringComparison.Ordinal) == true);
        Assert.All(fonts, f => Assert.Matches("DejaVu|Droid|NanumSquare", f)); // only the shipped faces, never a system font
        // Embedded (subset) TrueType programs, not references to fonts the reader must have.
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/FontFile2", raw);
        Assert.Equal(595, (int)doc.GetPage(1).Width);
    }

    [Fact]
    public async Task Theme_filter_keeps_one_theme_page_and_letter_paper_is_letter()
    {
        var (data, pdf) = await SnapshotReport.CreateAsync(Source(), new SnapshotRequest(Theme: Theme.AiVideo), new ReportOptions(PaperSize.Letter));
        using var doc = PdfDocument.Open(pdf);
        Assert.Single(data.Details);
        Assert.Equal(4 + 1, doc.NumberOfPages);
        Assert.Equal(612, (int)doc.GetPage(1).Width);
        Assert.Contains("ai_video", SnapshotReport.FileName(data));
    }

    [Fact]
    public async Task Empty_period_says_so_instead_of_failing()
    {
        var (data, pdf) = await SnapshotReport.CreateAsync(Source(), new SnapshotRequest(new DateOnly(2030, 1, 1), new DateOnly(2030, 1, 31)));
        Assert.True(data.IsEmpty);
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(3, doc.NumberOfPages);
        Assert.Contains(Squash("No posts match this view"), Squash(AllText(pdf)));
    }

    [Fact]
    public async Task Unknown_author_gives_an_empty_snapshot_with_a_notice()
    {
        var (data, pdf) = await SnapshotReport.CreateAsync(Source(), new SnapshotRequest(Author: "nobody_here_at_all"));
        Assert.True(data.IsEmpty);
        Assert.Contains("nobody_here_at_all", data.Notice);
        Assert.Contains(Squash("No author @nobody_here_at_all"), Squash(AllText(pdf)));
    }

    [Fact]
    public async Task Language_and_author_filters_narrow_the_figures()
    {
        var all = await Source().LoadAsync(new SnapshotRequest());
        var handle = all.Details[0].Influencers[0].Handle;
        var one = await Source().LoadAsync(new SnapshotRequest(Author: "@" + handle.ToUpperInvariant()));
        Assert.True(one.Coverage.Posts > 0 && one.Coverage.Posts < all.Coverage.Posts);
        Assert.Equal(1, one.Coverage.Authors);
        var en = await Source().LoadAsync(new SnapshotRequest(Lang: "en", Author: handle));
        Assert.True(en.Coverage.Posts <= one.Coverage.Posts);
        var pdf = SnapshotPdfRenderer.Render(en);
        Assert.Contains(Squash("author: @" + handle), Squash(AllText(pdf)));
    }

    [Fact]
    public async Task Hostile_and_exotic_text_does_not_break_the_document()
    {
        var texts = new[]
        {
            "Open-source llama weights: " + string.Concat(Enumerable.Repeat("AAAAAAAAAA", 1000)), // 10 000 characters, no space
            "Open-source model שלום עולם llama (עברית) and العربية مفتوح المصدر llama 🤖🔥👩🏽‍💻 \u202Eevil override\u202C \u0007\u0001 漢字 게시물 llama",
            "Open-source llama " + string.Join(" ", Enumerable.Repeat("word", 2500)),
            "Open-source llama <script>alert(1)</script> %PDF-1.7 endobj (\\) \\\\ ) trailer",
        };
        var cs = await DatabaseWithPostsAsync("hostile", "en", texts);

        var (data, pdf) = await SnapshotReport.CreateAsync(new RollupSnapshotDataSource(cs, new FixedClock(Now)), new SnapshotRequest());
        Assert.Equal(texts.Length, data.Coverage.Posts);
        var detail = data.Details.Single(d => d.Theme == Theme.OpenSourceLlmOs);
        Assert.Equal(3, detail.Posts.Count);
        var text = AllText(pdf);
        Assert.Contains(SafeText.Missing, text); // emoji and Arabic replaced visibly
        Assert.Contains("漢字", text, StringComparison.Ordinal); // CJK drawn in the fallback face
        Assert.Contains("게시물", text, StringComparison.Ordinal); // and Korean in its own
        Assert.False(text.Contains('\u202E', StringComparison.Ordinal));
        using var doc = PdfDocument.Open(pdf);
        Assert.Equal(4 + 5, doc.NumberOfPages);
    }

    [Fact]
    public async Task Japanese_posts_and_terms_are_drawn_in_the_fallback_face()
    {
        var cs = await DatabaseWithPostsAsync("cjk", "ja",
        [
            "Llama 2 をローカルで量子化して動かした", "量子化したLlamaがローカルで速い", "ローカルLLMの量子化、Llama 3 で再挑戦",
            "今日は散歩して公園でお弁当", "週末は家族と映画を見た", "新しいカフェでコーヒーを飲んだ",
        ]);

        var (data, pdf) = await SnapshotReport.CreateAsync(new RollupSnapshotDataSource(cs, new FixedClock(Now)), new SnapshotRequest());
        var terms = data.Details.Single(d => d.Theme == Theme.OpenSourceLlmOs).RisingTerms.Select(t => t.Term).ToList();
        Assert.Contains("量子化", terms); // a run of ideographs, not the whole clause
        Assert.Contains("ローカル", terms);
        var text = AllText(pdf);
        Assert.Contains("量子化", text, StringComparison.Ordinal);
        Assert.Contains("ローカルで量子化して動かした", Squash(text), StringComparison.Ordinal);
        Assert.DoesNotContain(SafeText.Missing, text.Replace("replaced by " + SafeText.Missing, "", StringComparison.Ordinal), StringComparison.Ordinal); // the methodology's legend aside
        Assert.DoesNotContain(Squash("cannot show"), Squash(text), StringComparison.Ordinal);
    }

    /// <summary>A fresh database holding one post per text (March 2024, one author each), tagged by the keyword rules.</summary>
    private async Task<string> DatabaseWithPostsAsync(string name, string lang, IReadOnlyList<string> texts)
    {
        var dir = Path.Combine(corpus.Directory, name + "-" + Guid.NewGuid().ToString("N")[..6]);
        Directory.CreateDirectory(dir);
        var cs = DatabaseLocation.Resolve(null, Path.Combine(dir, name + ".db"));
        await DatabaseInitializer.MigrateAsync(cs);
        var csv = new StringBuilder("post_id,created_at,author_handle,author_name,author_followers,lang,text,likes,reposts,replies,quotes,bookmarks,impressions,is_retweet,retweeted_author,url\n");
        for (var i = 0; i < texts.Count; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{1000 + i},2024-03-0{i + 1}T10:00:00Z,{name}_{i},\"Name 🤖 {i}\",10,{lang},\"{texts[i].Replace("\"", "\"\"")}\",{100 - i},1,1,0,0,,false,,\n");
        var file = Path.Combine(dir, name + ".csv");
        await File.WriteAllTextAsync(file, csv.ToString(), new UTF8Encoding(false));
        var result = await new PostImporter(cs, new GenAITrends.Core.Classification.KeywordAnnotator(), NullLogger<PostImporter>.Instance).ImportAsync(new ImportRequest(file));
        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(texts.Count, result.Imported);
        return cs;
    }

    [Theory]
    [InlineData("plain text", "plain text", 0)]
    [InlineData("emoji 🤖 here", "emoji □ here", 1)]
    [InlineData("a\u202Eb\u0007c", "abc", 0)]
    [InlineData("שלום!", "םולש!", 0)]
    [InlineData("مرحبا", "□□□…", 5)]
    [InlineData("漢字とカナ ok", "漢字とカナ ok", 0)]
    [InlineData("한국어 게시물 ok", "한국어 게시물 ok", 0)]
    public void SafeText_replaces_what_the_font_cannot_show(string input, string expected, int replaced)
    {
        var r = SafeText.Clean(input);
        Assert.Equal(expected, r.Text);
        Assert.Equal(replaced, r.Replaced);
    }

    [Fact]
    public void Mixed_text_is_split_into_runs_per_face_without_splitting_surrogate_pairs()
    {
        const int Latin = ReportFonts.PrimaryFace, Cjk = 0, Hangul = 1;
        Assert.Equal([(0, 3, Latin), (3, 2, Cjk), (5, 2, Latin), (7, 3, Cjk)], PdfText.Runs("ab 漢字 cイタリ").ToList());
        // 가 is in Droid Sans Fallback too, but a Korean word stays in one face.
        Assert.Equal([(0, 3, Hangul), (3, 1, Latin), (4, 2, Cjk)], PdfText.Runs("한국가 漢字").ToList());
        Assert.Equal([(0, 4, Latin)], PdfText.Runs("a🤖b").ToList()); // no face has the emoji: SafeText replaces it
        Assert.Empty(PdfText.Runs(""));
    }

    [Fact]
    public void Japanese_text_wraps_between_characters_and_fills_each_line()
    {
        ReportFonts.EnsureInstalled();
        using var doc = new PdfSharp.Pdf.PdfDocument();
        using var g = PdfSharp.Drawing.XGraphics.FromPdfPage(doc.AddPage());
        var font = new PdfSharp.Drawing.XFont(ReportFonts.Family, 9);
        const string Text = "Google Cloud NextでDuet AIが正式提供に。Workspaceの価格はMicrosoftと同じ月30ドル。日本の顧客にとっては日本語品質がポイント。";
        const double Width = 200;

        var lines = SnapshotPdfRenderer.Wrap(g, Text, font, Width, 10);

        Assert.True(lines.Count >= 3);
        Assert.All(lines, l => Assert.True(PdfText.Measure(g, l, font) <= Width, l));
        Assert.All(lines.SkipLast(1), l => Assert.True(PdfText.Measure(g, l, font) > Width * 0.8, $"line not filled: {l}"));
        Assert.Equal(Squash(Text), Squash(string.Concat(lines)));
    }

    [Fact]
    public void SafeText_survives_lone_surrogates_and_truncates()
    {
        var r = SafeText.Clean("ok \uD83D end " + new string('x', 50), maxChars: 10);
        Assert.True(r.Truncated);
        Assert.StartsWith("ok □", r.Text);
    }

    [Fact]
    public void Request_parsing_checks_every_parameter()
    {
        Assert.NotNull(SnapshotRequest.TryParse("2024-01-01", "2024-02-01", "week", "EN", "@Someone", "ai_video", out var e));
        Assert.Null(e);
        Assert.Null(SnapshotRequest.TryParse("2024-02-01", "2024-01-01", null, null, null, null, out e));
        Assert.NotNull(e);
        Assert.Null(SnapshotRequest.TryParse(null, null, "hourly", null, null, null, out _));
        Assert.Null(SnapshotRequest.TryParse(null, null, null, null, null, "weather", out _));
        Assert.Null(SnapshotRequest.TryParse("yesterday", null, null, null, null, null, out _));
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now);
    }
}

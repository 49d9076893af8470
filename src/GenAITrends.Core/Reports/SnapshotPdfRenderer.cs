using System.Globalization;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Posts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GenAITrends.Core.Reports;

public sealed record ReportOptions(PaperSize Paper = PaperSize.A4, string ProductName = "GenAI Trends");

/// <summary>
/// Lays a <see cref="SnapshotData"/> out as a PDF with PDFsharp: cover, executive summary, trend charts, one page per
/// theme, methodology; running header and "page n of N" on every page after the cover; DejaVu Sans embedded, with Droid Sans Fallback for Chinese and Japanese and NanumSquare for Korean (PdfText).
/// </summary>
public static class SnapshotPdfRenderer
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private const double Margin = 50;
    private const double Top = 62;
    private const double Bottom = 52;

    private static readonly XColor Ink = XColor.FromArgb(0x1F, 0x29, 0x37);
    private static readonly XColor Muted = XColor.FromArgb(0x6B, 0x72, 0x80);
    private static readonly XColor Rule = XColor.FromArgb(0xE5, 0xE7, 0xEB);
    private static readonly XColor Navy = XColor.FromArgb(0x0B, 0x1F, 0x3A);
    private static readonly XColor Panel = XColor.FromArgb(0xF5, 0xF7, 0xFA);

    public static byte[] Render(SnapshotData data, ReportOptions? options = null)
    {
        using var ms = new MemoryStream();
        Render(data, ms, options);
        return ms.ToArray();
    }

    public static void Render(SnapshotData data, Stream output, ReportOptions? options = null)
    {
        options ??= new ReportOptions();
        ReportFonts.EnsureInstalled();
        var charts = RenderCharts(data, options);
        using var doc = new PdfDocument();
        doc.Info.Title = $"{options.ProductName} snapshot, {data.Period.Describe()}";
        doc.Info.Author = options.ProductName;
        doc.Info.Subject = $"Filters: {data.Filters.Describe()}";
        doc.Info.Creator = $"{options.ProductName} report";
        doc.Info.CreationDate = DateTime.SpecifyKind(data.GeneratedAtUtc, DateTimeKind.Utc);

        var w = new Writer(doc, options);
        Cover(w, data, options);
        Summary(w, data);
        if (!data.IsEmpty)
        {
            Trends(w, data, charts);
            foreach (var detail in data.Details) ThemePage(w, data, detail, charts);
        }
        Methodology(w, data);
        w.Finish(data, options);
        doc.Save(output, false);
    }

    // ---------------------------------------------------------------- charts (rendered in parallel: ScottPlot is the slow part)

    private sealed class Charts
    {
        public byte[]? Share;
        public byte[]? Sentiment;
        public readonly Dictionary<Theme, (byte[] Volume, byte[]? Sentiment)> Themes = [];
    }

    private const double ContentWidthA4 = 595.28 - 2 * Margin;

    private static double ContentWidth(ReportOptions o) => (o.Paper == PaperSize.Letter ? 612 : 595.28) - 2 * Margin;

    private static Charts RenderCharts(SnapshotData data, ReportOptions o)
    {
        var charts = new Charts();
        if (data.IsEmpty) return charts;
        var width = ContentWidth(o);
        var half = (width - 14) / 2;
        var jobs = new List<Action>
        {
            () => charts.Share = SnapshotCharts.ShareStacked(data, width, 290),
            () => charts.Sentiment = SnapshotCharts.SentimentLines(data, width, 260),
        };
        var perTheme = new (byte[] Volume, byte[]? Sentiment)[data.Details.Count];
        for (var i = 0; i < data.Details.Count; i++)
        {
            var index = i;
            jobs.Add(() => perTheme[index] = (SnapshotCharts.ThemeVolume(data, data.Details[index], half, 165),
                SnapshotCharts.ThemeSentiment(data, data.Details[index], half, 165)));
        }
        Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, [.. jobs]);
        for (var i = 0; i < data.Details.Count; i++) charts.Themes[data.Details[i].Theme] = perTheme[i];
        return charts;
    }

    // ---------------------------------------------------------------- pages

    private static void Cover(Writer w, SnapshotData data, ReportOptions o)
    {
        var g = w.NewPage(null);
        var width = w.PageWidth;
        // Band of the five theme colours along the top.
        var band = width / Themes.All.Count;
        for (var i = 0; i < Themes.All.Count; i++)
            g.DrawRectangle(new XSolidBrush(Hex(Themes.All[i].Colour)), i * band, 0, band + 0.5, 10);

        var y = 170.0;
        PdfText.Draw(g, o.ProductName, w.Font(34, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        y += 34;
        PdfText.Draw(g, "Snapshot report", w.Font(18), new XSolidBrush(Muted), new XPoint(Margin, y));
        y += 50;
        PdfText.Draw(g, data.Period.Describe(), w.Font(22, true), new XSolidBrush(Ink), new XPoint(Margin, y));
        y += 22;
        var gran = data.Period.Granularity.ToString().ToLowerInvariant();
        PdfText.Draw(g, $"{data.Period.Days.ToString("N0", C)} days, charted by {gran}; compared with {data.Period.PreviousFrom.ToString("d MMM yyyy", C)} – {data.Period.PreviousTo.ToString("d MMM yyyy", C)}",
            w.Font(10), new XSolidBrush(Muted), new XPoint(Margin, y));

        y += 46;
        var rows = new List<(string, string)>
        {
            ("Filters", data.Filters.Describe()),
            ("Generated", data.GeneratedAtUtc.ToString("d MMM yyyy, HH:mm", C) + " UTC"),
            ("Posts in period", data.Coverage.Posts.ToString("N0", C)),
            ("Authors in period", data.Coverage.Authors.ToString("N0", C)),
            ("First post", data.Coverage.FirstPostUtc?.ToString("d MMM yyyy, HH:mm", C) + (data.Coverage.FirstPostUtc is null ? "–" : " UTC")),
            ("Last post", data.Coverage.LastPostUtc?.ToString("d MMM yyyy, HH:mm", C) + (data.Coverage.LastPostUtc is null ? "–" : " UTC")),
            ("Import batches", DescribeBatches(data.Coverage.Batches)),
        };
        var boxHeight = 0.0;
        var labelFont = w.Font(9, true);
        var valueFont = w.Font(10);
        var valueWidth = width - 2 * Margin - 150;
        var wrapped = rows.Select(r => (r.Item1, Lines: Wrap(g, r.Item2, valueFont, valueWidth, 3))).ToList();
        boxHeight = wrapped.Sum(r => r.Lines.Count * 13 + 8) + 16;
        g.DrawRectangle(new XSolidBrush(Panel), Margin, y, width - 2 * Margin, boxHeight);
        y += 14;
        foreach (var (label, lines) in wrapped)
        {
            PdfText.Draw(g, label.ToUpperInvariant(), labelFont, new XSolidBrush(Muted), new XPoint(Margin + 14, y + 9));
            foreach (var line in lines)
            {
                PdfText.Draw(g, line, valueFont, new XSolidBrush(Ink), new XPoint(Margin + 150, y + 9));
                y += 13;
            }
            y += 8;
        }
        y += 24;
        if (data.Notice is not null)
        {
            foreach (var line in Wrap(g, data.Notice, w.Font(10, true), width - 2 * Margin, 4))
            {
                PdfText.Draw(g, line, w.Font(10, true), new XSolidBrush(XColor.FromArgb(0xB4, 0x23, 0x18)), new XPoint(Margin, y));
                y += 14;
            }
        }
        if (data.IsEmpty)
            PdfText.Draw(g, "No posts match this view.", w.Font(12, true), new XSolidBrush(Ink), new XPoint(Margin, y + 10));

        var foot = w.PageHeight - 60;
        PdfText.Draw(g, "Figures are computed from the posts imported into this installation; see the methodology page for definitions.",
            w.Font(8), new XSolidBrush(Muted), new XPoint(Margin, foot));
    }

    private static string DescribeBatches(IReadOnlyList<ImportSource> batches)
    {
        if (batches.Count == 0) return "none";
        var posts = batches.Sum(b => b.Imported);
        var names = string.Join(", ", batches.Take(4).Select(b => $"#{b.Id} {b.FileName}"));
        return $"{batches.Count.ToString("N0", C)} ({posts.ToString("N0", C)} posts imported): {names}{(batches.Count > 4 ? $" and {batches.Count - 4} more" : "")}";
    }

    private static void Summary(Writer w, SnapshotData data)
    {
        var g = w.NewPage("Executive summary");
        var y = w.Heading(g, "Executive summary", $"{data.Period.Describe()} · filters: {data.Filters.Describe()}");
        var width = w.ContentWidth;
        var bodyFont = w.Font(10.5);
        foreach (var sentence in SnapshotNarrative.Sentences(data))
        {
            var lines = Wrap(g, sentence, bodyFont, width - 14, 6);
            g.DrawEllipse(new XSolidBrush(Navy), Margin + 1, y - 6.5, 4, 4);
            foreach (var line in lines)
            {
                PdfText.Draw(g, line, bodyFont, new XSolidBrush(Ink), new XPoint(Margin + 14, y));
                y += 14.5;
            }
            y += 4;
        }
        if (data.IsEmpty) return;

        y += 14;
        PdfText.Draw(g, "Themes by share of posts", w.Font(12, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        y += 10;
        var cols = new[] { 0.0, 168, 220, 276, 336, 418 }; // offsets from the margin
        var headers = new[] { "Theme", "Share", "Previous", "Change", "Sentiment", "Spike" };
        g.DrawRectangle(new XSolidBrush(Navy), Margin, y, width, 20);
        for (var i = 0; i < headers.Length; i++)
            PdfText.Draw(g, headers[i], w.Font(8.5, true), XBrushes.White, new XPoint(Margin + 6 + cols[i], y + 13.5));
        y += 20;
        var rowFont = w.Font(9.5);
        var index = 0;
        foreach (var t in data.Themes)
        {
            const double rowH = 30;
            if (index++ % 2 == 1) g.DrawRectangle(new XSolidBrush(Panel), Margin, y, width, rowH);
            g.DrawRectangle(new XSolidBrush(Hex(t.Info.Colour)), Margin + 6, y + 9, 10, 10);
            var label = Wrap(g, t.Info.Label, rowFont, cols[1] - 28, 2);
            var ly = y + (label.Count == 1 ? 18 : 12.5);
            foreach (var line in label) { PdfText.Draw(g, line, rowFont, new XSolidBrush(Ink), new XPoint(Margin + 22, ly)); ly += 11.5; }
            var mid = y + 18;
            PdfText.Draw(g, SnapshotNarrative.Percent1(t.Share), w.Font(9.5, true), new XSolidBrush(Ink), new XPoint(Margin + 6 + cols[1], mid));
            PdfText.Draw(g, t.PreviousShare is null ? "–" : SnapshotNarrative.Percent1(t.PreviousShare.Value), rowFont, new XSolidBrush(Muted), new XPoint(Margin + 6 + cols[2], mid));
            var change = t.ChangePoints;
            var changeColour = change is null || Math.Abs(change.Value) < 0.05 ? Muted : change > 0 ? XColor.FromArgb(0x04, 0x7A, 0x55) : XColor.FromArgb(0xB4, 0x23, 0x18);
            PdfText.Draw(g, SnapshotNarrative.Points(change), rowFont, new XSolidBrush(changeColour), new XPoint(Margin + 6 + cols[3], mid));
            var sent = t.MeanSentiment is null ? "not measured" : $"{SnapshotNarrative.Sentiment(t.MeanSentiment)} {SnapshotNarrative.SentimentWord(t.MeanSentiment.Value)}";
            PdfText.Draw(g, sent, t.MeanSentiment is null ? w.Font(8) : rowFont, new XSolidBrush(t.MeanSentiment is null ? Muted : Ink), new XPoint(Margin + 6 + cols[4], mid));
            var spike = t.Spike is null ? "none" : t.Spike.Day.ToString("d MMM yyyy", C);
            PdfText.Draw(g, spike, rowFont, new XSolidBrush(t.Spike is null ? Muted : Ink), new XPoint(Margin + 6 + cols[5], mid));
            y += rowH;
        }
        g.DrawLine(new XPen(Rule, 0.8), Margin, y, Margin + width, y);
        y += 16;
        var note = "Share: posts carrying the theme ÷ all posts in the period (a post can carry several themes or none). Change: percentage points against the previous "
            + $"{data.Period.Days.ToString("N0", C)} days. Sentiment: mean score from −1 to +1. Spike: the day furthest above the 28 days before it (posts that day).";
        foreach (var line in Wrap(g, note, w.Font(8), width, 4))
        {
            PdfText.Draw(g, line, w.Font(8), new XSolidBrush(Muted), new XPoint(Margin, y));
            y += 10.5;
        }
    }

    private static void Trends(Writer w, SnapshotData data, Charts charts)
    {
        var g = w.NewPage("Trends");
        var y = w.Heading(g, "Trends over time", "Share of posts per theme, and mean sentiment per theme");
        var width = w.ContentWidth;
        y = SubHeading(w, g, "Share of posts by theme (stacked)", y);
        if (charts.Share is not null) { w.Image(g, charts.Share, Margin, y, width, 290); y += 290; }
        y += 22;
        y = SubHeading(w, g, "Mean sentiment by theme", y);
        if (charts.Sentiment is not null) w.Image(g, charts.Sentiment, Margin, y, width, 260);
        else Placeholder(w, g, "Sentiment not measured: no sentiment model had scored these posts when they were imported.", Margin, y, width, 80);
    }

    private static void ThemePage(Writer w, SnapshotData data, ThemeDetail detail, Charts charts)
    {
        var info = detail.Info;
        var summary = data.Themes.First(t => t.Theme == detail.Theme);
        var g = w.NewPage(info.Label);
        var width = w.ContentWidth;
        var colour = Hex(info.Colour);
        g.DrawRectangle(new XSolidBrush(colour), Margin, Top - 4, 6, 30);
        PdfText.Draw(g, info.Label, w.Font(20, true), new XSolidBrush(Navy), new XPoint(Margin + 14, Top + 17));
        var y = Top + 40;
        foreach (var line in Wrap(g, info.Definition, w.Font(9), width, 2))
        {
            PdfText.Draw(g, line, w.Font(9), new XSolidBrush(Muted), new XPoint(Margin, y));
            y += 12;
        }
        y += 6;

        // Key figures.
        var figures = new (string Label, string Value)[]
        {
            ("Share of posts", SnapshotNarrative.Percent1(summary.Share)),
            ("Change", SnapshotNarrative.Points(summary.ChangePoints)),
            ("Posts", summary.Posts.ToString("N0", C)),
            ("Mean sentiment", summary.MeanSentiment is null ? "n/a" : SnapshotNarrative.Sentiment(summary.MeanSentiment)),
            ("Spike", summary.Spike is null ? "none" : summary.Spike.Day.ToString("d MMM yyyy", C)),
        };
        var boxW = (width - 4 * 8) / figures.Length;
        for (var i = 0; i < figures.Length; i++)
        {
            var x = Margin + i * (boxW + 8);
            g.DrawRectangle(new XSolidBrush(Panel), x, y, boxW, 42);
            g.DrawRectangle(new XSolidBrush(colour), x, y, boxW, 2.5);
            PdfText.Draw(g, figures[i].Label.ToUpperInvariant(), w.Font(7, true), new XSolidBrush(Muted), new XPoint(x + 8, y + 15));
            PdfText.Draw(g, figures[i].Value, w.Font(figures[i].Value.Length > 9 ? 10.5 : 13, true), new XSolidBrush(Ink), new XPoint(x + 8, y + 33));
        }
        y += 56;

        var half = (width - 14) / 2;
        PdfText.Draw(g, "Volume", w.Font(10, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        PdfText.Draw(g, "Sentiment", w.Font(10, true), new XSolidBrush(Navy), new XPoint(Margin + half + 14, y));
        y += 5;
        var (volume, sentiment) = charts.Themes[detail.Theme];
        w.Image(g, volume, Margin, y, half, 165);
        if (sentiment is not null) w.Image(g, sentiment, Margin + half + 14, y, half, 165);
        else Placeholder(w, g, "Sentiment not measured for this theme's posts.", Margin + half + 14, y + 10, half, 145);
        y += 165 + 18;

        // Influencers | rising terms.
        var top = y;
        PdfText.Draw(g, "Top influencers", w.Font(10, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        y += 6;
        var ty = y;
        g.DrawLine(new XPen(Rule, 0.8), Margin, ty + 4, Margin + half, ty + 4);
        SmallHeader(w, g, Margin, ty + 14, half, "Author", "Posts", "Engagement");
        ty += 18;
        if (detail.Influencers.Count == 0) { PdfText.Draw(g, "No posts in this period.", w.Font(8.5), new XSolidBrush(Muted), new XPoint(Margin, ty + 10)); ty += 14; }
        foreach (var inf in detail.Influencers)
        {
            var name = "@" + SafeText.Clean(inf.Handle, 40).Text;
            PdfText.Draw(g, Fit(g, name, w.Font(8.5), half - 110), w.Font(8.5), new XSolidBrush(Ink), new XPoint(Margin, ty + 10));
            DrawRight(g, inf.Posts.ToString("N0", C), w.Font(8.5), Muted, Margin + half - 62, ty + 10);
            DrawRight(g, inf.Engagement.ToString("N0", C), w.Font(8.5), Ink, Margin + half, ty + 10);
            ty += 14;
        }

        var rx = Margin + half + 14;
        var ry = top;
        PdfText.Draw(g, detail.TermsComparedWithPrevious ? "Rising terms" : "Distinctive terms", w.Font(10, true), new XSolidBrush(Navy), new XPoint(rx, ry));
        ry += 6;
        g.DrawLine(new XPen(Rule, 0.8), rx, ry + 4, rx + half, ry + 4);
        SmallHeader(w, g, rx, ry + 14, half, "Term", "Posts", detail.TermsComparedWithPrevious ? "Before" : "× others");
        ry += 18;
        if (detail.RisingTerms.Count == 0) { PdfText.Draw(g, "No term stands out in this period.", w.Font(8.5), new XSolidBrush(Muted), new XPoint(rx, ry + 10)); ry += 14; }

        // A term the report font cannot draw (Chinese, Japanese) would be a row of boxes: list the others, count those.
        var terms = detail.RisingTerms.Select(t => (Term: t, Clean: SafeText.Clean(t.Term, 40))).ToList();
        int undrawable = terms.Take(6).Count(t => t.Clean.Replaced > 0);
        foreach (var (term, clean) in terms.Where(t => t.Clean.Replaced == 0).Take(6))
        {
            PdfText.Draw(g, Fit(g, clean.Text, w.Font(8.5), half - 110), w.Font(8.5), new XSolidBrush(Ink), new XPoint(rx, ry + 10));
            DrawRight(g, term.Posts.ToString("N0", C), w.Font(8.5), Ink, rx + half - 62, ry + 10);
            DrawRight(g, detail.TermsComparedWithPrevious ? term.PreviousPosts.ToString("N0", C) : "×" + term.Growth.ToString("0.0", C), w.Font(8.5), Muted, rx + half, ry + 10);
            ry += 14;
        }

        if (undrawable > 0)
        {
            var note = $"+ {undrawable} in a script this font cannot show: see the dashboard";
            PdfText.Draw(g, Fit(g, note, w.Font(7.5), half), w.Font(7.5), new XSolidBrush(Muted), new XPoint(rx, ry + 10));
            ry += 12;
        }

        y = Math.Max(ty, ry) + 16;

        // Representative posts: as many lines as the rest of the page allows, shared between three.
        PdfText.Draw(g, "Representative posts", w.Font(10, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        PdfText.Draw(g, "most-engaged original posts, one per author", w.Font(8), new XSolidBrush(Muted), new XPoint(Margin + 126, y));
        y += 8;
        if (detail.Posts.Count == 0)
        {
            PdfText.Draw(g, "No posts of this theme in the period.", w.Font(8.5), new XSolidBrush(Muted), new XPoint(Margin, y + 12));
            return;
        }
        var available = w.PageHeight - Bottom - 8 - y;
        var perPost = available / Math.Max(3, detail.Posts.Count);
        var textFont = w.Font(8.5);
        const double lineH = 11;
        foreach (var post in detail.Posts)
        {
            var clean = SafeText.Clean(post.Text, 1200);
            var maxLines = Math.Max(2, (int)((perPost - 30) / lineH));
            var lines = Wrap(g, clean.Text, textFont, width - 20, maxLines, clean.Truncated);
            var h = 24 + lines.Count * lineH + 4;
            g.DrawRectangle(new XSolidBrush(Panel), Margin, y + 4, width, h);
            g.DrawRectangle(new XSolidBrush(colour), Margin, y + 4, 3, h);
            var meta = $"@{SafeText.Clean(post.AuthorHandle, 40).Text} · {post.CreatedAtUtc.ToString("d MMM yyyy", C)} · {post.Engagement.ToString("N0", C)} engagements"
                + (post.Sentiment is null ? "" : $" · {post.Sentiment.Value.ToString().ToLowerInvariant()}")
                + (clean.Replaced > 0 ? $" · {SafeText.Missing} = character the report font cannot show" : "");
            PdfText.Draw(g, Fit(g, meta, w.Font(8, true), width - 20), w.Font(8, true), new XSolidBrush(Muted), new XPoint(Margin + 12, y + 18));
            var ly = y + 31;
            foreach (var line in lines)
            {
                PdfText.Draw(g, line, textFont, new XSolidBrush(Ink), new XPoint(Margin + 12, ly));
                ly += lineH;
            }
            y += h + 8;
        }
    }

    private static void Methodology(Writer w, SnapshotData data)
    {
        var g = w.NewPage("Methodology");
        var y = w.Heading(g, "Methodology and sources", null);
        var width = w.ContentWidth;
        var body = w.Font(8.5);

        y = SubHeading(w, g, "How the figures are made", y);
        var notes = new[]
        {
            "Posts are imported from X/Twitter CSV exports; each post is tagged with zero, one or several of five themes and, where a sentiment model ran, a sentiment score from −1 to +1.",
            "Volumes, shares and sentiment come from daily rollups kept in step with every import. The previous period is the one of equal length just before the period shown.",
            $"Influencers rank authors by engagement (likes, reposts, replies, quotes) on the theme's posts. Rising terms and representative posts are drawn from {(data.Sample.Stride <= 1 ? "every post" : $"an even sample of one post in {data.Sample.Stride.ToString("N0", C)}")} of the period ({data.Sample.Sampled.ToString("N0", C)} posts with a theme).",
            "Text is shown as written, in DejaVu Sans, with Droid Sans Fallback for Chinese and Japanese and NanumSquare for Korean; characters none of them can show (emoji, scripts that need shaping such as Arabic) are replaced by □. All times are UTC.",
        };
        foreach (var n in notes) y = Paragraph(w, g, n, body, y, width) + 3;
        y += 8;

        y = SubHeading(w, g, "Models and held-out figures (docs/model-card.md)", y);
        if (data.Models.Count == 0) y = Paragraph(w, g, $"No model recorded with the imports; figures {ModelCard.NotMeasured}.", body, y, width);
        foreach (var m in data.Models.Take(6))
        {
            PdfText.Draw(g, Fit(g, SafeText.Clean(m.Name, 60).Text, w.Font(8.5, true), 165), w.Font(8.5, true), new XSolidBrush(Ink), new XPoint(Margin, y));
            foreach (var line in Wrap(g, SafeText.Clean(m.Figures, 600).Text, body, width - 175, 3))
            {
                PdfText.Draw(g, line, body, new XSolidBrush(Ink), new XPoint(Margin + 175, y));
                y += 11;
            }
            y += 4;
        }
        y += 8;

        y = SubHeading(w, g, "Themes", y);
        foreach (var t in Themes.All)
        {
            g.DrawRectangle(new XSolidBrush(Hex(t.Colour)), Margin, y - 7, 7, 7);
            PdfText.Draw(g, t.Label, w.Font(8.5, true), new XSolidBrush(Ink), new XPoint(Margin + 12, y));
            foreach (var line in Wrap(g, t.Definition, body, width - 175, 2))
            {
                PdfText.Draw(g, line, body, new XSolidBrush(Ink), new XPoint(Margin + 175, y));
                y += 11;
            }
            y += 4;
        }
        y += 8;

        y = SubHeading(w, g, "Data sources (import batches)", y);
        var batches = data.Coverage.Batches;
        if (batches.Count == 0) y = Paragraph(w, g, "No import batch in the database.", body, y, width);
        var room = (int)Math.Max(1, (w.PageHeight - Bottom - 20 - y) / 12);
        var shown = batches.Count > room ? room - 1 : batches.Count;
        foreach (var b in batches.Take(shown))
        {
            var line = $"#{b.Id} · {SafeText.Clean(b.FileName, 80).Text} · {b.Imported.ToString("N0", C)} posts imported, {b.Updated.ToString("N0", C)} updated"
                + (b.FinishedAtUtc is null ? "" : $" · {b.FinishedAtUtc.Value.ToString("d MMM yyyy HH:mm", C)} UTC")
                + (b.Models is null ? "" : $" · models: {b.Models}");
            PdfText.Draw(g, Fit(g, line, body, width), body, new XSolidBrush(Ink), new XPoint(Margin, y));
            y += 12;
        }
        if (shown < batches.Count)
            PdfText.Draw(g, $"… and {(batches.Count - shown).ToString("N0", C)} more batches ({batches.Skip(shown).Sum(b => b.Imported).ToString("N0", C)} posts).", body, new XSolidBrush(Muted), new XPoint(Margin, y));
    }

    // ---------------------------------------------------------------- helpers

    private static double SubHeading(Writer w, XGraphics g, string text, double y)
    {
        PdfText.Draw(g, text, w.Font(11, true), new XSolidBrush(Navy), new XPoint(Margin, y));
        return y + 14;
    }

    private static double Paragraph(Writer w, XGraphics g, string text, XFont font, double y, double width)
    {
        foreach (var line in Wrap(g, text, font, width, 8))
        {
            PdfText.Draw(g, line, font, new XSolidBrush(Ink), new XPoint(Margin, y));
            y += font.Size * 1.32;
        }
        return y;
    }

    private static void SmallHeader(Writer w, XGraphics g, double x, double y, double width, string a, string b, string c)
    {
        var f = w.Font(7, true);
        PdfText.Draw(g, a.ToUpperInvariant(), f, new XSolidBrush(Muted), new XPoint(x, y));
        DrawRight(g, b.ToUpperInvariant(), f, Muted, x + width - 62, y);
        DrawRight(g, c.ToUpperInvariant(), f, Muted, x + width, y);
    }

    private static void Placeholder(Writer w, XGraphics g, string text, double x, double y, double width, double height)
    {
        g.DrawRectangle(new XPen(Rule, 0.8), new XSolidBrush(Panel), x, y, width, height);
        var lines = Wrap(g, text, w.Font(9), width - 24, 4);
        var ly = y + height / 2 - (lines.Count - 1) * 6;
        foreach (var line in lines)
        {
            g.DrawString(line, w.Font(9), new XSolidBrush(Muted), new XRect(x, ly - 9, width, 12), XStringFormats.TopCenter);
            ly += 12;
        }
    }

    private static void DrawRight(XGraphics g, string text, XFont font, XColor colour, double right, double baseline)
    {
        PdfText.Draw(g, text, font, new XSolidBrush(colour), new XPoint(right - PdfText.Measure(g, text, font), baseline));
    }

    private static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (PdfText.Measure(g, text, font) <= width) return text;
        var lo = 0;
        var hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (PdfText.Measure(g, text[..mid] + "…", font) <= width) lo = mid; else hi = mid - 1;
        }
        return text[..SafeCut(text, lo)] + "…";
    }

    /// <summary>Greedy word wrap; words wider than the line are broken; at most <paramref name="maxLines"/>, the last ending in "…" if cut.</summary>
    internal static List<string> Wrap(XGraphics g, string text, XFont font, double width, int maxLines, bool alreadyTruncated = false)
    {
        var lines = new List<string>();
        var cut = alreadyTruncated;
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            if (lines.Count >= maxLines) { cut = true; break; }
            var words = paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0) { if (lines.Count > 0 && lines[^1].Length > 0) lines.Add(""); continue; }
            var current = "";
            foreach (var raw in words)
            {
                var word = raw;
                while (true)
                {
                    var candidate = current.Length == 0 ? word : current + " " + word;
                    if (PdfText.Measure(g, candidate, font) <= width) { current = candidate; break; }
                    if (current.Length > 0)
                    {
                        // Chinese and Japanese break between any two characters: fill this line before moving on.
                        var room = CjkBreak(g, current + " ", word, font, width);
                        if (room > 0)
                        {
                            current += " " + word[..room];
                            word = word[room..];
                        }
                        lines.Add(current);
                        current = "";
                        if (lines.Count >= maxLines) { cut = true; goto done; }
                        continue;
                    }
                    // A single word wider than the line: break it.
                    var fit = Math.Max(1, Fit(g, word, font, width).Length - 1);
                    fit = SafeCut(word, Math.Min(fit, word.Length));
                    if (fit <= 0) fit = Math.Min(word.Length, 1);
                    lines.Add(word[..fit]);
                    word = word[fit..];
                    if (lines.Count >= maxLines) { cut = true; goto done; }
                    if (word.Length == 0) break;
                }
            }
            if (current.Length > 0) lines.Add(current);
        }
    done:
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        if (lines.Count > maxLines) { lines.RemoveRange(maxLines, lines.Count - maxLines); cut = true; }
        if (cut && lines.Count > 0) lines[^1] = Fit(g, lines[^1] + " …", font, width).TrimEnd('…').TrimEnd() + " …";
        return lines;
    }

    /// <summary>
    /// The longest start of <paramref name="word"/> that fits after <paramref name="line"/> and ends where a line may
    /// break inside CJK text (next to a CJK character), or 0.
    /// </summary>
    private static int CjkBreak(XGraphics g, string line, string word, XFont font, double width)
    {
        if (!CjkScript.ContainsCjk(word)) return 0;
        // The longest start that fits (binary search, as in Fit), then back to the nearest place a line may break.
        int lo = 0, hi = word.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (PdfText.Measure(g, line + word[..mid], font) <= width) lo = mid; else hi = mid - 1;
        }
        for (var k = lo; k > 0; k--)
        {
            if ((CjkScript.IsCjk(word[k - 1]) || CjkScript.IsCjk(word[k])) && !char.IsLowSurrogate(word[k])) return k;
        }
        return 0;
    }

    /// <summary>Never splits a surrogate pair.</summary>
    private static int SafeCut(string s, int index) =>
        index > 0 && index < s.Length && char.IsLowSurrogate(s[index]) ? index - 1 : index;

    private static XColor Hex(string hex)
    {
        var v = Convert.ToInt32(hex.TrimStart('#'), 16);
        return XColor.FromArgb((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF);
    }

    /// <summary>Pages, fonts and the running header/footer drawn once the page count is known.</summary>
    private sealed class Writer(PdfDocument doc, ReportOptions options)
    {
        private readonly Dictionary<(double, bool), XFont> _fonts = [];
        private readonly List<(PdfPage Page, string? Section)> _pages = [];
        private readonly List<MemoryStream> _images = [];
        private XGraphics? _current;

        public double PageWidth => options.Paper == PaperSize.Letter ? 612 : 595.28;
        public double PageHeight => options.Paper == PaperSize.Letter ? 792 : 841.89;
        public double ContentWidth => PageWidth - 2 * Margin;

        public XFont Font(double size, bool bold = false)
        {
            if (!_fonts.TryGetValue((size, bold), out var f))
                _fonts[(size, bold)] = f = new XFont(ReportFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular,
                    new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
            return f;
        }

        public XGraphics NewPage(string? section)
        {
            _current?.Dispose();
            var page = doc.AddPage();
            page.Size = options.Paper == PaperSize.Letter ? PageSize.Letter : PageSize.A4;
            _pages.Add((page, section));
            _current = XGraphics.FromPdfPage(page);
            return _current;
        }

        public double Heading(XGraphics g, string title, string? subtitle)
        {
            PdfText.Draw(g, title, Font(20, true), new XSolidBrush(Navy), new XPoint(Margin, Top + 16));
            var y = Top + 34;
            if (subtitle is not null)
            {
                foreach (var line in Wrap(g, subtitle, Font(9), ContentWidth, 2))
                {
                    PdfText.Draw(g, line, Font(9), new XSolidBrush(Muted), new XPoint(Margin, y));
                    y += 12;
                }
            }
            return y + 16;
        }

        public void Image(XGraphics g, byte[] png, double x, double y, double width, double height)
        {
            var ms = new MemoryStream(png, writable: false);
            _images.Add(ms);
            using var image = XImage.FromStream(ms);
            g.DrawImage(image, x, y, width, height);
        }

        public void Finish(SnapshotData data, ReportOptions o)
        {
            _current?.Dispose();
            _current = null;
            var total = _pages.Count;
            var headerLeft = $"{o.ProductName} · snapshot {data.Period.Describe()}";
            for (var i = 0; i < total; i++)
            {
                var (page, section) = _pages[i];
                if (i == 0) continue; // the cover carries its own title
                using var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var f = Font(7.5);
                PdfText.Draw(g, Fit(g, headerLeft, f, ContentWidth * 0.62), f, new XSolidBrush(Muted), new XPoint(Margin, 32));
                if (section is not null) DrawRight(g, Fit(g, section, f, ContentWidth * 0.36), f, Muted, PageWidth - Margin, 32);
                g.DrawLine(new XPen(Rule, 0.8), Margin, 38, PageWidth - Margin, 38);
                g.DrawLine(new XPen(Rule, 0.8), Margin, PageHeight - 36, PageWidth - Margin, PageHeight - 36);
                PdfText.Draw(g, $"Generated {data.GeneratedAtUtc.ToString("yyyy-MM-dd HH:mm", C)} UTC · filters: {Fit(g, data.Filters.Describe(), f, ContentWidth * 0.5)}", f,
                    new XSolidBrush(Muted), new XPoint(Margin, PageHeight - 24));
                DrawRight(g, $"Page {i + 1} of {total}", f, Muted, PageWidth - Margin, PageHeight - 24);
            }
        }
    }
}

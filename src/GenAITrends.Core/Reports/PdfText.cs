using System.Runtime.CompilerServices;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GenAITrends.Core.Reports;

/// <summary>
/// Measures and draws a line of text that may mix scripts: runs of characters DejaVu Sans lacks (Chinese, Japanese,
/// Korean) are set in the fallback face at the same size and weight, the rest in the line's own font. PDFsharp has
/// no font fallback of its own, so without this such characters would come out as empty boxes.
/// </summary>
internal static class PdfText
{
    // Keyed by the line's font, so a fallback font lives exactly as long as the font (and report writer) it serves.
    private static readonly ConditionalWeakTable<XFont, XFont> FallbackFonts = new();

    public static double Measure(XGraphics g, string text, XFont font)
    {
        double width = 0;
        foreach (var (start, length, fallback) in Runs(text))
        {
            width += g.MeasureString(text.Substring(start, length), fallback ? FallbackFor(font) : font).Width;
        }

        return width;
    }

    public static void Draw(XGraphics g, string text, XFont font, XBrush brush, XPoint baseline)
    {
        var x = baseline.X;
        foreach (var (start, length, fallback) in Runs(text))
        {
            var run = text.Substring(start, length);
            var runFont = fallback ? FallbackFor(font) : font;
            g.DrawString(run, runFont, brush, new XPoint(x, baseline.Y));
            x += g.MeasureString(run, runFont).Width;
        }
    }

    /// <summary>Consecutive characters that share a face; a surrogate pair is never split.</summary>
    internal static IEnumerable<(int Start, int Length, bool Fallback)> Runs(string text)
    {
        var start = 0;
        var fallback = false;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var codePoint = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            // Spaces and ASCII stay in the line's font even between fallback characters: DejaVu has them all.
            var needs = codePoint > 0x7F && ReportFonts.NeedsFallback(codePoint);
            if (needs != fallback && i > start)
            {
                yield return (start, i - start, fallback);
                start = i;
            }

            fallback = needs;
            if (pair) i++;
        }

        if (text.Length > start) yield return (start, text.Length - start, fallback);
    }

    private static XFont FallbackFor(XFont font) =>
        FallbackFonts.GetValue(font, f => new XFont(ReportFonts.FallbackFamily, f.Size, f.Style,
            new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset)));
}

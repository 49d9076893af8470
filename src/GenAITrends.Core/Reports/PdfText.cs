using System.Runtime.CompilerServices;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace GenAITrends.Core.Reports;

/// <summary>
/// Measures and draws a line of text that may mix scripts: runs of characters DejaVu Sans lacks (Chinese, Japanese,
/// Korean) are set in a fallback face (<see cref="ReportFonts.FaceFor"/>) at the same size and weight, the rest in the
/// line's own font. PDFsharp has no font fallback of its own, so without this such characters would be empty boxes.
/// </summary>
internal static class PdfText
{
    // Keyed by the line's font, so fallback fonts live exactly as long as the font (and report writer) they serve.
    private static readonly ConditionalWeakTable<XFont, XFont?[]> FallbackFonts = new();

    public static double Measure(XGraphics g, string text, XFont font)
    {
        double width = 0;
        foreach (var (start, length, face) in Runs(text))
        {
            width += g.MeasureString(text.Substring(start, length), FontFor(font, face)).Width;
        }

        return width;
    }

    public static void Draw(XGraphics g, string text, XFont font, XBrush brush, XPoint baseline)
    {
        var x = baseline.X;
        foreach (var (start, length, face) in Runs(text))
        {
            var run = text.Substring(start, length);
            var runFont = FontFor(font, face);
            g.DrawString(run, runFont, brush, new XPoint(x, baseline.Y));
            x += g.MeasureString(run, runFont).Width;
        }
    }

    /// <summary>
    /// Consecutive characters that share a face: <see cref="ReportFonts.PrimaryFace"/> or a fallback index. A
    /// surrogate pair is never split; characters no face has stay in the line's font (SafeText has replaced them).
    /// </summary>
    internal static IEnumerable<(int Start, int Length, int Face)> Runs(string text)
    {
        var start = 0;
        var current = ReportFonts.PrimaryFace;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            var codePoint = pair ? char.ConvertToUtf32(text[i], text[i + 1]) : text[i];
            // ASCII (spaces included) stays in the line's font even between fallback characters: DejaVu has it all.
            var face = codePoint <= 0x7F ? ReportFonts.PrimaryFace : ReportFonts.FaceFor(codePoint);
            if (face == ReportFonts.NoFace) face = ReportFonts.PrimaryFace;
            if (face != current && i > start)
            {
                yield return (start, i - start, current);
                start = i;
            }

            current = face;
            if (pair) i++;
        }

        if (text.Length > start) yield return (start, text.Length - start, current);
    }

    private static XFont FontFor(XFont font, int face)
    {
        if (face == ReportFonts.PrimaryFace) return font;
        // Created on first use: each fallback face is loaded only by reports that meet its script.
        var fonts = FallbackFonts.GetValue(font, _ => new XFont?[ReportFonts.FallbackFamilies.Count]);
        return fonts[face] ??= new XFont(ReportFonts.FallbackFamilies[face], font.Size, font.Style,
            new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.TryComputeSubset));
    }
}

using PdfSharp.Fonts;
using SkiaSharp;

namespace GenAITrends.Core.Reports;

/// <summary>
/// DejaVu Sans, shipped as embedded resources (Reports/Fonts, Bitstream Vera licence): the one face of the PDF text
/// (embedded as a subset) and of the charts, so a report looks the same on any machine, fonts installed or not.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";
    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly Lazy<SKTypeface> RegularTypeface = new(() => SKTypeface.FromData(SKData.CreateCopy(Regular.Value)));
    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => SKTypeface.FromData(SKData.CreateCopy(Bold.Value)));
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>Registers the fonts with PDFsharp (a process-wide setting) and ScottPlot, once.</summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref _installed)) return;
        lock (Gate)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is null) GlobalFontSettings.FontResolver = new PdfResolver();
            else if (GlobalFontSettings.FontResolver is not PdfResolver) GlobalFontSettings.FallbackFontResolver ??= new PdfResolver();
            ScottPlot.Fonts.FontResolvers.Insert(0, new ChartResolver());
            Volatile.Write(ref _installed, true);
        }
    }

    /// <summary>Whether DejaVu Sans has a glyph for the code point.</summary>
    public static bool HasGlyph(int codePoint) => RegularTypeface.Value.GetGlyph(codePoint) != 0;

    private static byte[] Load(string face)
    {
        var name = $"GenAITrends.Core.Reports.Fonts.{face}.ttf";
        using var s = typeof(ReportFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing from the build.");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }

    private sealed class PdfResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            // Every family resolves to DejaVu Sans: the report asks only for it, and anything else must not fail on a bare server.
            new(bold ? BoldFace : RegularFace, false, italic);

        public byte[]? GetFont(string faceName) => faceName == BoldFace ? Bold.Value : Regular.Value;
    }

    private sealed class ChartResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? BoldTypeface.Value : RegularTypeface.Value) : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            fontName == Family ? (weight >= ScottPlot.FontWeight.SemiBold ? BoldTypeface.Value : RegularTypeface.Value) : null;
    }
}

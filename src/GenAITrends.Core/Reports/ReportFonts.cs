using PdfSharp.Fonts;
using SkiaSharp;

namespace GenAITrends.Core.Reports;

/// <summary>
/// The PDF's fonts, shipped as embedded resources (Reports/Fonts) so a report looks the same on any machine, fonts
/// installed or not, each embedded in the PDF as a subset: DejaVu Sans (Bitstream Vera licence) for the text and the
/// charts, and Droid Sans Fallback (Apache 2.0) for the Chinese, Japanese and Korean characters DejaVu Sans lacks.
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    /// <summary>The face for characters <see cref="Family"/> has no glyph for; it has one weight (bold is simulated).</summary>
    public const string FallbackFamily = "Droid Sans Fallback";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";
    private const string FallbackFace = "DroidSansFallbackFull";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly Lazy<byte[]> Fallback = new(() => Load(FallbackFace));
    private static readonly Lazy<SKTypeface> RegularTypeface = new(() => SKTypeface.FromData(SKData.CreateCopy(Regular.Value)));
    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => SKTypeface.FromData(SKData.CreateCopy(Bold.Value)));
    private static readonly Lazy<SKTypeface> FallbackTypeface = new(() => SKTypeface.FromData(SKData.CreateCopy(Fallback.Value)));
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

    /// <summary>Whether the report can draw the code point, in DejaVu Sans or in the fallback face.</summary>
    public static bool HasGlyph(int codePoint) => !NeedsFallback(codePoint) || FallbackTypeface.Value.GetGlyph(codePoint) != 0;

    /// <summary>Whether DejaVu Sans lacks the code point, so it must be drawn in <see cref="FallbackFamily"/> (if at all).</summary>
    public static bool NeedsFallback(int codePoint) => RegularTypeface.Value.GetGlyph(codePoint) == 0;

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
            familyName == FallbackFamily
                ? new(FallbackFace, bold, italic)
                // Every other family resolves to DejaVu Sans: anything else must not fail on a bare server.
                : new(bold ? BoldFace : RegularFace, false, italic);

        public byte[]? GetFont(string faceName) => faceName switch
        {
            BoldFace => Bold.Value,
            FallbackFace => Fallback.Value,
            _ => Regular.Value,
        };
    }

    private sealed class ChartResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? BoldTypeface.Value : RegularTypeface.Value) : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            fontName == Family ? (weight >= ScottPlot.FontWeight.SemiBold ? BoldTypeface.Value : RegularTypeface.Value) : null;
    }
}

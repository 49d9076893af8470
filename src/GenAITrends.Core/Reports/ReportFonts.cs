using PdfSharp.Fonts;
using SkiaSharp;

namespace GenAITrends.Core.Reports;

/// <summary>
/// The PDF's fonts, shipped as embedded resources (Reports/Fonts) so a report looks the same on any machine, fonts
/// installed or not, each embedded in the PDF as a subset: DejaVu Sans (Bitstream Vera licence) for the text and the
/// charts; for the characters DejaVu Sans lacks, Droid Sans Fallback (Apache 2.0: Chinese and Japanese) and
/// NanumSquare (SIL OFL: Korean Hangul).
/// </summary>
public static class ReportFonts
{
    public const string Family = "DejaVu Sans";

    private const string RegularFace = "DejaVuSans";
    private const string BoldFace = "DejaVuSans-Bold";

    private static readonly Lazy<byte[]> Regular = new(() => Load(RegularFace));
    private static readonly Lazy<byte[]> Bold = new(() => Load(BoldFace));
    private static readonly Lazy<SKTypeface> RegularTypeface = new(() => Typeface(Regular.Value));
    private static readonly Lazy<SKTypeface> BoldTypeface = new(() => Typeface(Bold.Value));

    private static readonly FallbackFace[] Fallbacks = [new("Droid Sans Fallback", "DroidSansFallbackFull"), new("NanumSquare", "NanumSquareR")];

    // Where Hangul looks first: Droid Sans Fallback has a few syllables, and a Korean word must not mix two faces.
    private static readonly int[] CjkOrder = [0, 1], HangulOrder = [1, 0];

    /// <summary>
    /// The faces for characters <see cref="Family"/> has no glyph for, by index (see <see cref="FaceFor"/>). Each has
    /// one weight: bold is simulated.
    /// </summary>
    public static IReadOnlyList<string> FallbackFamilies { get; } = [.. Fallbacks.Select(f => f.Family)];

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

    /// <summary>Whether the report can draw the code point, in DejaVu Sans or in a fallback face.</summary>
    public static bool HasGlyph(int codePoint) => FaceFor(codePoint) != NoFace;

    public const int PrimaryFace = -1;
    public const int NoFace = -2;

    /// <summary>
    /// <see cref="PrimaryFace"/> when DejaVu Sans has the code point, else the index in <see cref="FallbackFamilies"/>
    /// of the first face that has it (Hangul looks in NanumSquare first), else <see cref="NoFace"/>.
    /// </summary>
    public static int FaceFor(int codePoint)
    {
        // Text is measured many times while it is wrapped: remember each BMP character's face (0 = not looked up yet).
        if (codePoint < BmpFaces.Length)
        {
            var known = Volatile.Read(ref BmpFaces[codePoint]);
            if (known != 0) return known - FaceOffset;
            var face = LookUpFace(codePoint);
            Volatile.Write(ref BmpFaces[codePoint], (sbyte)(face + FaceOffset));
            return face;
        }

        return LookUpFace(codePoint);
    }

    private const int FaceOffset = 3; // NoFace (-2) is stored as 1
    private static readonly sbyte[] BmpFaces = new sbyte[0x10000];

    private static int LookUpFace(int codePoint)
    {
        if (RegularTypeface.Value.GetGlyph(codePoint) != 0) return PrimaryFace;
        foreach (var face in IsHangul(codePoint) ? HangulOrder : CjkOrder)
        {
            if (Fallbacks[face].Glyphs.Value.GetGlyph(codePoint) != 0) return face;
        }

        return NoFace;
    }

    private static bool IsHangul(int cp) => cp is >= 0xAC00 and <= 0xD7AF or >= 0x1100 and <= 0x11FF or >= 0x3130 and <= 0x318F;

    private static SKTypeface Typeface(byte[] font) => SKTypeface.FromData(SKData.CreateCopy(font));

    /// <summary>One fallback face: its family name for PDFsharp and its embedded file, loaded on first use.</summary>
    private sealed class FallbackFace
    {
        public FallbackFace(string family, string face)
        {
            Family = family;
            Face = face;
            Bytes = new(() => Load(face));
            Glyphs = new(() => Typeface(Bytes.Value));
        }

        public string Family { get; }
        public string Face { get; }
        public Lazy<byte[]> Bytes { get; }
        public Lazy<SKTypeface> Glyphs { get; }
    }

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
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
        {
            var fallback = Array.Find(Fallbacks, f => f.Family == familyName);
            return fallback is not null
                ? new(fallback.Face, bold, italic)
                // Every other family resolves to DejaVu Sans: anything else must not fail on a bare server.
                : new(bold ? BoldFace : RegularFace, false, italic);
        }

        public byte[]? GetFont(string faceName)
        {
            if (faceName == BoldFace) return Bold.Value;
            return Array.Find(Fallbacks, f => f.Face == faceName)?.Bytes.Value ?? Regular.Value;
        }
    }

    private sealed class ChartResolver : ScottPlot.IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? BoldTypeface.Value : RegularTypeface.Value) : null;

        public SKTypeface? CreateTypeface(string fontName, ScottPlot.FontWeight weight, ScottPlot.FontSlant slant, ScottPlot.FontSpacing spacing) =>
            fontName == Family ? (weight >= ScottPlot.FontWeight.SemiBold ? BoldTypeface.Value : RegularTypeface.Value) : null;
    }
}

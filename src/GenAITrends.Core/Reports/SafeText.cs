using System.Globalization;
using System.Text;

namespace GenAITrends.Core.Reports;

/// <summary>
/// Makes user-written text safe to lay out with a single font and no shaping engine: drops control and bidi-override
/// characters, shows right-to-left runs (Hebrew) in visual order, and replaces what the report fonts cannot show (emoji,
/// scripts that need shaping such as Arabic or Devanagari) with a visible □ — never throwing, whatever the input.
/// </summary>
public static class SafeText
{
    public const string Missing = "□";

    public sealed record Result(string Text, int Replaced, bool Truncated);

    public static Result Clean(string? text, int maxChars = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text)) return new Result("", 0, false);
        string normalized;
        try { normalized = text.Normalize(NormalizationForm.FormC); }
        catch (ArgumentException) { normalized = text; } // lone surrogates: handled element by element below

        var truncated = false;
        var sb = new StringBuilder(Math.Min(normalized.Length, maxChars) + 8);
        var replaced = 0;
        var missingRun = 0;
        var rtl = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(normalized);
        var elements = 0;
        while (e.MoveNext())
        {
            if (elements++ >= maxChars) { truncated = true; break; }
            var element = e.GetTextElement();
            var kind = Classify(element, out var cleaned);
            if (kind == Kind.Rtl)
            {
                rtl.Add(cleaned);
                continue;
            }
            // Neutral characters (spaces, digits, punctuation) inside a right-to-left run stay in it.
            if (rtl.Count > 0 && kind == Kind.Keep && cleaned.Length > 0 && !char.IsLetter(cleaned[0]) && cleaned != "\n") { rtl.Add(cleaned); continue; }
            FlushRtl(sb, rtl);
            switch (kind)
            {
                case Kind.Drop:
                    continue;
                case Kind.Missing:
                    replaced++;
                    if (++missingRun <= 3) sb.Append(Missing);
                    else if (missingRun == 4) sb.Append('…');
                    continue;
                default:
                    missingRun = 0;
                    sb.Append(cleaned);
                    break;
            }
        }
        FlushRtl(sb, rtl);
        return new Result(sb.ToString().Trim(), replaced, truncated);
    }

    private static void FlushRtl(StringBuilder sb, List<string> rtl)
    {
        if (rtl.Count == 0) return;
        // Trailing neutrals belong after the run, not inside its reversed order.
        var trailing = new List<string>();
        while (rtl.Count > 0 && !IsRtlLetter(rtl[^1])) { trailing.Insert(0, rtl[^1]); rtl.RemoveAt(rtl.Count - 1); }
        for (var i = rtl.Count - 1; i >= 0; i--) sb.Append(Mirror(rtl[i]));
        foreach (var t in trailing) sb.Append(t);
        rtl.Clear();
    }

    private static bool IsRtlLetter(string element) => element.Length > 0 && IsHebrew(element[0]);

    private static string Mirror(string s) => s switch { "(" => ")", ")" => "(", "[" => "]", "]" => "[", "<" => ">", ">" => "<", _ => s };

    private enum Kind { Keep, Drop, Missing, Rtl }

    private static Kind Classify(string element, out string cleaned)
    {
        cleaned = element;
        if (element is "\r\n" or "\n" or "\r" or "\u2028" or "\u2029") { cleaned = "\n"; return Kind.Keep; }
        if (element is "\t") { cleaned = " "; return Kind.Keep; }
        var keep = new StringBuilder(element.Length);
        var hasBase = false;
        var isRtl = false;
        for (var i = 0; i < element.Length; i++)
        {
            var ch = element[i];
            int cp;
            if (char.IsHighSurrogate(ch) && i + 1 < element.Length && char.IsLowSurrogate(element[i + 1])) { cp = char.ConvertToUtf32(ch, element[i + 1]); i++; }
            else if (char.IsSurrogate(ch)) return Kind.Missing; // a lone half of a pair
            else cp = ch;

            if (IsInvisible(cp)) continue;
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) continue; // control characters
            if (NeedsShaping(cp) || !ReportFonts.HasGlyph(cp)) return Kind.Missing;
            if (cp <= 0xFFFF && IsHebrew((char)cp)) isRtl = true;
            hasBase = true;
            keep.Append(char.ConvertFromUtf32(cp));
        }
        if (!hasBase) return Kind.Drop;
        cleaned = keep.ToString();
        return isRtl ? Kind.Rtl : Kind.Keep;
    }

    private static bool IsHebrew(char c) => c is >= '\u0590' and <= '\u05FF' or >= '\uFB1D' and <= '\uFB4F';

    /// <summary>Bidi controls, zero-width characters, variation selectors, tags and skin-tone modifiers: never drawn.</summary>
    private static bool IsInvisible(int cp) =>
        cp is >= 0x200B and <= 0x200F or >= 0x202A and <= 0x202E or >= 0x2060 and <= 0x206F or 0xFEFF or 0x00AD
            or >= 0xFE00 and <= 0xFE0F or >= 0xE0000 and <= 0xE01EF or >= 0x1F3FB and <= 0x1F3FF or 0x034F;

    /// <summary>Scripts whose letters join or reorder: drawn glyph by glyph they would be wrong, so they are replaced.</summary>
    private static bool NeedsShaping(int cp) =>
        cp is >= 0x0600 and <= 0x08FF        // Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic ext.
            or >= 0xFB50 and <= 0xFDFF or >= 0xFE70 and <= 0xFEFE // Arabic presentation forms
            or >= 0x0900 and <= 0x0DFF       // Indic
            or >= 0x0E00 and <= 0x0FFF       // Thai, Lao, Tibetan
            or >= 0x1000 and <= 0x109F       // Myanmar
            or >= 0x1780 and <= 0x17FF;      // Khmer
}

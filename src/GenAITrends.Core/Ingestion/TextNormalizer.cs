using System.Net;
using System.Security.Cryptography;
using System.Text;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Ingestion;

/// <summary>Text forms: the display text (entities decoded, original otherwise) and the matching form.</summary>
public static class TextNormalizer
{
    /// <summary>What we store and show: HTML entities decoded, stray carriage returns and NULs dropped.</summary>
    public static string ForDisplay(string raw)
    {
        var s = raw.Contains('&') ? WebUtility.HtmlDecode(raw) : raw;
        if (s.Contains('\r')) s = s.Replace("\r\n", "\n").Replace('\r', '\n');
        if (s.Contains('\0')) s = s.Replace("\0", "");
        return s.Trim();
    }

    /// <summary>
    /// What we match and hash on: NFKC (folds "mathematical bold" letters and full-width forms),
    /// lower case, whitespace collapsed.
    /// </summary>
    public static string ForMatching(string display)
    {
        var s = TextFolding.Nfkc(display);
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(TextFolding.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    public static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[32];
        var bytes = Encoding.UTF8.GetBytes(value);
        SHA256.HashData(bytes, hash);
        return Convert.ToHexStringLower(hash[..16]);
    }
}

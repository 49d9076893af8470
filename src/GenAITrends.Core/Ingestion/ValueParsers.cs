using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GenAITrends.Core.Ingestion;

/// <summary>Lenient, explicit parsers for the value formats real exports use.</summary>
public static partial class ValueParsers
{
    private static readonly string[] NullMarkers = ["#N/A", "N/A", "NA", "null", "NULL", "None", "nan", "NaN", "-"];

    public static bool IsNull(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty) return true;
        foreach (var m in NullMarkers)
            if (s.Equals(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd",
        "M/d/yyyy H:mm:ss",
        "M/d/yyyy H:mm",
        "M/d/yyyy h:mm:ss tt",
        "M/d/yyyy h:mm tt",
        "M/d/yyyy",
        "ddd MMM dd yyyy",
        "ddd MMM d yyyy",
        "ddd MMM dd HH:mm:ss zzz yyyy",
        "ddd MMM dd HH:mm:ss 'UTC' yyyy",
        "ddd, dd MMM yyyy HH:mm:ss zzz",
        "MMM d, yyyy",
        "MMM d, yyyy h:mm tt",
    ];

    /// <summary>Parses a time as UTC. Values without an offset are taken as UTC.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out DateTime utc)
    {
        s = s.Trim();
        utc = default;
        if (s.IsEmpty) return false;

        if (IsAllDigits(s) && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            // 11+ digits can only be milliseconds for any date this product accepts.
            try
            {
                utc = s.Length >= 12
                    ? DateTimeOffset.FromUnixTimeMilliseconds(unix).UtcDateTime
                    : DateTimeOffset.FromUnixTimeSeconds(unix).UtcDateTime;
                return true;
            }
            catch (ArgumentOutOfRangeException) { return false; }
        }

        // Twitter classic "+0000" offsets: the zzz specifier wants "+00:00".
        if (s.Length < 63 && (s.IndexOf(" +") >= 0 || s.IndexOf(" -") >= 0))
        {
            var fixedUp = new char[s.Length + 1];
            if (TryFixCompactOffset(s, fixedUp, out var len))
                s = fixedUp.AsSpan(0, len);
        }

        if (DateTimeOffset.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            utc = dto.UtcDateTime;
            return true;
        }
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out dto))
        {
            utc = dto.UtcDateTime;
            return true;
        }
        return false;
    }

    private static bool TryFixCompactOffset(ReadOnlySpan<char> s, Span<char> dest, out int len)
    {
        // "... 20:19:24 +0000 2018" → "... 20:19:24 +00:00 2018"
        len = 0;
        for (int i = 1; i + 5 <= s.Length; i++)
        {
            if ((s[i] == '+' || s[i] == '-') && s[i - 1] == ' '
                && i + 5 <= s.Length && IsAllDigits(s.Slice(i + 1, 4))
                && (i + 5 == s.Length || s[i + 5] == ' '))
            {
                s[..(i + 3)].CopyTo(dest);
                dest[i + 3] = ':';
                s[(i + 3)..].CopyTo(dest[(i + 4)..]);
                len = s.Length + 1;
                return true;
            }
        }
        return false;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    /// <summary>Parses counts as exports write them: "12", "1293.0", "1,234", "1.2K", "3M". Null markers give null.</summary>
    public static bool TryParseCount(ReadOnlySpan<char> s, out long? value)
    {
        s = s.Trim();
        value = null;
        if (IsNull(s)) return true;
        double multiplier = 1;
        var last = s[^1];
        if (last is 'K' or 'k') multiplier = 1_000;
        else if (last is 'M' or 'm') multiplier = 1_000_000;
        else if (last is 'B' or 'b') multiplier = 1_000_000_000;
        if (multiplier != 1) s = s[..^1].TrimEnd();

        if (multiplier == 1 && long.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var l))
        {
            value = l;
            return true;
        }
        if (double.TryParse(s, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d) && Math.Abs(d * multiplier) < 9e15)
        {
            value = (long)Math.Round(d * multiplier);
            return true;
        }
        return false;
    }

    public static bool? ParseBool(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("1", StringComparison.Ordinal)
            || s.Equals("yes", StringComparison.OrdinalIgnoreCase) || s.Equals("t", StringComparison.OrdinalIgnoreCase)) return true;
        if (s.Equals("false", StringComparison.OrdinalIgnoreCase) || s.Equals("0", StringComparison.Ordinal)
            || s.Equals("no", StringComparison.OrdinalIgnoreCase) || s.Equals("f", StringComparison.OrdinalIgnoreCase)) return false;
        return null;
    }

    /// <summary>
    /// A post id is a key only when written as plain digits. "1.642889622681432e+18" has lost its
    /// last digits (a float), so two different posts can share it: it is not used.
    /// </summary>
    public static string? ParseReliableId(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.Length is 0 or > 24) return null;
        return IsAllDigits(s) ? s.ToString() : null;
    }

    /// <summary>
    /// Reads X API v2 "public_metrics", written either as JSON or as a Python dict repr
    /// ({'retweet_count': 0, ...}). Unknown keys are ignored.
    /// </summary>
    public static bool TryParsePublicMetrics(string s, out PublicMetrics metrics)
    {
        metrics = default;
        if (IsNull(s)) return true;
        var json = s.Trim();
        if (json.Contains('\'')) json = json.Replace('\'', '"');
        json = PythonLiterals().Replace(json, m => m.Value switch { "None" => "null", "True" => "true", _ => "false" });
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return false;
            long? Get(string name) =>
                doc.RootElement.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetDouble(out var d)
                    ? (long)d : null;
            metrics = new PublicMetrics(Get("like_count"), Get("retweet_count"), Get("reply_count"),
                Get("quote_count"), Get("bookmark_count"), Get("impression_count"));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\b(None|True|False)\b")]
    private static partial Regex PythonLiterals();
}

public readonly record struct PublicMetrics(long? Likes, long? Reposts, long? Replies, long? Quotes, long? Bookmarks, long? Impressions);

using System.Globalization;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Reports;

/// <summary>How time series are bucketed.</summary>
public enum Granularity
{
    Day,
    Week,
    Month,
}

public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>
/// The view a snapshot is taken of: the dashboard's query parameters (from, to, granularity, lang, author, theme),
/// shared by <c>GET /reports/snapshot.pdf</c> and <c>genaitrends report</c>. Null means "not filtered" / "whole range" / "automatic".
/// </summary>
public sealed record SnapshotRequest(
    DateOnly? From = null,
    DateOnly? To = null,
    Granularity? Granularity = null,
    string? Lang = null,
    string? Author = null,
    Theme? Theme = null)
{
    /// <summary>Parses the query-string / command-line values; <paramref name="error"/> says what was wrong, for a 400 or an exit code 2.</summary>
    public static SnapshotRequest? TryParse(string? from, string? to, string? granularity, string? lang, string? author, string? theme, out string? error)
    {
        error = null;
        DateOnly? f = null, t = null;
        Granularity? g = null;
        Theme? th = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!TryParseDate(from, out var d)) { error = $"'from' must be a date (yyyy-MM-dd), not '{from}'"; return null; }
            f = d;
        }
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!TryParseDate(to, out var d)) { error = $"'to' must be a date (yyyy-MM-dd), not '{to}'"; return null; }
            t = d;
        }
        if (f is not null && t is not null && f > t) { error = "'from' must not be after 'to'"; return null; }
        if (!string.IsNullOrWhiteSpace(granularity) && !granularity.Equals("auto", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<Granularity>(granularity, ignoreCase: true, out var gg) || !Enum.IsDefined(gg) || int.TryParse(granularity, out _))
            { error = $"'granularity' must be day, week or month, not '{granularity}'"; return null; }
            g = gg;
        }
        if (!string.IsNullOrWhiteSpace(theme) && !theme.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Themes.TryParse(theme, out var tt)) { error = $"'theme' must be one of {string.Join(", ", Themes.All.Select(x => x.Id))}, not '{theme}'"; return null; }
            th = tt;
        }
        var l = string.IsNullOrWhiteSpace(lang) || lang.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : lang.Trim().ToLowerInvariant();
        if (l is not null && (l.Length > 16 || !l.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_')))
        { error = $"'lang' must be a language code such as en, not '{lang}'"; return null; }
        var a = string.IsNullOrWhiteSpace(author) ? null : author.Trim().TrimStart('@');
        if (a is not null && a.Length > 100) { error = "'author' is too long"; return null; }
        return new SnapshotRequest(f, t, g, l, string.IsNullOrEmpty(a) ? null : a, th);
    }

    private static bool TryParseDate(string s, out DateOnly d) =>
        DateOnly.TryParseExact(s.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out d)
        || (DateTime.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var dt)
            && (d = DateOnly.FromDateTime(dt)) != default);
}

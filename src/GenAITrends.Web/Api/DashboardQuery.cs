using System.Globalization;
using GenAITrends.Core.Analytics;
using GenAITrends.Core.Posts;

namespace GenAITrends.Web.Api;

/// <summary>
/// The query string every dashboard page and data endpoint shares (all state lives in the URL):
/// <c>range</c> (30d|90d|year|all|custom), <c>from</c>/<c>to</c> (ISO dates, inclusive), <c>granularity</c>
/// (day|week|month), <c>weighting</c> (posts|engagement), <c>lang</c>, <c>author</c>, <c>theme</c>, <c>format</c> (json|csv).
/// Presets count back from the newest post (not from today), so a historic corpus still shows data.
/// </summary>
public sealed class DashboardQuery
{
    public const int MaxRangeDays = 366 * 30;

    public string? Range { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Granularity { get; set; }
    public string? Weighting { get; set; }
    public string? Lang { get; set; }
    public string? Author { get; set; }
    public string? Theme { get; set; }
    public string? Format { get; set; }

    /// <summary>The same binding as the endpoints' [AsParameters], for Razor pages.</summary>
    public static DashboardQuery FromQueryString(IQueryCollection q) => new()
    {
        Range = q["range"], From = q["from"], To = q["to"], Granularity = q["granularity"], Weighting = q["weighting"],
        Lang = q["lang"], Author = q["author"], Theme = q["theme"], Format = q["format"],
    };

    public bool WantsCsv => string.Equals(Format, "csv", StringComparison.OrdinalIgnoreCase);

    public static readonly IReadOnlyList<(string Value, string Label)> Presets =
        [("30d", "Last 30 days"), ("90d", "Last 90 days"), ("year", "Last 12 months"), ("all", "All time"), ("custom", "Custom")];

    /// <summary>Turns the query into a filter, or says what is wrong with it (for a 400 or a page message).</summary>
    public async Task<DashboardScope> ResolveAsync(RollupReader rollups, CancellationToken ct, string defaultRange = "all")
    {
        var errors = new Dictionary<string, string[]>();
        var data = await rollups.DataRangeAsync(ct);
        var newest = data?.Last ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var oldest = data?.First ?? newest.AddDays(-89);

        DateOnly? from = ParseDate(From, nameof(From), errors), to = ParseDate(To, nameof(To), errors);
        var range = (Range ?? "").Trim().ToLowerInvariant();
        if (range == "") range = from is null && to is null ? defaultRange : "custom";
        // A preset wins over dates left in the query by the form; "custom" uses the dates.
        switch (range)
        {
            case "30d": to = newest; from = newest.AddDays(-29); break;
            case "90d": to = newest; from = newest.AddDays(-89); break;
            case "year": to = newest; from = newest.AddDays(-364); break;
            case "all": from = oldest; to = newest; break;
            case "custom": from ??= to?.AddDays(-89) ?? oldest; to ??= from.Value > newest ? from.Value : newest; break;
            default: errors["range"] = ["range must be one of 30d, 90d, year, all, custom."]; from ??= oldest; to ??= newest; break;
        }
        if (from > to) errors["from"] = ["from must not be after to."];
        else if (to.Value.DayNumber - from.Value.DayNumber + 1 > MaxRangeDays) errors["to"] = [$"The range is limited to {MaxRangeDays} days."];

        var granularity = TrendFilter.DefaultGranularity(from.Value, to.Value);
        var granularityDefaulted = string.IsNullOrWhiteSpace(Granularity);
        if (!granularityDefaulted && (!Enum.TryParse(Granularity, true, out granularity) || !Enum.IsDefined(granularity)))
            errors["granularity"] = ["granularity must be day, week or month."];

        var weighting = Core.Analytics.Weighting.Posts;
        if (!string.IsNullOrWhiteSpace(Weighting) && (!Enum.TryParse(Weighting, true, out weighting) || !Enum.IsDefined(weighting)))
            errors["weighting"] = ["weighting must be posts or engagement."];

        Theme? theme = null;
        if (!string.IsNullOrWhiteSpace(Theme) && !string.Equals(Theme, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (Themes.TryParse(Theme, out var t)) theme = t;
            else errors["theme"] = [$"theme must be one of {string.Join(", ", Themes.All.Select(x => x.Id))}."];
        }
        var lang = string.IsNullOrWhiteSpace(Lang) || Lang.Equals("all", StringComparison.OrdinalIgnoreCase) ? null : Lang.Trim();
        if (lang is { Length: > 16 }) errors["lang"] = ["lang is a language code such as en."];
        var author = string.IsNullOrWhiteSpace(Author) ? null : Author.Trim();
        if (author is { Length: > 100 }) errors["author"] = ["author is a handle."];
        if (!string.IsNullOrWhiteSpace(Format) && !WantsCsv && !string.Equals(Format, "json", StringComparison.OrdinalIgnoreCase))
            errors["format"] = ["format must be json or csv."];

        var filter = new TrendFilter(from.Value, to.Value, granularity, weighting, lang, author, theme);
        return new DashboardScope(filter, range, granularityDefaulted, data is not null, data?.First, data?.Last, errors);
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1970)
            return d;
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) && dt.Year >= 1970)
            return DateOnly.FromDateTime(dt.UtcDateTime);
        errors[name.ToLowerInvariant()] = [$"{name.ToLowerInvariant()} must be an ISO date (yyyy-MM-dd)."];
        return null;
    }
}

/// <summary>A resolved query: the filter plus what the page needs to redraw its controls.</summary>
public sealed record DashboardScope(
    TrendFilter Filter, string Range, bool GranularityDefaulted, bool HasData, DateOnly? FirstDay, DateOnly? LastDay,
    IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>The query string of this view (presets resolved to dates), for API calls and links.</summary>
    public Dictionary<string, string?> ToQuery(bool includeTheme = true)
    {
        var f = Filter;
        var q = new Dictionary<string, string?>
        {
            ["from"] = f.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = f.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["granularity"] = f.Granularity.ToString().ToLowerInvariant(),
            ["weighting"] = f.Weighting.ToString().ToLowerInvariant(),
        };
        if (f.Lang is not null) q["lang"] = f.Lang;
        if (f.Author is not null) q["author"] = f.Author;
        if (includeTheme && f.Theme is { } t) q["theme"] = Themes.Get(t).Id;
        return q;
    }
}

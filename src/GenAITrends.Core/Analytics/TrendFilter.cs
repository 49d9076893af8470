using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

public enum Granularity { Day, Week, Month }

/// <summary>What a chart counts: posts, or engagement (likes + reposts + replies + quotes) of those posts.</summary>
public enum Weighting { Posts, Engagement }

/// <summary>
/// The one filter every analytics query takes. <see cref="From"/> and <see cref="To"/> are inclusive UTC days.
/// <see cref="Author"/> is a handle (with or without '@'); <see cref="Theme"/> null means every theme.
/// </summary>
public sealed record TrendFilter(
    DateOnly From,
    DateOnly To,
    Granularity Granularity = Granularity.Day,
    Weighting Weighting = Weighting.Posts,
    string? Lang = null,
    string? Author = null,
    Theme? Theme = null)
{
    public int FromDay => Days.Of(From);
    public int ToDay => Days.Of(To);
    public int LengthInDays => ToDay - FromDay + 1;

    /// <summary>The period of equal length that ends the day before <see cref="From"/>.</summary>
    public TrendFilter PreviousPeriod() => this with { From = From.AddDays(-LengthInDays), To = From.AddDays(-1) };

    /// <summary>A sensible bucket size for a range: days up to ~3 months, weeks up to ~13 months, months beyond.</summary>
    public static Granularity DefaultGranularity(DateOnly from, DateOnly to) => (to.DayNumber - from.DayNumber + 1) switch
    {
        <= 92 => Granularity.Day,
        <= 400 => Granularity.Week,
        _ => Granularity.Month,
    };

    public string? NormalisedAuthor => Author is null ? null : Author.Trim().TrimStart('@').ToLowerInvariant() is { Length: > 0 } a ? a : null;
    public string? NormalisedLang => string.IsNullOrWhiteSpace(Lang) ? null : Lang.Trim().ToLowerInvariant();
}

/// <summary>Day numbers as stored in posts and rollups: days since 1970-01-01 UTC.</summary>
public static class Days
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static int Of(DateOnly date) => date.DayNumber - EpochDayNumber;
    public static DateOnly ToDate(int day) => DateOnly.FromDayNumber(day + EpochDayNumber);
    public static DateTime StartUtc(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

namespace GenAITrends.Core.Posts;

/// <summary>
/// Pre-aggregated daily figures maintained inside each import transaction so that charts never scan posts.
/// Theme 0 is "all posts"; Lang "" means unknown language.
/// </summary>
public sealed class DailyRollup
{
    public int Day { get; set; }
    public byte Theme { get; set; }
    public string Lang { get; set; } = "";
    public long Posts { get; set; }
    public long Engagement { get; set; }
    public double SentimentSum { get; set; }
    public long SentimentCount { get; set; }
}

/// <summary>Daily figures per author (for the author filter and influencer leaderboards).</summary>
public sealed class AuthorDailyRollup
{
    public int Day { get; set; }
    public byte Theme { get; set; }
    public long AuthorId { get; set; }
    public long Posts { get; set; }
    public long Engagement { get; set; }
    public double SentimentSum { get; set; }
    public long SentimentCount { get; set; }
}

/// <summary>
/// Monthly figures per author and theme, kept beside <see cref="AuthorDailyRollup"/> so that leaderboards over long
/// periods read whole months here and only the partial months at both ends from the daily table.
/// <see cref="Month"/> is the day number (days since 1970-01-01) of the month's first day. The table is
/// WITHOUT ROWID with the key (Theme, AuthorId, Month): one theme's rows, author by author, are one contiguous range.
/// </summary>
public sealed class AuthorMonthlyRollup
{
    public byte Theme { get; set; }
    public long AuthorId { get; set; }
    public int Month { get; set; }
    public long Posts { get; set; }
    public long Engagement { get; set; }
    public double SentimentSum { get; set; }
    public long SentimentCount { get; set; }

    /// <summary>The first day (days since 1970-01-01) of the month holding <paramref name="day"/>.</summary>
    public static int MonthOf(int day)
    {
        var date = DateOnly.FromDayNumber(day + EpochDayNumber);
        return day - date.Day + 1;
    }

    /// <summary>The first day of the month after the one starting at <paramref name="month"/>.</summary>
    public static int NextMonth(int month) =>
        DateOnly.FromDayNumber(month + EpochDayNumber).AddMonths(1).DayNumber - EpochDayNumber;

    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;
}

/// <summary>
/// All-time figures per author and theme: the upper bound that lets a leaderboard stop after the few authors that can
/// still make it (an author's figures in any period are at most these). Kept with the other rollups; WITHOUT ROWID,
/// key (Theme, AuthorId), indexed by (Theme, Posts) and (Theme, Engagement).
/// </summary>
public sealed class AuthorTotal
{
    public byte Theme { get; set; }
    public long AuthorId { get; set; }
    public long Posts { get; set; }
    public long Engagement { get; set; }
}

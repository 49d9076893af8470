using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// Splits a period of days into the whole months AuthorMonthlyRollups answers and the partial months at both ends
/// that AuthorDailyRollups answers, and writes the SQL that reads one theme's per-author rows that way.
/// A period with fewer than <see cref="MinWholeMonths"/> whole months reads the daily table only (a short period's
/// daily rows are fewer than one theme's monthly rows).
/// </summary>
public readonly record struct AuthorPeriod(int From, int To, int FirstMonth, int EndMonth)
{
    public const int MinWholeMonths = 2;

    /// <summary>True when whole months [<see cref="FirstMonth"/>, <see cref="EndMonth"/>) come from the monthly table.</summary>
    public bool UsesMonths => EndMonth > FirstMonth;

    public static AuthorPeriod Of(int from, int to)
    {
        var first = AuthorMonthlyRollup.MonthOf(from) == from ? from : AuthorMonthlyRollup.NextMonth(AuthorMonthlyRollup.MonthOf(from));
        var end = AuthorMonthlyRollup.MonthOf(to + 1) == to + 1 ? to + 1 : AuthorMonthlyRollup.MonthOf(to);
        var months = 0;
        for (var m = first; m < end && months < MinWholeMonths; m = AuthorMonthlyRollup.NextMonth(m)) months++;
        return months >= MinWholeMonths ? new AuthorPeriod(from, to, first, end) : new AuthorPeriod(from, to, from, from);
    }

    /// <summary>
    /// Rows (AuthorId, Posts, Engagement, SentimentSum, SentimentCount) of theme <c>$theme</c> in the period, one or more
    /// per author: the monthly part already grouped per author, then the daily rows of the partial months.
    /// Parameters: $theme, $from, $to, $m1, $m2 (and $author when <paramref name="oneAuthor"/>).
    /// </summary>
    public string RowsSql(bool oneAuthor)
    {
        var author = oneAuthor ? " AND AuthorId = $author" : "";
        var monthly = UsesMonths
            ? $"""
               SELECT AuthorId, sum(Posts) AS Posts, sum(Engagement) AS Engagement, sum(SentimentSum) AS SentimentSum, sum(SentimentCount) AS SentimentCount
               FROM AuthorMonthlyRollups WHERE Theme = $theme AND Month >= $m1 AND Month < $m2{author} GROUP BY AuthorId
               UNION ALL
               """
            : "";
        return $"""
            {monthly}
            SELECT AuthorId, Posts, Engagement, SentimentSum, SentimentCount
            FROM AuthorDailyRollups WHERE Theme = $theme AND Day >= $from AND Day <= $to{(UsesMonths ? " AND Day < $m1" : "")}{author}
            {(UsesMonths ? $"""
                UNION ALL
                SELECT AuthorId, Posts, Engagement, SentimentSum, SentimentCount
                FROM AuthorDailyRollups WHERE Theme = $theme AND Day >= $m2 AND Day <= $to{author}
                """ : "")}
            """;
    }

    public IEnumerable<(string Name, object Value)> Parameters(byte theme, long? authorId)
    {
        yield return ("$theme", theme);
        yield return ("$from", From);
        yield return ("$to", To);
        yield return ("$m1", FirstMonth);
        yield return ("$m2", EndMonth);
        if (authorId is { } a) yield return ("$author", a);
    }
}

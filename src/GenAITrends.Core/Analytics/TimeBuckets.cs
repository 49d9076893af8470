namespace GenAITrends.Core.Analytics;

/// <summary>
/// The chart's x axis: consecutive day, ISO-week (Monday) or calendar-month buckets covering a range.
/// A bucket is labelled by its first day, which for the first bucket can lie before the range's start
/// (only days inside the range are counted).
/// </summary>
public sealed class TimeBuckets
{
    private readonly int _firstDay;
    private readonly int[] _indexByDay;

    public IReadOnlyList<DateOnly> Starts { get; }
    public Granularity Granularity { get; }
    public int Count => Starts.Count;

    public TimeBuckets(DateOnly from, DateOnly to, Granularity granularity)
    {
        Granularity = granularity;
        _firstDay = Days.Of(from);
        var lastDay = Days.Of(to);
        _indexByDay = new int[Math.Max(0, lastDay - _firstDay + 1)];
        var starts = new List<DateOnly>();
        for (int day = _firstDay; day <= lastDay; day++)
        {
            var start = StartOf(Days.ToDate(day), granularity);
            if (starts.Count == 0 || starts[^1] != start) starts.Add(start);
            _indexByDay[day - _firstDay] = starts.Count - 1;
        }
        Starts = starts;
    }

    /// <summary>Index of the bucket holding a day, or -1 outside the range.</summary>
    public int IndexOf(int day)
    {
        var i = day - _firstDay;
        return i >= 0 && i < _indexByDay.Length ? _indexByDay[i] : -1;
    }

    public static DateOnly StartOf(DateOnly date, Granularity granularity) => granularity switch
    {
        Granularity.Week => date.AddDays(-(((int)date.DayOfWeek + 6) % 7)),
        Granularity.Month => new DateOnly(date.Year, date.Month, 1),
        _ => date,
    };

    /// <summary>Last day of the bucket starting at <paramref name="start"/>.</summary>
    public static DateOnly EndOf(DateOnly start, Granularity granularity) => granularity switch
    {
        Granularity.Week => start.AddDays(6),
        Granularity.Month => start.AddMonths(1).AddDays(-1),
        _ => start,
    };
}

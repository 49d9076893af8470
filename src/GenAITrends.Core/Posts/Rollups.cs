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

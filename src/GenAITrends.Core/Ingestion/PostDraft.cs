using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Ingestion;

/// <summary>A parsed, validated row on its way to storage.</summary>
public sealed class PostDraft
{
    public long LineNumber { get; init; }
    public string? PlatformPostId { get; init; }
    public required string DedupeKey { get; init; }
    public required string AuthorHandle { get; init; }
    public string? AuthorName { get; init; }
    public string? AuthorPlatformId { get; init; }
    public long? Followers { get; init; }
    public DateTime CreatedAtUtc { get; init; }
    public required string Text { get; init; }
    public required string MatchText { get; init; }
    public required string ContentHash { get; init; }
    public string? Lang { get; init; }
    public long Likes { get; init; }
    public long Reposts { get; init; }
    public long Replies { get; init; }
    public long Quotes { get; init; }
    public long Bookmarks { get; init; }
    public long? Impressions { get; init; }
    public bool IsRetweet { get; init; }
    public string? RetweetedAuthor { get; init; }
    public string? Url { get; init; }

    // Filled by classification before storage.
    public ThemeScore[] Themes { get; set; } = [];
    public SentimentLabel? Sentiment { get; set; }
    public float? SentimentScore { get; set; }

    // UTF-8 copies of the text and of its search form (Storage.SearchText), made by the parsing stage (which has time
    // to spare) so that the SQLite writer, the import's bottleneck, binds bytes instead of converting strings; null =
    // the writer converts the strings itself.
    internal byte[]? TextUtf8 { get; set; }
    internal byte[]? SearchTextUtf8 { get; set; }

    public long Engagement => Likes + Reposts + Replies + Quotes;
}

public readonly record struct ThemeScore(Theme Theme, float Probability);

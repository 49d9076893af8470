namespace GenAITrends.Core.Posts;

/// <summary>One post as stored: original text for display, engagement as last imported.</summary>
public sealed class Post
{
    public long Id { get; set; }

    /// <summary>Platform post id, only when the export carried it without loss of digits.</summary>
    public string? PlatformPostId { get; set; }

    /// <summary>Unique identity used for de-duplication: "x:&lt;id&gt;" or "h:&lt;hash of author, time, text&gt;".</summary>
    public required string DedupeKey { get; set; }

    public long AuthorId { get; set; }
    public Author? Author { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Day bucket (days since 1970-01-01, UTC) used by rollups and range queries.</summary>
    public int Day { get; set; }

    public required string Text { get; set; }
    public string? Lang { get; set; }

    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Replies { get; set; }
    public long Quotes { get; set; }
    public long Bookmarks { get; set; }
    public long? Impressions { get; set; }

    public bool IsRetweet { get; set; }
    public long? RetweetedAuthorId { get; set; }
    public Author? RetweetedAuthor { get; set; }

    public string? Url { get; set; }

    /// <summary>SHA-256 (hex, first 32 chars) of the normalised text.</summary>
    public required string ContentHash { get; set; }

    public long CreatedByBatchId { get; set; }
    public long UpdatedByBatchId { get; set; }

    public SentimentLabel? Sentiment { get; set; }
    public float? SentimentScore { get; set; }

    public List<PostTheme> Themes { get; set; } = [];

    public long Engagement => Likes + Reposts + Replies + Quotes;
}

public enum SentimentLabel : byte
{
    Negative = 0,
    Neutral = 1,
    Positive = 2,
}

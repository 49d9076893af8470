namespace GenAITrends.Core.Ingestion;

/// <summary>What a column of an export means to us, whatever its header says.</summary>
public enum PostField
{
    PostId,
    CreatedAt,
    Text,
    Lang,
    AuthorHandle,
    AuthorName,
    AuthorId,
    Followers,
    Likes,
    Reposts,
    Replies,
    Quotes,
    Bookmarks,
    Impressions,
    IsRetweet,
    RetweetedAuthor,
    Url,
    PublicMetrics,
}

namespace GenAITrends.Core.Posts;

public sealed class Author
{
    public long Id { get; set; }

    /// <summary>Handle without '@', lower-cased: the identity of an author across exports.</summary>
    public required string Handle { get; set; }

    public string? DisplayName { get; set; }
    public long? FollowerCount { get; set; }

    /// <summary>Platform user id when the export has it (API v2 dumps have only this).</summary>
    public string? PlatformUserId { get; set; }
}

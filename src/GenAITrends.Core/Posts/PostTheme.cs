namespace GenAITrends.Core.Posts;

/// <summary>A theme assigned to a post by the classifier, with its calibrated probability.</summary>
public sealed class PostTheme
{
    public long PostId { get; set; }
    public Theme Theme { get; set; }
    public float Probability { get; set; }
}

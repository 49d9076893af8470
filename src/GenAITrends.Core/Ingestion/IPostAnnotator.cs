namespace GenAITrends.Core.Ingestion;

/// <summary>Tags drafts with themes and sentiment in blocks, before they are stored.</summary>
public interface IPostAnnotator
{
    /// <summary>Model versions, recorded with each import.</summary>
    string Version { get; }

    void Annotate(IReadOnlyList<PostDraft> drafts);
}

/// <summary>Leaves posts untagged; for tests of ingestion alone and for databases without models.</summary>
public sealed class NoAnnotation : IPostAnnotator
{
    public static readonly NoAnnotation Instance = new();
    public string Version => "none";
    public void Annotate(IReadOnlyList<PostDraft> drafts) { }
}

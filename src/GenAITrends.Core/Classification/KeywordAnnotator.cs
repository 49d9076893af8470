using GenAITrends.Core.Ingestion;

namespace GenAITrends.Core.Classification;

/// <summary>Tags posts with <see cref="KeywordThemeRules"/>; used only when no trained model is available.</summary>
public sealed class KeywordAnnotator : IPostAnnotator
{
    public string Version => "keyword-rules";

    public void Annotate(IReadOnlyList<PostDraft> drafts)
    {
        foreach (var d in drafts)
            d.Themes = [.. KeywordThemeRules.Match(d.MatchText).Select(t => new ThemeScore(t, 1f))];
    }
}

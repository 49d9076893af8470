using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Classification;

/// <summary>Tags posts with the keyword baseline; used only when no trained model is available.</summary>
public sealed class KeywordAnnotator : IPostAnnotator
{
    public string Version => "keyword-rules";

    public void Annotate(IReadOnlyList<PostDraft> drafts)
    {
        foreach (var d in drafts)
        {
            var themes = new List<ThemeScore>(2);
            foreach (var id in KeywordThemeBaseline.Default.Predict(d.Text))
                if (Themes.TryParse(id, out var theme)) themes.Add(new ThemeScore(theme, 1f));
            d.Themes = [.. themes];
        }
    }
}

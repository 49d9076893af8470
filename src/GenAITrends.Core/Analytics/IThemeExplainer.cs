using GenAITrends.Core.Classification;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Analytics;

/// <summary>The words of a post that explain why it carries a theme (shown next to representative posts).</summary>
public interface IThemeExplainer
{
    IReadOnlyList<string> Explain(string postText, Theme theme);
}

/// <summary>Explains with the keyword rules; a trained model can supply its own explainer (its top features).</summary>
public sealed class KeywordThemeExplainer : IThemeExplainer
{
    public IReadOnlyList<string> Explain(string postText, Theme theme) =>
        KeywordThemeBaseline.Default.Explain(postText, Themes.Get(theme).Id);
}

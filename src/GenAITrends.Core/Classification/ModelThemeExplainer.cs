using GenAITrends.Core.Analytics;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Classification;

/// <summary>Explains a tag with the theme model's own linear weights: the terms that pushed the post into the theme.</summary>
public sealed class ModelThemeExplainer(ThemeModel model) : IThemeExplainer
{
    public IReadOnlyList<string> Explain(string postText, Theme theme) =>
        [.. model.Explain(postText, Themes.Get(theme).Id, top: 4).Where(t => t.Contribution > 0).Select(t => t.Term)];
}

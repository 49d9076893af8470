namespace GenAITrends.Core.Classification;

/// <summary>Where a training example came from; real posts and team-written text get different weights.</summary>
public enum ThemeExampleSource
{
    RealPost,
    TeamWritten,
    Background,
}

/// <summary>One labelled text. <see cref="Themes"/> empty = a theme-less post.</summary>
public sealed record ThemeExample(string Text, IReadOnlyList<string> Themes, ThemeExampleSource Source, float Weight = 1f, string? Id = null)
{
    public bool Has(string themeId) => Themes.Contains(themeId);

    public bool IsThemeless => Themes.Count == 0;
}

using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Classification;

public static partial class KeywordThemeRules
{
    /// <summary>The keywords of a theme's rule found in a normalised text (distinct, in order of appearance).</summary>
    public static IReadOnlyList<string> Explain(string normalisedText, Theme theme)
    {
        foreach (var (t, pattern) in Rules)
        {
            if (t != theme) continue;
            return [.. pattern.Matches(normalisedText).Select(m => m.Value).Distinct(StringComparer.Ordinal)];
        }
        return [];
    }
}

namespace GenAITrends.Core.Classification;

/// <summary>The five theme ids of docs/themes (THEMES.md), in a fixed order used by every model file.</summary>
public static class ThemeIds
{
    public const string OpenSourceLlmOs = "open_source_llm_os";
    public const string RegulationEthics = "regulation_ethics";
    public const string AiVideo = "ai_video";
    public const string Cloud = "cloud";
    public const string Security = "security";

    public static IReadOnlyList<string> All { get; } =
        [OpenSourceLlmOs, RegulationEthics, AiVideo, Cloud, Security];

    public static bool IsKnown(string id) => IndexOf(id) >= 0;

    public static int IndexOf(string id)
    {
        for (int i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], id, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Parses a <c>;</c>-joined theme list (empty = no theme). Unknown ids throw.</summary>
    public static IReadOnlyList<string> ParseList(string? joined)
    {
        if (string.IsNullOrWhiteSpace(joined))
        {
            return [];
        }

        var result = new List<string>(2);
        foreach (var part in joined.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsKnown(part))
            {
                throw new FormatException($"Unknown theme id '{part}'.");
            }

            if (!result.Contains(part))
            {
                result.Add(part);
            }
        }

        return result;
    }
}

namespace GenAITrends.Core.Posts;

/// <summary>The five GenAI themes (docs/themes.md). Values are stored in the database: never renumber.</summary>
public enum Theme : byte
{
    OpenSourceLlmOs = 1,
    RegulationEthics = 2,
    AiVideo = 3,
    Cloud = 4,
    Security = 5,
}

public sealed record ThemeInfo(Theme Theme, string Id, string Label, string Colour, string Definition);

public static class Themes
{
    // Okabe–Ito palette: distinguishable with the common colour-vision deficiencies.
    public static readonly IReadOnlyList<ThemeInfo> All =
    [
        new(Theme.OpenSourceLlmOs, "open_source_llm_os", "Open-source models & LLM OS", "#0072B2",
            "Open-source / open-weight models and their communities; LLMs as platforms and agents; challengers to GPT-4; local access."),
        new(Theme.RegulationEthics, "regulation_ethics", "Regulation & ethics", "#D55E00",
            "Laws, bans and governance of AI; responsible AI; privacy, copyright, bias, misinformation, accountability."),
        new(Theme.AiVideo, "ai_video", "AI-generated video", "#CC79A7",
            "Text-to-video and AI video generation or editing; avatars and presenters; deepfake videos; animation."),
        new(Theme.Cloud, "cloud", "GenAI in the cloud", "#009E73",
            "Generative AI through cloud platforms and enterprise software; AI infrastructure and GPUs as a service; enterprise adoption."),
        new(Theme.Security, "security", "AI security & threats", "#E69F00",
            "AI used for cyber attacks, fraud or defence; attacks on AI systems; data leaks through AI tools."),
    ];

    public static ThemeInfo Get(Theme theme) => All[(int)theme - 1];

    public static bool TryParse(string? id, out Theme theme)
    {
        foreach (var info in All)
        {
            if (string.Equals(info.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                theme = info.Theme;
                return true;
            }
        }
        theme = default;
        return false;
    }
}

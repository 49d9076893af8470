using System.Text.RegularExpressions;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Classification;

/// <summary>
/// The keyword-rule baseline (what social-listening tools call "themes"): a post gets a theme when
/// its NFKC-normalised, lower-cased text matches that theme's keyword pattern. Used as the reference
/// the model is compared with in docs/model-card.md, and as the fallback tagger when no model file exists.
/// </summary>
public static partial class KeywordThemeRules
{
    private static readonly (Theme Theme, Regex Pattern)[] Rules =
    [
        (Theme.OpenSourceLlmOs, OpenSource()),
        (Theme.RegulationEthics, Regulation()),
        (Theme.AiVideo, Video()),
        (Theme.Cloud, Cloud()),
        (Theme.Security, Security()),
    ];

    public static IReadOnlyList<Theme> Match(string normalisedText)
    {
        List<Theme>? found = null;
        foreach (var (theme, pattern) in Rules)
            if (pattern.IsMatch(normalisedText)) (found ??= []).Add(theme);
        return (IReadOnlyList<Theme>?)found ?? [];
    }

    [GeneratedRegex(@"\b(open[- ]?source|open[- ]weights?|llama|mistral|mixtral|falcon|hugging ?face|deepseek|gemma|autogpt|babyagi|agents?|plugins?|gpt store|local(ly)? model|llm os)\b")]
    private static partial Regex OpenSource();

    [GeneratedRegex(@"\b(regulat\w*|ai act|law(s|suits?)?|ban(s|ned)?|ethic\w*|privacy|copyright\w*|bias(ed)?|misinformation|disinformation|congress|senate|executive order|guardrails?|responsible ai|accountab\w*)\b")]
    private static partial Regex Regulation();

    [GeneratedRegex(@"\b(text[- ]to[- ]video|ai video|video generat\w*|sora|runway|gen-?2|gen-?3|pika|synthesia|heygen|deepfake videos?|avatars?|lip[- ]?sync|animat\w*)\b")]
    private static partial Regex Video();

    [GeneratedRegex(@"\b(cloud|azure|aws|bedrock|vertex|gcp|google cloud|nvidia|gpus?|data ?cent(er|re)s?|enterprise|saas|copilot|salesforce|firefly)\b")]
    private static partial Regex Cloud();

    [GeneratedRegex(@"\b(security|cyber\w*|hack(er|ers|ed|ing)?|phishing|malware|ransomware|jailbreak\w*|prompt injection|scam(s|mers?)?|fraud|leak(s|ed)?|threats?|vulnerab\w*|wormgpt)\b")]
    private static partial Regex Security();
}

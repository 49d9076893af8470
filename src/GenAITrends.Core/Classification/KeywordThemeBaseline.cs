using System.Text.RegularExpressions;

namespace GenAITrends.Core.Classification;

/// <summary>
/// The social-listening baseline: a hand-written keyword list per theme, matched case-insensitively
/// as whole words on NFKC-normalised text. A post gets every theme with at least one hit. It is the reference
/// the model is measured against (docs/model-card.md) and the tagger used when no model file exists.
/// </summary>
public sealed class KeywordThemeBaseline
{

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> DefaultKeywords { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ThemeIds.OpenSourceLlmOs] =
        [
            "open source", "open-source", "opensource", "open weights", "open-weight", "open weight", "open model", "open models",
            "llama", "llama 2", "llama2", "llama 3", "llama.cpp", "alpaca", "vicuna", "mistral", "mixtral", "falcon", "gemma", "qwen",
            "deepseek", "stablelm", "dolly", "hugging face", "huggingface", "autogpt", "auto-gpt", "babyagi", "agentgpt",
            "ai agent", "ai agents", "autonomous agent", "autonomous agents", "chatgpt plugins", "plugins", "plugin", "gpt store",
            "custom gpts", "llm os", "run locally", "local llm", "on-device",
        ],
        [ThemeIds.RegulationEthics] =
        [
            "regulation", "regulations", "regulate", "regulating", "regulators", "ai act", "ban", "banned", "bans", "law", "laws",
            "lawsuit", "sue", "sues", "sued", "copyright", "privacy", "gdpr", "data protection", "ethics", "ethical", "unethical",
            "responsible ai", "bias", "biased", "misinformation", "disinformation", "executive order", "senate", "congress",
            "hearing", "guardrails", "accountability", "policy", "governance", "pause", "safety",
        ],
        [ThemeIds.AiVideo] =
        [
            "text-to-video", "text to video", "ai video", "ai-generated video", "video generation", "video generator", "sora",
            "runway", "gen-2", "gen2", "gen-3", "pika", "pika labs", "synthesia", "heygen", "deepfake", "deepfakes", "deepfake video",
            "ai avatar", "ai avatars", "lip-sync", "lip sync", "animation", "animated", "kling", "luma", "veo", "movie gen",
        ],
        [ThemeIds.Cloud] =
        [
            "cloud", "azure", "azure openai", "aws", "amazon bedrock", "bedrock", "vertex ai", "google cloud", "gcp", "nvidia", "gpu",
            "gpus", "data center", "data centers", "datacenter", "enterprise", "enterprises", "saas", "salesforce", "einstein gpt",
            "copilot", "microsoft 365", "creative cloud", "firefly", "oracle", "ibm watsonx", "snowflake", "databricks",
        ],
        [ThemeIds.Security] =
        [
            "security", "cybersecurity", "cyber security", "cyber", "phishing", "malware", "ransomware", "jailbreak", "jailbreaks",
            "jailbreaking", "prompt injection", "hack", "hacked", "hacker", "hackers", "hacking", "scam", "scams", "scammers", "fraud",
            "leak", "leaked", "leaks", "data breach", "breach", "vulnerability", "vulnerabilities", "exploit", "wormgpt", "fraudgpt",
            "security copilot", "threat", "threats", "keylogger", "voice cloning",
        ],
    };

    // Declared after DefaultKeywords: static initialisers run in order, and the constructor reads the keywords.
    /// <summary>The default rules, built once (the patterns are compiled regular expressions).</summary>
    public static KeywordThemeBaseline Default { get; } = new();

    private readonly (string ThemeId, Regex Pattern)[] _patterns;

    public KeywordThemeBaseline(IReadOnlyDictionary<string, IReadOnlyList<string>>? keywords = null)
    {
        keywords ??= DefaultKeywords;
        _patterns = ThemeIds.All
            .Where(keywords.ContainsKey)
            .Select(id => (id, new Regex(
                @"(?<![\p{L}\p{N}])(?:" + string.Join("|", keywords[id].OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}\p{N}])",
                RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Compiled)))
            .ToArray();
    }

    /// <summary>NFKC then lower case: what the keywords are matched against.</summary>
    public static string Prepare(string text) =>
        TextFolding.Nfkc(text).ToLowerInvariant();

    public IReadOnlyList<string> Predict(string text)
    {
        var prepared = Prepare(text);
        var themes = new List<string>(2);
        foreach (var (id, pattern) in _patterns)
        {
            if (pattern.IsMatch(prepared))
            {
                themes.Add(id);
            }
        }

        return themes;
    }

    /// <summary>The keywords of one theme found in a text (distinct, in order of appearance).</summary>
    public IReadOnlyList<string> Explain(string text, string themeId)
    {
        foreach (var (id, pattern) in _patterns)
            if (id == themeId)
                return [.. pattern.Matches(Prepare(text)).Select(m => m.Value).Distinct(StringComparer.Ordinal)];
        return [];
    }

    public IReadOnlyList<IReadOnlyList<string>> PredictBatch(IReadOnlyList<string> texts) =>
        texts.Select(Predict).ToList();
}

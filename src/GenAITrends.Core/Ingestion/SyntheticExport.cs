using System.Globalization;
using nietras.SeparatedValues;

namespace GenAITrends.Core.Ingestion;

/// <summary>
/// Writes a synthetic export in the canonical format for benchmarks and load tests: skewed authors and
/// engagement, 2023–2024 timestamps, theme vocabulary mixed into ordinary chatter. Deterministic for a seed.
/// Not for the sample corpus, which is written by people (data/sample).
/// </summary>
public static class SyntheticExport
{
    public static readonly string[] Header =
        ["post_id", "created_at", "author_handle", "author_name", "author_followers", "lang", "text",
         "likes", "reposts", "replies", "quotes", "bookmarks", "impressions", "is_retweet", "retweeted_author", "url"];

    private static readonly string[] Openers =
        ["Honestly,", "Hot take:", "Thread:", "Quick note:", "Wild week.", "Reminder:", "Unpopular opinion:", "New post:", "", "", "", "PSA:", "So", "Okay,"];

    private static readonly string[][] Topics =
    [
        ["open weights just dropped and it runs on my laptop", "the new Llama fine-tune beats last month's closed model", "agents that call tools are the new app store", "Mistral released another open model under Apache 2.0", "running a 7B model locally with zero API bills"],
        ["the EU AI Act vote is closer than people think", "copyright lawsuits against model makers keep piling up", "we need real guardrails, not voluntary pledges", "privacy regulators opened another investigation into chatbots", "the executive order on AI asks for safety testing"],
        ["text-to-video just got scary good", "made a 30 second clip with an AI video model", "AI avatars presenting the news is a weird future", "temporal consistency in generated video is finally solved", "this ad was generated end to end by a video model"],
        ["cloud providers are racing to sell GPU capacity", "enterprise copilots are where the revenue is", "our team moved inference to a managed AI service", "AI spending drove another strong cloud quarter", "every SaaS vendor is bolting GenAI onto their suite"],
        ["prompt injection is the SQL injection of this decade", "deepfake voice scams are targeting finance teams", "attackers use LLMs to write better phishing", "someone leaked internal code by pasting it into a chatbot", "AI-driven threat detection caught this intrusion"],
        ["ChatGPT wrote my grocery list and it was fine", "what's your favourite prompt for summarising papers", "it's cloudy again, perfect coding weather", "my job security talk went well today", "watched a great human-made documentary about AI", "generated a still image of a cat astronaut", "coffee first, then benchmarks", "tried three note-taking apps this week"],
    ];

    private static readonly string[] Tails =
        ["", "", "", " 🚀", " 🤔", " #AI", " #GenAI", " #LLM", " https://t.co/x7Yq2b", " (thread below)", " — thoughts?", " 👀", " lol", " #OpenSource"];

    private static readonly string[] Langs = ["en", "en", "en", "en", "en", "en", "en", "en", "en", "es", "fr", "de", "ja", "pt"];

    public static void Write(string path, int posts, int seed)
    {
        var rng = new Random(seed);
        var authorCount = Math.Max(50, posts / 50);
        var followers = new long[authorCount];
        for (int i = 0; i < authorCount; i++)
            followers[i] = (long)(500 * Math.Pow(1 - rng.NextDouble(), -1.3)); // Pareto: most small, a few huge

        var start = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var spanSeconds = (new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) - start).TotalSeconds;
        var baseId = 1_610_000_000_000_000_000L;

        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        var inv = CultureInfo.InvariantCulture;
        for (int i = 0; i < posts; i++)
        {
            // Zipf-like choice of author: a few accounts post a lot.
            var author = (int)(authorCount * Math.Pow(rng.NextDouble(), 2.2));
            var created = start.AddSeconds(spanSeconds * Math.Sqrt(rng.NextDouble()));
            var topic = rng.NextDouble() < 0.5 ? Topics[^1] : Topics[rng.Next(Topics.Length - 1)];
            var text = $"{Openers[rng.Next(Openers.Length)]} {topic[rng.Next(topic.Length)]}{Tails[rng.Next(Tails.Length)]} #{i % 997}".Trim();
            var isRt = rng.NextDouble() < 0.08;
            var rtAuthor = isRt ? $"user{rng.Next(authorCount):D5}" : "";
            if (isRt) text = $"RT @{rtAuthor}: {text}";
            var reach = followers[author] * (0.002 + rng.NextDouble() * 0.02) * Math.Pow(1 - rng.NextDouble(), -0.8);
            var likes = isRt ? 0 : (long)reach;
            using var row = writer.NewRow();
            row["post_id"].Set((baseId + i).ToString(inv));
            row["created_at"].Set(created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv));
            row["author_handle"].Set($"user{author:D5}");
            row["author_name"].Set($"Synthetic User {author}");
            row["author_followers"].Set(followers[author].ToString(inv));
            row["lang"].Set(Langs[rng.Next(Langs.Length)]);
            row["text"].Set(text);
            row["likes"].Set(likes.ToString(inv));
            row["reposts"].Set((likes / 5 + rng.Next(3)).ToString(inv));
            row["replies"].Set((isRt ? 0 : likes / 12 + rng.Next(2)).ToString(inv));
            row["quotes"].Set((likes / 40).ToString(inv));
            row["bookmarks"].Set((likes / 15).ToString(inv));
            row["impressions"].Set(((long)(reach * 40) + rng.Next(100)).ToString(inv));
            row["is_retweet"].Set(isRt ? "true" : "false");
            row["retweeted_author"].Set(rtAuthor);
            row["url"].Set($"https://x.com/user{author:D5}/status/{baseId + i}");
        }
    }
}

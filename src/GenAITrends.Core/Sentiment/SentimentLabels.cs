namespace GenAITrends.Core.Sentiment;

/// <summary>The three sentiment classes. Index order (0 negative, 1 neutral, 2 positive) matches TweetEval
/// and the alphabetical key order ML.NET uses for the label column.</summary>
public static class SentimentLabels
{
    public const string Negative = "negative";
    public const string Neutral = "neutral";
    public const string Positive = "positive";

    public const int Count = 3;
    public const int NegativeIndex = 0;
    public const int NeutralIndex = 1;
    public const int PositiveIndex = 2;

    public static IReadOnlyList<string> All { get; } = [Negative, Neutral, Positive];

    /// <summary>Returns 0/1/2 for a label name (case-insensitive), or -1 when it is not a sentiment label.</summary>
    public static int IndexOf(string? label) => label?.Trim().ToLowerInvariant() switch
    {
        Negative => NegativeIndex,
        Neutral => NeutralIndex,
        Positive => PositiveIndex,
        _ => -1,
    };
}

/// <summary>One labelled text.</summary>
public sealed record SentimentExample(string Id, string Text, string Label);

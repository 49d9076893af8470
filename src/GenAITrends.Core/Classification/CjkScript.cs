namespace GenAITrends.Core.Classification;

/// <summary>Scripts written without spaces between words, whose characters the text normalisers can split into tokens.</summary>
public static class CjkScript
{
    /// <summary>Hiragana, katakana (with the prolonged sound mark) and CJK ideographs. Hangul is left alone: Korean spaces its words.</summary>
    public static bool IsCjk(char c) =>
        c is (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF');
}

using System.Text;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Storage;

/// <summary>
/// The text PostsFts indexes: a post's match text with each Chinese character and Japanese kana set apart by spaces.
/// FTS5's unicode61 tokenizer would otherwise take a whole run of them, and any Latin word glued to it
/// ("社内のgpu予約"), as one token that no search could ever match. A search word in those scripts becomes the
/// phrase of its characters, which matches them side by side (ADR 007).
/// </summary>
public static class SearchText
{
    /// <summary>"社内のgpu予約" → "社 内 の gpu 予 約"; text without CJK characters is returned as it is.</summary>
    public static string ForIndex(string matchText)
    {
        ArgumentNullException.ThrowIfNull(matchText);
        if (!CjkScript.ContainsCjk(matchText))
        {
            return matchText;
        }

        var sb = new StringBuilder(matchText.Length * 2);
        bool previousCjk = false;
        foreach (char c in matchText)
        {
            bool cjk = CjkScript.IsCjk(c);
            if ((cjk || previousCjk) && sb.Length > 0 && sb[^1] != ' ' && c != ' ')
            {
                sb.Append(' ');
            }

            sb.Append(c);
            previousCjk = cjk;
        }

        return sb.ToString();
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>
/// Test annotator: a fixture post says its own themes and sentiment in a marker such as
/// "[themes=cloud,security sentiment=-0.5]" (empty = none), so expected figures can be computed by hand.
/// </summary>
public sealed partial class MarkerAnnotator : IPostAnnotator
{
    public string Version => "test-markers";

    public void Annotate(IReadOnlyList<PostDraft> drafts)
    {
        foreach (var d in drafts)
        {
            var m = Marker().Match(d.Text);
            if (!m.Success) continue;
            d.Themes = [.. m.Groups["themes"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Select(id => Themes.TryParse(id, out var t) ? new ThemeScore(t, 0.9f) : throw new InvalidOperationException($"Unknown theme {id}"))];
            if (double.TryParse(m.Groups["s"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
            {
                d.SentimentScore = (float)s;
                d.Sentiment = s > 0.2 ? SentimentLabel.Positive : s < -0.2 ? SentimentLabel.Negative : SentimentLabel.Neutral;
            }
        }
    }

    [GeneratedRegex(@"\[themes=(?<themes>[a-z_,]*) sentiment=(?<s>[-0-9.]*)\]")]
    private static partial Regex Marker();
}

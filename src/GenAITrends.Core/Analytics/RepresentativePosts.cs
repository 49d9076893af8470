namespace GenAITrends.Core.Analytics;

public sealed record ExplainedPost(PostRow Post, IReadOnlyList<string> Terms);

/// <summary>A theme's most engaging posts of a period, each with the words that explain its tag.</summary>
public sealed class RepresentativePosts(PostSearch search, IThemeExplainer explainer)
{
    public async Task<IReadOnlyList<ExplainedPost>> QueryAsync(TrendFilter f, int count = 5, CancellationToken ct = default)
    {
        if (f.Theme is not { } theme) throw new ArgumentException("Representative posts need a theme.", nameof(f));
        var page = await search.QueryAsync(new PostQuery(f, Sort: PostSort.Engagement, PageSize: count), ct);
        return [.. page.Items.Select(p => new ExplainedPost(p, explainer.Explain(p.Text, theme)))];
    }
}

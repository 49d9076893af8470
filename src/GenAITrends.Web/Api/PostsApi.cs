using GenAITrends.Core.Analytics;
using GenAITrends.Core.Posts;
using GenAITrends.Web.Auth;

namespace GenAITrends.Web.Api;

/// <summary>Post-level criteria of /api/posts and the /posts page, on top of <see cref="DashboardQuery"/>.</summary>
public sealed class PostCriteria
{
    public string? Q { get; set; }
    public string? Sentiment { get; set; }
    public long? MinEngagement { get; set; }
    public string? Sort { get; set; }
    public int? Page { get; set; }
    public int? PageSize { get; set; }

    public PostQuery? ToQuery(TrendFilter filter, IDictionary<string, string[]> errors, int defaultPageSize = 25)
    {
        SentimentLabel? sentiment = null;
        if (!string.IsNullOrWhiteSpace(Sentiment) && !Sentiment.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (Enum.TryParse<SentimentLabel>(Sentiment, true, out var s) && Enum.IsDefined(s)) sentiment = s;
            else errors["sentiment"] = ["sentiment must be negative, neutral or positive."];
        }
        var sort = PostSort.Newest;
        if (!string.IsNullOrWhiteSpace(Sort) && (!Enum.TryParse(Sort, true, out sort) || !Enum.IsDefined(sort)))
            errors["sort"] = ["sort must be newest or engagement."];
        if (MinEngagement is < 0) errors["minEngagement"] = ["minEngagement must not be negative."];
        if (Page is < 1) errors["page"] = ["page starts at 1."];
        if (PageSize is < 1 or > PostSearch.MaxPageSize) errors["pageSize"] = [$"pageSize must be between 1 and {PostSearch.MaxPageSize}."];
        if (Q is { Length: > 500 }) errors["q"] = ["q is limited to 500 characters."];
        if (errors.Count > 0) return null;
        return new PostQuery(filter, Q, sentiment, MinEngagement, sort, Page ?? 1, PageSize ?? defaultPageSize);
    }
}

public static class PostsApi
{
    public static RouteGroupBuilder MapPostsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/posts", async ([AsParameters] DashboardQuery query, [AsParameters] PostCriteria criteria,
            RollupReader rollups, PostSearch search, IThemeExplainer explainer, HttpContext http, CancellationToken ct) =>
        {
            var scope = await query.ResolveAsync(rollups, ct);
            var errors = scope.Errors.ToDictionary(e => e.Key, e => e.Value);
            var postQuery = criteria.ToQuery(scope.Filter, errors);
            if (postQuery is null || errors.Count > 0) return Results.ValidationProblem(errors, title: "Invalid query");

            var r = await search.QueryAsync(postQuery, ct);
            if (!query.WantsCsv)
            {
                if (!string.Equals(http.Request.Query["explain"], "true", StringComparison.OrdinalIgnoreCase)) return Results.Ok(r);
                // explain=true: for each post and each of its themes, the terms that pushed it into the theme.
                var explained = new Dictionary<string, Dictionary<string, IReadOnlyList<string>>>();
                foreach (var p in r.Items)
                {
                    var byTheme = new Dictionary<string, IReadOnlyList<string>>();
                    foreach (var t in p.Themes)
                        if (Themes.TryParse(t.Theme, out var theme)) byTheme[t.Theme] = explainer.Explain(p.Text, theme);
                    explained[p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)] = byTheme;
                }
                return Results.Ok(new ExplainedPostPage(r.Page, r.PageSize, r.Total, r.TotalIsLowerBound, r.Items, explained));
            }
            var csv = new Csv("id", "created_at", "author", "text", "lang", "url", "likes", "reposts", "replies", "quotes",
                "engagement", "sentiment", "sentiment_score", "themes");
            foreach (var p in r.Items)
                csv.Row(p.Id, p.CreatedAtUtc, p.AuthorHandle, p.Text, p.Lang, p.Url, p.Likes, p.Reposts, p.Replies, p.Quotes,
                    p.Engagement, p.Sentiment, p.SentimentScore,
                    string.Join(' ', p.Themes.Select(t => $"{t.Theme}:{t.Confidence.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}")));
            return csv.ToResult("posts.csv");
        })
        .RequireAuthorization(Policies.Posts).WithTags("Posts")
        .WithSummary("Filtered, full-text searchable posts, newest first")
        .WithDescription("q: search words (all must occur; word* for a prefix); sentiment: negative|neutral|positive; minEngagement; sort: newest|engagement; page (1-based), pageSize (1–200, default 25); explain=true adds `explanations`: post id → theme id → the terms that pushed the post into the theme. total is exact up to 10,000 (totalIsLowerBound beyond).")
        .Produces<PostPage>(StatusCodes.Status200OK, "application/json", "text/csv")
        .ProducesValidationProblem();
        return api;
    }
}

/// <summary>/api/posts?explain=true: the page plus, per post and theme, the terms behind the tag.</summary>
public sealed record ExplainedPostPage(int Page, int PageSize, long Total, bool TotalIsLowerBound, IReadOnlyList<PostRow> Items,
    IReadOnlyDictionary<string, Dictionary<string, IReadOnlyList<string>>> Explanations)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

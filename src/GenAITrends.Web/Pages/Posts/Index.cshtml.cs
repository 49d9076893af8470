using GenAITrends.Core.Analytics;
using GenAITrends.Web.Api;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;

namespace GenAITrends.Web.Pages.Posts;

/// <summary>Paginated, filterable, full-text searchable posts (where chart clicks land).</summary>
[Authorize(Policy = Policies.Posts)]
public sealed class IndexModel(RollupReader rollups, IAuthorizationService authorization, PostSearch search)
    : DashboardPageModel(rollups, authorization)
{
    public PostCriteria Criteria { get; private set; } = new();
    public PostPage? Results { get; private set; }
    public Dictionary<string, string[]> Errors { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        var q = Request.Query;
        Criteria = new PostCriteria
        {
            Q = q["q"], Sentiment = q["sentiment"], Sort = q["sort"],
            MinEngagement = long.TryParse(q["minEngagement"], out var m) ? m : null,
            Page = int.TryParse(q["page"], out var p) ? p : null,
        };
        foreach (var (k, v) in Scope.Errors) Errors[k] = v;
        var query = Criteria.ToQuery(Filter, Errors);
        if (query is not null && Errors.Count == 0) Results = await search.QueryAsync(query, ct);
    }

    /// <summary>This page's URL with the current criteria and one change.</summary>
    public string PageLink(int page) => Link("/posts", Extra(page));

    public Dictionary<string, string?> Extra(int? page = null) => new()
    {
        ["granularity"] = null, ["weighting"] = null, ["q"] = Criteria.Q, ["sentiment"] = Criteria.Sentiment,
        ["minEngagement"] = Criteria.MinEngagement?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Criteria.Sort, ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    };
}

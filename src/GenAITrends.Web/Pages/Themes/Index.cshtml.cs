using GenAITrends.Core.Analytics;
using GenAITrends.Core.Posts;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GenAITrends.Web.Pages.Themes;

/// <summary>One theme: volume and share, sentiment, top influencers, rising terms, representative posts.</summary>
[Authorize(Policy = Policies.Dashboards)]
public sealed class IndexModel(RollupReader rollups, IAuthorizationService authorization, PeriodSummary summary,
    InfluencerBoard influencers, RisingTerms terms, RepresentativePosts representative)
    : DashboardPageModel(rollups, authorization)
{
    public ThemeInfo Theme { get; private set; } = null!;
    public SummaryResult? Summary { get; private set; }
    public InfluencerResult? ByPosts { get; private set; }
    public InfluencerResult? ByEngagement { get; private set; }
    public RisingTermsResult? Rising { get; private set; }
    public IReadOnlyList<ExplainedPost> Examples { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        if (!Core.Posts.Themes.TryParse(id, out var theme)) return NotFound();
        Theme = Core.Posts.Themes.Get(theme);
        await ResolveAsync(ct, Theme.Id);
        if (!Scope.IsValid) return Page();
        Summary = await summary.QueryAsync(Filter, ct);
        ByPosts = await influencers.QueryAsync(Filter, InfluencerSort.Posts, 10, ct);
        ByEngagement = await influencers.QueryAsync(Filter, InfluencerSort.Engagement, 10, ct);
        Rising = await terms.QueryAsync(Filter, 15, ct);
        Examples = await representative.QueryAsync(Filter, 5, ct);
        return Page();
    }
}

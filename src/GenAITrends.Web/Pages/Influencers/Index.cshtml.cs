using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;

namespace GenAITrends.Web.Pages.Influencers;

/// <summary>Leaderboard per theme (tabs): posts, engagement, share of voice, mean sentiment.</summary>
[Authorize(Policy = Policies.Dashboards)]
public sealed class IndexModel(RollupReader rollups, IAuthorizationService authorization, InfluencerBoard board)
    : DashboardPageModel(rollups, authorization)
{
    public InfluencerResult? Board { get; private set; }
    public InfluencerSort Sort { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Sort = string.Equals(Request.Query["sort"], "engagement", StringComparison.OrdinalIgnoreCase) ? InfluencerSort.Engagement : InfluencerSort.Posts;
        if (Scope.IsValid) Board = await board.QueryAsync(Filter, Sort, 25, ct);
    }
}

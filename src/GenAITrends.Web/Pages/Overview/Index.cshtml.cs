using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;

namespace GenAITrends.Web.Pages.Overview;

/// <summary>The overview: KPI cards, theme share over time with spikes, sentiment over time.</summary>
[Authorize(Policy = Policies.Dashboards)]
public sealed class IndexModel(RollupReader rollups, IAuthorizationService authorization, PeriodSummary summary)
    : DashboardPageModel(rollups, authorization)
{
    public SummaryResult? Summary { get; private set; }

    /// <summary>share (stacked % of posts) or volume (stacked counts): a view setting kept in the URL.</summary>
    public string Mode { get; private set; } = "share";

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Mode = CurrentQueryValue("mode") == "volume" ? "volume" : "share";
        if (Scope.IsValid) Summary = await summary.QueryAsync(Filter with { Theme = null }, ct);
    }
}

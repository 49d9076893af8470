using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Pages.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GenAITrends.Web.Pages.Overview;

/// <summary>
/// The overview: KPI cards, theme share over time with spikes, sentiment over time. The page itself does not wait
/// for the KPI figures (the distinct-author count is its slowest query): it renders the cards as placeholders and
/// site.js fetches them from <c>?handler=kpis</c> while the charts fetch their data.
/// </summary>
[Authorize(Policy = Policies.Dashboards)]
public sealed class IndexModel(RollupReader rollups, IAuthorizationService authorization, PeriodSummary summary)
    : DashboardPageModel(rollups, authorization)
{
    /// <summary>Null on the page itself; set for the KPI fragment.</summary>
    public SummaryResult? Summary { get; private set; }

    /// <summary>share (stacked % of posts) or volume (stacked counts): a view setting kept in the URL.</summary>
    public string Mode { get; private set; } = "share";

    /// <summary>The KPI fragment of the current view.</summary>
    public string KpisUrl => Link("/", new Dictionary<string, string?> { ["handler"] = "kpis" }, includeTheme: false);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        Mode = CurrentQueryValue("mode") == "volume" ? "volume" : "share";
    }

    /// <summary>The KPI cards (and the empty-range notice) as an HTML fragment.</summary>
    public async Task<IActionResult> OnGetKpisAsync(CancellationToken ct)
    {
        await ResolveAsync(ct);
        if (!Scope.IsValid) return BadRequest();
        Summary = await summary.QueryAsync(Filter with { Theme = null }, ct);
        return Partial("_OverviewKpis", this);
    }
}

using System.Globalization;
using GenAITrends.Core.Analytics;
using GenAITrends.Web.Api;
using GenAITrends.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace GenAITrends.Web.Pages.Shared;

/// <summary>
/// What every dashboard page shares: the query string resolved into a filter (all state lives in the URL),
/// the language list for the picker, and links that keep the current view.
/// </summary>
public abstract class DashboardPageModel(RollupReader rollups, IAuthorizationService authorization) : PageModel
{
    public DashboardScope Scope { get; private set; } = null!;
    public TrendFilter Filter => Scope.Filter;
    public IReadOnlyList<(string Lang, long Posts)> Languages { get; private set; } = [];
    public bool CanSeePosts { get; private set; }

    protected RollupReader Rollups => rollups;

    protected async Task ResolveAsync(CancellationToken ct, string? theme = null, string defaultRange = "all")
    {
        var query = DashboardQuery.FromQueryString(Request.Query);
        if (theme is not null) query.Theme = theme;
        Scope = await query.ResolveAsync(rollups, ct, defaultRange);
        Languages = await rollups.LanguagesAsync(ct);
        CanSeePosts = (await authorization.AuthorizeAsync(User, Policies.Posts)).Succeeded;
    }

    /// <summary>A URL with the current view's filter (dates resolved) plus overrides; a null value removes a key.</summary>
    public string Link(string path, IDictionary<string, string?>? overrides = null, bool includeTheme = true)
    {
        var q = Scope.ToQuery(includeTheme);
        if (overrides is not null)
            foreach (var (k, v) in overrides) q[k] = v;
        var kept = q.Where(kv => !string.IsNullOrEmpty(kv.Value)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return QueryHelpers.AddQueryString(path, kept);
    }

    public string CurrentQueryValue(string key) => Request.Query[key].ToString();

    public static string Number(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    public static string Percent(double share) => (share * 100).ToString(share < 0.1 ? "0.0" : "0", CultureInfo.InvariantCulture) + "%";
    public static string Sentiment(double? mean) => mean is { } m ? m.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

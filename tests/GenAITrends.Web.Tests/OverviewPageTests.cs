using System.Net;
using System.Text.RegularExpressions;
using GenAITrends.Web.Tests.Infrastructure;

namespace GenAITrends.Web.Tests;

/// <summary>
/// The overview page does not wait for its key figures: it carries placeholders and the URL of the KPI fragment,
/// preloads the chart data and loads no Bootstrap JavaScript. Fixture as in DashboardApiTests (25 posts by alice,
/// bob and carol, Jan 1–8 2024).
/// </summary>
public sealed partial class OverviewPageTests(SeededDashboardApp fixture) : IClassFixture<SeededDashboardApp>
{
    private readonly HttpClient _analyst = fixture.App.ClientAs("Analyst");

    [GeneratedRegex("data-fragment=\"([^\"]+)\"")]
    private static partial Regex FragmentUrl();

    private async Task<string> Get(string url)
    {
        var response = await _analyst.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Page_renders_placeholders_and_the_fragment_fills_the_key_figures()
    {
        var page = await Get("/?from=2024-01-01&to=2024-01-14");
        Assert.Contains("data-kpi=\"posts\">&#x2026;<", page); // "…", HTML-encoded
        Assert.Contains("<link rel=\"preload\" href=\"/api/trends/share?from=2024-01-01&amp;to=2024-01-14&amp;granularity=day&amp;weighting=posts\" as=\"fetch\" crossorigin=\"anonymous\" />", page);
        Assert.Contains("/api/trends/sentiment?from=2024-01-01&amp;to=2024-01-14", page);
        Assert.DoesNotContain("bootstrap.bundle", page);
        Assert.Matches("<script src=\"/lib/chartjs/chart\\.umd\\.min\\.[a-z0-9]+\\.js\" defer>", page);

        var url = WebUtility.HtmlDecode(FragmentUrl().Match(page).Groups[1].Value);
        Assert.StartsWith("/?from=2024-01-01&to=2024-01-14", url);
        Assert.Contains("handler=kpis", url);
        var kpis = await Get(url);
        Assert.Contains("data-kpi=\"posts\">25<", kpis);
        Assert.Contains("data-kpi=\"authors\">3<", kpis);
        Assert.Contains("aria-busy=\"false\"", kpis);
        Assert.DoesNotContain("data-fragment", kpis);
        Assert.DoesNotContain("<html", kpis);
        Assert.DoesNotContain("data-empty-state", kpis);
    }

    [Fact]
    public async Task Fragment_of_an_empty_range_says_so_and_an_invalid_range_is_refused()
    {
        var kpis = await Get("/?from=2025-01-01&to=2025-01-31&handler=kpis");
        Assert.Contains("data-empty-state", kpis);
        Assert.Contains("data-kpi=\"posts\">0<", kpis);
        Assert.Equal(HttpStatusCode.BadRequest, (await _analyst.GetAsync("/?from=2024-02-01&to=2024-01-01&handler=kpis")).StatusCode);
    }
}

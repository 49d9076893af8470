using System.Diagnostics;
using System.Text.Json;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GenAITrends.Web.Tests.Browser;

public sealed class OverviewBrowserTests(BrowserApp browser, ITestOutputHelper output) : IClassFixture<BrowserApp>
{
    private const string Jan = "from=2024-01-01&to=2024-01-14&granularity=day";

    private async Task<JsonElement> Api(string url)
    {
        using var client = browser.App.ClientAs("Analyst");
        return JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
    }

    private static Task WaitForCharts(IPage page) =>
        page.WaitForFunctionAsync("() => [...document.querySelectorAll('canvas[data-chart]')].every(c => c.dataset.ready)");

    private static async Task<double?[][]> Datasets(IPage page, string canvasId) =>
        await page.EvaluateAsync<double?[][]>(
            "id => Chart.getChart(id).data.datasets.filter(d => !d.isSpikes).map(d => d.data.map(p => p.y))", canvasId);

    private static async Task Shot(IPage page, string name)
    {
        await page.WaitForTimeoutAsync(400); // let Chart.js finish its short entry animation
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserApp.ScreenshotDir, name + ".png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Overview_charts_show_the_api_numbers_change_with_the_range_and_lead_to_the_posts()
    {
        var (context, page, problems) = await browser.NewPageAsync();
        await using var _ = context;
        var clock = Stopwatch.StartNew();
        await page.GotoAsync($"{browser.BaseUrl}/?{Jan}");
        await WaitForCharts(page);
        var drawnMs = clock.ElapsedMilliseconds;
        // Bytes on the wire as the browser counts them (compressed bodies + headers), per resource.
        var transfers = await page.EvaluateAsync<string[]>("""
            () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
                    .map(e => e.transferSize + ' ' + e.name + ' enc=' + e.encodedBodySize + ' dec=' + e.decodedBodySize)
            """);
        var bytes = transfers.Sum(t => long.Parse(t.Split(' ')[0]));
        output.WriteLine($"overview drawn in {drawnMs} ms (cold app), {bytes / 1024} KB transferred");
        foreach (var t in transfers) output.WriteLine("  " + t);

        // The 100% stacked chart draws each theme's part of the API's theme counts per bucket.
        var share = await Api($"/api/trends/share?{Jan}");
        var drawn = await Datasets(page, "share-chart");
        var series = share.GetProperty("series").EnumerateArray().ToList();
        var counts = series.Select(s => s.GetProperty("counts").EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToList();
        Assert.Equal(series.Count, drawn.Length);
        for (int k = 0; k < series.Count; k++)
            for (int i = 0; i < 14; i++)
            {
                var mentions = counts.Sum(c => c[i]);
                Assert.Equal(mentions == 0 ? 0 : counts[k][i] * 100 / mentions, drawn[k][i]!.Value, 9);
            }
        Assert.Equal(100 * 10.0 / 21, drawn[3][7]!.Value, 9);   // Jan 8: cloud 10 of 21 mentions (10 cloud, 10 security, 1 regulation)
        var spikes = await page.EvaluateAsync<int>("() => Chart.getChart('share-chart').data.datasets.find(d => d.isSpikes).data.length");
        Assert.Equal(1, spikes);

        var sentiment = await Api($"/api/trends/sentiment?{Jan}");
        var drawnSentiment = await Datasets(page, "sentiment-chart");
        var sentimentSeries = sentiment.GetProperty("series").EnumerateArray().ToList();
        for (int k = 0; k < sentimentSeries.Count; k++)
            Assert.Equal(sentimentSeries[k].GetProperty("mean").EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? (double?)null : x.GetDouble()), drawnSentiment[k]);
        Assert.Equal("GenAI in the cloud", await page.Locator("#share-chart").EvaluateAsync<string>("c => Chart.getChart(c).data.datasets[3].label"));
        await Shot(page, "overview-desktop");

        // The "show data as table" alternative holds the same figures.
        await page.Locator("details summary").First.ClickAsync();
        Assert.Equal(14, await page.Locator("[data-table-for='share-chart'] tbody tr").CountAsync());

        // Volume mode stacks the counts.
        await page.ClickAsync("[data-mode-link='volume']");
        await page.WaitForFunctionAsync("() => location.search.includes('mode=volume') && document.readyState === 'complete'");
        await WaitForCharts(page);
        Assert.Equal(series[3].GetProperty("counts").EnumerateArray().Select(x => (double?)x.GetDouble()), (await Datasets(page, "share-chart"))[3]);
        await Shot(page, "overview-volume");

        // A preset range (last 30 days of data: 2023-12-10 … 2024-01-08) redraws the charts.
        await page.SelectOptionAsync("#f-range", "30d");
        await page.WaitForFunctionAsync("() => location.search.includes('range=30d') && document.readyState === 'complete'");
        await WaitForCharts(page);
        var lastMonth = await Api("/api/trends/share?from=2023-12-10&to=2024-01-08&granularity=day");
        var redrawn = await Datasets(page, "share-chart");
        Assert.Equal(30, redrawn[0].Length);
        Assert.Equal(lastMonth.GetProperty("series")[3].GetProperty("counts").EnumerateArray().Select(x => (double?)x.GetDouble()), redrawn[3]);

        // Back to January by day, share mode; click inside the cloud band on Jan 8.
        await page.GotoAsync($"{browser.BaseUrl}/?{Jan}");
        await WaitForCharts(page);
        // Points move during Chart.js's entry animation: wait until the chart is still before clicking one.
        await page.WaitForFunctionAsync("() => { const c = Chart.getChart('share-chart'); return c && !c.animating; }");
        await page.WaitForTimeoutAsync(600);
        var point = await page.EvaluateAsync<double[]>("""
            () => {
              const c = Chart.getChart('share-chart'), r = c.canvas.getBoundingClientRect();
              const top = c.getDatasetMeta(3).data[7], below = c.getDatasetMeta(2).data[7];
              return [r.left + top.x, r.top + (top.y + below.y) / 2];
            }
            """);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await page.WaitForFunctionAsync("() => location.pathname === '/posts' && document.readyState === 'complete'");
        Assert.Contains("theme=cloud", page.Url);
        Assert.Contains("from=2024-01-08", page.Url);
        Assert.Contains("to=2024-01-08", page.Url);
        Assert.Equal(10, await page.Locator("[data-posts-table] tbody tr").CountAsync());
        await Shot(page, "posts-after-click");

        Assert.Empty(problems);
        // The page's own responses (HTML, API data, our scripts and styles) stay small, and the whole page is
        // within the 400 KB budget: this build output serves Bootstrap CSS and Chart.js pre-compressed
        // (ReloadStaticAssetsAtRuntime off, docs/configuration.md) and loads no Bootstrap JS.
        var own = transfers.Where(t => !t.Contains("/lib/")).Sum(t => long.Parse(t.Split(' ')[0]));
        Assert.True(own < 100 * 1024, $"overview's own responses took {own / 1024} KB");
        Assert.True(bytes < 400 * 1024, $"overview took {bytes / 1024} KB");
        Assert.DoesNotContain(transfers, t => t.Contains("bootstrap.bundle"));
    }

    [ChromiumFact]
    public async Task Theme_influencers_and_posts_pages_render_on_a_phone_and_a_laptop()
    {
        var (context, page, problems) = await browser.NewPageAsync("Admin", 390, 844);
        await using var _ = context;
        await page.GotoAsync($"{browser.BaseUrl}/?{Jan}");
        await WaitForCharts(page);
        await Shot(page, "overview-phone");

        await page.GotoAsync($"{browser.BaseUrl}/themes/cloud?{Jan}");
        await WaitForCharts(page);
        Assert.Equal("GenAI in the cloud", (await page.Locator("h1").InnerTextAsync()).Trim());
        await Shot(page, "theme-phone");

        var (laptop, wide, wideProblems) = await browser.NewPageAsync("Manager");
        await using var __ = laptop;
        await wide.GotoAsync($"{browser.BaseUrl}/themes/cloud?{Jan}");
        await WaitForCharts(wide);
        Assert.Contains("carol", await wide.Locator("section:has(h2:text('Top influencers by posts')) table").InnerTextAsync());
        await Shot(wide, "theme-desktop");
        await wide.GotoAsync($"{browser.BaseUrl}/influencers?{Jan}&theme=cloud");
        Assert.Equal(2, await wide.Locator("table tbody tr").CountAsync());
        await Shot(wide, "influencers-desktop");
        // Managers see no posts: no Posts link, no click-through.
        Assert.Equal(0, await wide.Locator("nav a[href='/posts']").CountAsync());

        await page.GotoAsync($"{browser.BaseUrl}/posts?q=ley&range=all");
        Assert.Equal(1, await page.Locator("[data-posts-table] tbody tr").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await page.Locator(".post-text").First.InnerTextAsync());
        await Shot(page, "posts-phone");

        await wide.GotoAsync($"{browser.BaseUrl}/?from=2025-01-01&to=2025-01-31");
        await WaitForCharts(wide);
        Assert.Contains("No posts in this range", await wide.Locator("[data-empty-state]").InnerTextAsync());
        await Shot(wide, "overview-empty");

        Assert.Empty(problems);
        Assert.Empty(wideProblems);
    }
}

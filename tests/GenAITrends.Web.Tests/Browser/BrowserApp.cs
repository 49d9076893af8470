using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GenAITrends.Web.Tests.Browser;

/// <summary>The fixture app on a loopback Kestrel port and one headless Debian chromium, shared by the browser tests.</summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public DashboardApp App { get; } = new() { Environment = "Production" };
    public string BaseUrl { get; private set; } = "";
    public IBrowser? Browser { get; private set; }
    private IPlaywright? _playwright;

    public static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath)) return;
        App.UseKestrel(0);
        await App.ImportAsync("dashboard-fixture.csv");
        using var client = App.CreateClient();
        BaseUrl = client.BaseAddress!.ToString().TrimEnd('/');
        Directory.CreateDirectory(ScreenshotDir);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A page signed in with a role (the test authentication handler reads the header).</summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Problems)> NewPageAsync(string role = "Analyst", int width = 1366, int height = 900)
    {
        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ExtraHTTPHeaders = new Dictionary<string, string> { [TestAuthHandler.RoleHeader] = role },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        // Script errors and Content-Security-Policy violations both surface here.
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);
        return (context, page, problems);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        App.Dispose();
    }
}

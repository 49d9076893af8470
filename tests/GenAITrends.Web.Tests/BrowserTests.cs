using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GenAITrends.Web.Tests;

/// <summary>
/// A person's path through the admin pages in a real browser (Debian's Chromium, driven by Playwright) against
/// the app on a loopback Kestrel port: sign in, upload, watch the progress reach done, find it in the history,
/// open its details. Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class BrowserTests(ITestOutputHelper output) : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private sealed class KestrelFactory : TrendsAppFactory
    {
        // Plain HTTP on loopback: cookies may not be Secure-only here (production keeps them so).
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Auth:AllowInsecureHttp", "true")];
    }

    private readonly KestrelFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    public static string ScreenshotDirectory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GenAITrends.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        }
    }

    /// <summary>A fact that reports itself skipped, with the reason, where Chromium is missing.</summary>
    public sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            if (!File.Exists(Chromium)) Skip = $"{Chromium} is not installed (apt-get install -y chromium): the browser test cannot run.";
        }
    }

    [ChromiumFact]
    public async Task Admin_signs_in_uploads_a_file_watches_it_finish_and_finds_it_in_the_history()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        await _factory.EnsureUsersAsync();
        var baseUrl = _factory.ClientOptions.BaseAddress.ToString().TrimEnd('/');
        output.WriteLine($"app at {baseUrl}");
        Directory.CreateDirectory(ScreenshotDirectory);
        var csv = Path.Combine(_factory.Directory, "browser-upload.csv");
        await File.WriteAllBytesAsync(csv, TestCsv.Mixed(9000, 60, "browser"));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };

        await page.GotoAsync(baseUrl + "/admin/imports");
        Assert.Contains("/Account/Login", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "login.png"), FullPage = true });

        await page.FillAsync("input[name='Input.Email']", TrendsAppFactory.AdminEmail);
        await page.FillAsync("input[name='Input.Password']", TrendsAppFactory.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => u.EndsWith("/admin/imports"));

        await page.SetInputFilesAsync("#file-input", csv);
        var panel = page.Locator(".import-panel").First;
        await Assertions.Expect(panel.Locator(".import-line")).ToContainTextAsync("Done: 62 rows → 60 imported, 0 updated, 1 duplicates, 1 rejected.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#import-history-rows tr").First).ToContainTextAsync("browser-upload.csv");
        await Assertions.Expect(page.Locator("#import-history-rows tr").First.Locator(".import-status")).ToHaveTextAsync("succeeded");
        await page.WaitForTimeoutAsync(800); // let the progress bar's width transition finish
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "imports.png"), FullPage = true });

        // A file over the limit is refused in the browser, before any upload.
        await page.ClickAsync("#import-history-rows tr >> a");
        await page.WaitForURLAsync(u => u.EndsWith("/details"));
        await Assertions.Expect(page.Locator("#rejected-rows")).ToContainTextAsync("broken row");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, "details.png"), FullPage = true });

        Assert.True(consoleErrors.Count == 0, "Browser console errors (a CSP violation would show here): " + string.Join("\n", consoleErrors));
    }
}

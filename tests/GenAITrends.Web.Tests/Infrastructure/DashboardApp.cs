using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using GenAITrends.Core.Ingestion;
using GenAITrends.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging.Abstractions;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>
/// The real web app on a temporary SQLite file (no sample seeding), signed in through <see cref="TestAuthHandler"/>,
/// with the fixture imported by the real importer. Pages are served under a strict Content-Security-Policy.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    public const string Csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-web-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_dir, "dashboard.db");
    public string ConnectionString => $"Data Source={DatabasePath}";

    /// <summary>Development by default; the browser tests run Production, where static assets are served pre-compressed.</summary>
    public string Environment { get; init; } = "Development";

    public DashboardApp() => Directory.CreateDirectory(_dir);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseStaticWebAssets(); // outside Development too (the app runs from its build output, not a publish)
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Seed:SampleData", "false");
        // Browser tests talk plain HTTP on loopback: let secure-only cookies (antiforgery, auth) work there.
        builder.UseSetting("Auth:AllowInsecureHttp", "true");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_dir, "logs", "web-.log"));
        builder.ConfigureTestServices(services =>
        {
            services.UseOnlyScheme<TestAuthHandler>(TestAuthHandler.SchemeName);
            services.AddSingleton<IStartupFilter, StrictCspStartupFilter>();
        });
    }

    public HttpClient ClientAs(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
        if (role is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.RoleHeader, role);
        return client;
    }

    /// <summary>Imports a fixture file through the real importer with the marker annotator.</summary>
    public async Task<ImportResult> ImportAsync(string fixture)
    {
        StartServer(); // the app migrates the database on start
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", fixture);
        var importer = new PostImporter(Services.GetRequiredService<TrendsDatabase>().ConnectionString, new MarkerAnnotator(), NullLogger<PostImporter>.Instance);
        var result = await importer.ImportAsync(new ImportRequest(path));
        Assert.True(result.Succeeded, result.Error);
        return result;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Sends the Content-Security-Policy the dashboard must work under (scripts only from self, nothing inline).</summary>
internal sealed class StrictCspStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Response.Headers.ContentSecurityPolicy = DashboardApp.Csp;
            return nextMiddleware();
        });
        next(app);
    };
}

using GenAITrends.Core.Accounts;
using GenAITrends.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Production environment, so HTTPS-only cookies, HSTS and the error page are as deployed)
/// over a real SQLite file in a temporary folder, without sample data, with one account per role.
/// </summary>
public class TrendsAppFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd!";
    public const string AdminEmail = "admin@test.local";
    public const string AnalystEmail = "analyst@test.local";
    public const string ManagerEmail = "manager@test.local";

    public static readonly IReadOnlyDictionary<string, string> EmailOfRole = new Dictionary<string, string>
    {
        [AccountRoles.Admin] = AdminEmail,
        [AccountRoles.Analyst] = AnalystEmail,
        [AccountRoles.Manager] = ManagerEmail,
    };

    public string Directory { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "genaitrends-webtests-" + Guid.NewGuid().ToString("N")[..10]);
    public string DatabasePath => System.IO.Path.Combine(Directory, "trends.db");
    public string ConnectionString => Services.GetRequiredService<TrendsDatabase>().ConnectionString;

    /// <summary>Extra settings a test class needs (limits, …).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    private bool _usersCreated;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        System.IO.Directory.CreateDirectory(Directory);
        builder.UseEnvironment("Production");
        builder.UseStaticWebAssets(); // as Development does: files such as the scoped-CSS bundle are still in obj/, not in a publish folder
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Seed:SampleData", "false");
        builder.UseSetting("Seed:AdminEmail", AdminEmail);
        builder.UseSetting("Seed:AdminPassword", Password);
        builder.UseSetting("Auth:LoginAttemptsPerMinute", "1000");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", System.IO.Path.Combine(Directory, "logs", "web-.log"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>Starts the app (if not yet) and adds the analyst and manager accounts.</summary>
    public async Task EnsureUsersAsync()
    {
        StartServer(); // (once) starts the host: migrations and the admin seed run
        if (_usersCreated) return;
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        if (await accounts.FindAsync(AnalystEmail) is null) await accounts.AddAsync(AnalystEmail, AccountRoles.Analyst, Password);
        if (await accounts.FindAsync(ManagerEmail) is null) await accounts.AddAsync(ManagerEmail, AccountRoles.Manager, Password);
        _usersCreated = true;
    }

    /// <summary>
    /// A client on https://trends.test (HTTPS so Secure cookies flow; not localhost, which HSTS leaves out)
    /// that keeps cookies and does not follow redirects.
    /// </summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://trends.test"),
        HandleCookies = true,
    });

    public async Task<HttpClient> SignedInClientAsync(string role)
    {
        await EnsureUsersAsync();
        var client = NewClient();
        var response = await client.SignInAsync(EmailOfRole[role], Password);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        }
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;

namespace GenAITrends.Web.Tests.Reports;

/// <summary>Signs in a user whose role is the X-Test-Role header; no header, no user.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string Header = "X-Test-Role";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var role) || string.IsNullOrEmpty(role)) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "test-" + role), new Claim(ClaimTypes.Role, role!)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public sealed class SnapshotEndpointTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-web-report-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly WebApplicationFactory<Program> _factory;

    public SnapshotEndpointTests()
    {
        Directory.CreateDirectory(_dir);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(_dir, "web.db")}");
            b.UseSetting("Seed:SampleData", "false");
            b.ConfigureTestServices(s => s
                .AddAuthentication(o => { o.DefaultScheme = TestAuthHandler.SchemeName; o.DefaultChallengeScheme = TestAuthHandler.SchemeName; })
                .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, _ => { }));
        });
    }

    private HttpClient Client(string? role)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (role is not null) client.DefaultRequestHeaders.Add(TestAuthHandler.Header, role);
        return client;
    }

    [Theory]
    [InlineData("Manager")]
    [InlineData("Admin")]
    public async Task Managers_and_admins_download_the_pdf_as_an_attachment_named_by_period(string role)
    {
        var response = await Client(role).GetAsync("/reports/snapshot.pdf?from=2024-01-01&to=2024-03-31&granularity=week&lang=en&theme=cloud");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Contains("2024-01-01_2024-03-31", disposition.FileName ?? disposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using var doc = PdfDocument.Open(bytes);
        var text = string.Join(" ", doc.GetPages().Select(p => p.Text));
        Assert.Contains("No posts match this view", text.Replace("  ", " "));  // the database is empty
        Assert.Contains("language: en", text);
    }

    [Fact]
    public async Task Analysts_are_forbidden()
    {
        var response = await Client("Analyst").GetAsync("/reports/snapshot.pdf");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_users_must_sign_in()
    {
        var response = await Client(null).GetAsync("/reports/snapshot.pdf");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2024-02-01&to=2024-01-01")]
    [InlineData("granularity=hour")]
    [InlineData("theme=weather")]
    [InlineData("paper=A3")]
    public async Task Bad_parameters_are_a_400(string query)
    {
        var response = await Client("Manager").GetAsync("/reports/snapshot.pdf?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public void Dispose()
    {
        _factory.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Infrastructure;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GenAITrends.Web.Tests.Reliability;

/// <summary>
/// The real web app on a temporary SQLite file (no sample seeding), every request signed in as an Admin.
/// With <paramref name="kestrel"/> it is served by Kestrel bound to 127.0.0.1 on a free port (never any
/// other address); otherwise by the in-memory test server. Request logging is turned down to warnings so a
/// load test measures the API rather than the console sink.
/// </summary>
public sealed class ReliabilityApp(bool kestrel = false) : WebApplicationFactory<Program>
{
    private readonly string _dir = CreateFolder();

    public string Folder => _dir;
    public string DatabasePath => Path.Combine(_dir, "reliability.db");

    /// <summary>The connection string the app resolved (the same file the tests import into).</summary>
    public string ConnectionString => Services.GetRequiredService<TrendsDatabase>().ConnectionString;

    private static string CreateFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "genaitrends-web-tests", "reliability-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (kestrel)
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.UseSetting("ConnectionStrings:Default", $"Data Source={DatabasePath}");
        builder.UseSetting("Seed:SampleData", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:WriteTo:1:Args:path", Path.Combine(_dir, "logs", "web-.log"));
        builder.ConfigureTestServices(services =>
        {
            services.UseOnlyScheme<AlwaysAdminHandler>(AlwaysAdminHandler.SchemeName);
        });
    }

    /// <summary>Starts Kestrel and returns its base address, checked to be http://127.0.0.1:port.</summary>
    public Uri StartLoopbackServer()
    {
        if (!kestrel) throw new InvalidOperationException("Created without Kestrel.");
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var uri = new Uri(address);
        if (uri.Host != "127.0.0.1" || uri.Scheme != "http")
            throw new InvalidOperationException($"The test server must listen on http://127.0.0.1 only, not {address}.");
        return uri;
    }

    /// <summary>Imports a file into the app's database with the real importer and the app's keyword tagger.</summary>
    public async Task<ImportResult> ImportAsync(string path, CancellationToken ct = default)
    {
        _ = Services; // the host has started and migrated the database
        var importer = new PostImporter(ConnectionString, new KeywordAnnotator(), NullLogger<PostImporter>.Instance);
        return await importer.ImportAsync(new ImportRequest(path), null, ct);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Signs every request in as an Admin (stands in for the Identity cookie being built on the auth branch).</summary>
public sealed class AlwaysAdminHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ReliabilityAdmin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "reliability-admin"), new Claim(ClaimTypes.Role, Roles.Admin)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>The reliability web tests run alone: a load test and a timing-sensitive read/write race must not share the CPU with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability (alone)";
}

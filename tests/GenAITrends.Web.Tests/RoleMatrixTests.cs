using System.Net;
using GenAITrends.Core.Accounts;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GenAITrends.Web.Tests;

/// <summary>
/// Every page and endpoint the app maps (read from its EndpointDataSource, so a new one is covered without
/// touching this test): anonymous → login redirect (pages) or 401 (APIs); a role its policy leaves out → 403;
/// a role it allows → success. The allowed roles come from the endpoint's own authorization metadata.
/// </summary>
public sealed class RoleMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{

    private readonly TrendsAppFactory _factory = new();
    private long _batchId;

    /// <summary>Endpoints open to everyone, on purpose. Anything else marked [AllowAnonymous] fails the test.</summary>
    private static readonly string[] AnonymousAllowed = ["/Account/Login", "/Account/Logout", "/Account/AccessDenied", "/Error", "/healthz", "/css/themes.css"];

    public async Task InitializeAsync()
    {
        await _factory.EnsureUsersAsync();
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var status = await admin.UploadAndWaitAsync("matrix.csv", TestCsv.Mixed(1000, 20));
        _batchId = status.GetProperty("id").GetInt64();
    }

    public Task DisposeAsync()
    {
        _factory.Dispose();
        return Task.CompletedTask;
    }

    private sealed record Target(string Url, string Method, bool IsPage, AuthorizationPolicy? Policy, string DisplayName);

    private async Task<List<Target>> EndpointsAsync()
    {
        var sources = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        var policyProvider = _factory.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var targets = new List<Target>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue; // checked in Anonymous_endpoints_are_only_the_intended_ones
            if (IsFileFallback(endpoint)) continue;
            var isPage = endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policy = await AuthorizationPolicy.CombineAsync(policyProvider,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            var url = Fill(endpoint.RoutePattern);
            foreach (var method in methods.Where(m => m != "HEAD" && m != "OPTIONS"))
                targets.Add(new Target(url, method, isPage, policy, $"{method} {url} ({endpoint.DisplayName})"));
        }
        Assert.NotEmpty(targets);
        return [.. targets.DistinctBy(t => (t.Url, t.Method))];
    }

    /// <summary>A catch-all {**path:file} fallback (static files' development fallback): not a page or an API.</summary>
    private static bool IsFileFallback(RouteEndpoint e) =>
        e.RoutePattern.Parameters.Any(p => p.IsCatchAll && p.ParameterPolicies.Any(x => x.Content == "file"));

    /// <summary>Route parameters get values that exist: ids of the import made in InitializeAsync, else a plausible value per constraint.</summary>
    private string Fill(RoutePattern pattern)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = _batchId.ToString(), ["batchId"] = _batchId.ToString(), ["importId"] = _batchId.ToString(),
            ["theme"] = "1", ["author"] = "user1", ["handle"] = "user1", ["day"] = "2025-03-01", ["date"] = "2025-03-01",
            ["documentName"] = "v1",
        };
        // Theme pages are addressed by theme id, not by a number.
        if (pattern.RawText?.StartsWith("themes/", StringComparison.OrdinalIgnoreCase) == true) values["id"] = "ai_video";
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart l => l.Content,
            RoutePatternSeparatorPart s => s.Content,
            RoutePatternParameterPart p when values.TryGetValue(p.Name, out var v) => v,
            RoutePatternParameterPart p when p.Default is not null => p.Default.ToString(),
            RoutePatternParameterPart p when p.IsOptional => "",
            RoutePatternParameterPart p when p.ParameterPolicies.Any(x => x.Content is "int" or "long") => "1",
            _ => "x",
        })));
        return "/" + string.Join('/', segments.Where(s => s.Length > 0));
    }

    /// <summary>Which roles the combined policy admits; null policy means the fallback (any signed-in user).</summary>
    private static IReadOnlyList<string> AllowedRoles(AuthorizationPolicy? policy)
    {
        var allowed = AccountRoles.All.ToList();
        foreach (var requirement in policy?.Requirements ?? [])
        {
            switch (requirement)
            {
                case RolesAuthorizationRequirement roles: allowed.RemoveAll(r => !roles.AllowedRoles.Contains(r)); break;
                case DenyAnonymousAuthorizationRequirement: break;
                default: throw new InvalidOperationException($"The role matrix does not know the requirement {requirement.GetType().Name}: teach it.");
            }
        }
        return allowed;
    }

    [Fact]
    public async Task Every_endpoint_names_a_policy_or_role()
    {
        var missing = (await EndpointsAsync()).Where(t => t.Policy is null).Select(t => t.DisplayName).ToList();
        Assert.True(missing.Count == 0, "Endpoints relying only on the fallback policy (add [Authorize(Policy = Policies.X)] or .RequireAuthorization(Policies.X)):\n" + string.Join("\n", missing));
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_login_or_get_401()
    {
        using var client = _factory.NewClient();
        var failures = new List<string>();
        foreach (var t in await EndpointsAsync())
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(t.Method), t.Url));
            var ok = t.IsPage
                ? response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/Login")
                : response.StatusCode == HttpStatusCode.Unauthorized;
            output.WriteLine($"anonymous {t.DisplayName} → {(int)response.StatusCode} {response.Headers.Location}");
            if (!ok) failures.Add($"{t.DisplayName}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData(AccountRoles.Admin)]
    [InlineData(AccountRoles.Analyst)]
    [InlineData(AccountRoles.Manager)]
    public async Task Each_role_gets_403_where_its_policy_says_no_and_success_where_it_says_yes(string role)
    {
        using var client = await _factory.SignedInClientAsync(role);
        var failures = new List<string>();
        var checkedAllowed = 0;
        foreach (var t in await EndpointsAsync())
        {
            var allowed = AllowedRoles(t.Policy).Contains(role);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(t.Method), t.Url));
            var status = (int)response.StatusCode;
            output.WriteLine($"{role} {t.DisplayName} → {status} (allowed: {allowed})");
            bool ok;
            if (!allowed) ok = status == 403;
            else if (t.Method == "GET") ok = status is >= 200 and < 300 || (status is 301 or 302 && !response.Headers.Location!.ToString().Contains("/Account/"));
            // Writes sent empty: past authorization they fail validation (400) but are never refused (401/403) nor crash.
            else ok = status is not (401 or 403) and < 500;
            if (allowed) checkedAllowed++;
            if (!ok) failures.Add($"{role} {t.DisplayName}: {status}, expected {(allowed ? "success" : "403")}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(checkedAllowed > 0);
    }

    [Fact]
    public async Task Anonymous_endpoints_are_only_the_intended_ones_and_work_signed_out()
    {
        var sources = _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        using var client = _factory.NewClient();
        var failures = new List<string>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null))
        {
            var url = Fill(endpoint.RoutePattern);
            var isStaticFile = endpoint.Metadata.Any(m => m.GetType().FullName!.Contains("StaticAsset", StringComparison.Ordinal));
            if (!isStaticFile && !AnonymousAllowed.Contains(url, StringComparer.OrdinalIgnoreCase))
                failures.Add($"{url} ({endpoint.DisplayName}) allows anonymous access but is not on the list");
            if (isStaticFile && !url.EndsWith(".css") && !url.EndsWith(".js")) continue; // a sample of the static files is enough
            var response = await client.GetAsync(url);
            var expected403 = url.Equals("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase); // that page's status is 403 by design
            if ((int)response.StatusCode is 401 or >= 500 || (response.StatusCode == HttpStatusCode.Forbidden && !expected403) || response.Headers.Location?.ToString().Contains("ReturnUrl") == true)
                failures.Add($"{url}: {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

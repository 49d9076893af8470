using Microsoft.Extensions.Logging;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>
/// Signs a request in as a user with the role named by the X-Test-Role header (none: anonymous).
/// Stands in for ASP.NET Identity's cookie sign-in in tests.
/// </summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string RoleHeader = "X-Test-Role";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var role = Request.Headers[RoleHeader].ToString();
        if (string.IsNullOrEmpty(role)) return Task.FromResult(AuthenticateResult.NoResult());
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, $"test-{role.ToLowerInvariant()}"), new Claim(ClaimTypes.Role, role)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

public static class TestAuthentication
{
    /// <summary>Makes <typeparamref name="THandler"/> the app's only way in: it authenticates, challenges and forbids every request.</summary>
    public static IServiceCollection UseOnlyScheme<THandler>(this IServiceCollection services, string schemeName)
        where THandler : AuthenticationHandler<AuthenticationSchemeOptions>
    {
        services.AddAuthentication(o =>
        {
            o.DefaultScheme = schemeName;
            o.DefaultAuthenticateScheme = schemeName;
            o.DefaultChallengeScheme = schemeName;
            o.DefaultForbidScheme = schemeName;
        }).AddScheme<AuthenticationSchemeOptions, THandler>(schemeName, _ => { });
        return services;
    }
}

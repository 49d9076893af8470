using System.Threading.RateLimiting;
using GenAITrends.Core.Accounts;
using GenAITrends.Core.Posts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Web.Auth;

/// <summary>
/// Identity on the trends database (ADR 001): cookie sign-in, lockout after 5 failures, a rate limit on
/// the login form, and 401/403 instead of redirects for API calls.
/// </summary>
public static class IdentitySetup
{
    public const string LoginRateLimitPolicy = "login";
    public const string LoginPath = "/Account/Login";
    public const string AccessDeniedPath = "/Account/AccessDenied";

    public static WebApplicationBuilder AddTrendsIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddIdentityCore<IdentityUser>(AccountRules.Configure)
            .AddRoles<IdentityRole>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        // Identity's EF stores need change tracking; the app's context is no-tracking for fast reads,
        // so Identity gets its own tracking instance per request (ADR 001).
        services.AddScoped<IdentityDbScope>();
        services.AddScoped<IUserStore<IdentityUser>>(sp => new UserStore<IdentityUser, IdentityRole, TrendsDbContext>(sp.GetRequiredService<IdentityDbScope>().Db));
        services.AddScoped<IRoleStore<IdentityRole>>(sp => new RoleStore<IdentityRole, TrendsDbContext>(sp.GetRequiredService<IdentityDbScope>().Db));
        services.AddScoped<UserAccounts>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "GenAITrends.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = SecuritySetup.CookieSecurity(builder);
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.LoginPath = LoginPath;
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = AccessDeniedPath;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events = new CookieAuthenticationEvents
            {
                OnRedirectToLogin = ctx => Challenge(ctx, StatusCodes.Status401Unauthorized),
                OnRedirectToAccessDenied = ctx => Challenge(ctx, StatusCodes.Status403Forbidden),
            };
        });
        // A changed role or password reaches signed-in sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        var permitPerMinute = builder.Configuration.GetValue("Auth:LoginAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimitPolicy, http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permitPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address: wait a minute and try again.", ct);
            };
        });
        return builder;
    }

    /// <summary>Pages (and unknown paths asked for by a browser) redirect; API calls get the bare status code.</summary>
    private static Task Challenge(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (IsPageRequest(ctx.HttpContext))
        {
            if (apiStatus == StatusCodes.Status403Forbidden)
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden; // rendered by the access-denied status page
            else
                ctx.Response.Redirect(ctx.RedirectUri);
        }
        else
        {
            ctx.Response.StatusCode = apiStatus;
            ctx.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
        }
        return Task.CompletedTask;
    }

    public static bool IsPageRequest(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is not null) return endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null;
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/admin/imports") || path.StartsWithSegments("/reports"))
            return false;
        return http.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>A change-tracking TrendsDbContext for Identity's stores, disposed with the request.</summary>
public sealed class IdentityDbScope(DbContextOptions<TrendsDbContext> options) : IDisposable
{
    public TrendsDbContext Db { get; } = CreateTracking(options);

    private static TrendsDbContext CreateTracking(DbContextOptions<TrendsDbContext> options)
    {
        var db = new TrendsDbContext(options);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.TrackAll;
        return db;
    }

    public void Dispose() => Db.Dispose();
}

using Microsoft.AspNetCore.Diagnostics;

namespace GenAITrends.Web.Auth;

/// <summary>
/// Browser-side hardening: antiforgery cookie settings, security headers on every response (scripts only
/// from this site, no framing, no MIME sniffing) and a 403 page for signed-in users without the role.
/// </summary>
public static class SecuritySetup
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    /// <summary>
    /// Scripts, styles, fonts and fetches only from this site; no inline script, no plugins, no framing.
    /// Pages set element styles from script (allowed); inline style attributes in markup are not.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Cookies are Secure-only, except in Development or with Auth:AllowInsecureHttp=true (a plain-HTTP
    /// loopback run, e.g. the browser tests); production serves HTTPS (redirection and HSTS are on).
    /// </summary>
    public static CookieSecurePolicy CookieSecurity(WebApplicationBuilder builder) =>
        builder.Environment.IsDevelopment() || builder.Configuration.GetValue<bool>("Auth:AllowInsecureHttp")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;

    public static WebApplicationBuilder AddTrendsSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(o =>
        {
            o.HeaderName = AntiforgeryHeader;
            o.Cookie.Name = "GenAITrends.Antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurity(builder);
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }

    public static WebApplication UseTrendsSecurityHeaders(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next();
        });
        return app;
    }

    /// <summary>A page request refused for lack of a role renders /Account/AccessDenied with status 403; other status codes are left alone.</summary>
    public static WebApplication UseTrendsStatusPages(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(IdentitySetup.AccessDeniedPath);
        app.Use(async (context, next) =>
        {
            await next();
            if (context.Response.StatusCode != StatusCodes.Status403Forbidden || !IdentitySetup.IsPageRequest(context))
                context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        });
        return app;
    }
}

using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace GenAITrends.Web.Infrastructure;

public static class HealthEndpoints
{
    /// <summary>GET /healthz: database reachability, no sign-in needed (for load balancers and uptime checks).</summary>
    public static WebApplication MapTrendsHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResponseWriter = async (context, report) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
                    durationMs = report.TotalDuration.TotalMilliseconds,
                }));
            },
        }).AllowAnonymous();
        return app;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using GenAITrends.Core.Analytics;
using GenAITrends.Web.Auth;

namespace GenAITrends.Web.Api;

/// <summary>Composition of the dashboard: analytics services, JSON settings, the OpenAPI document and the data endpoints.</summary>
public static class DashboardApi
{
    public static WebApplicationBuilder AddTrendsDashboard(this WebApplicationBuilder builder)
    {
        builder.Services.AddTrendsAnalytics();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            // Post texts are untrusted: escape HTML-significant characters (<, >, &, ') in JSON too, keep letters of every script readable.
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>GET /api/… (docs/api.md) and /openapi/v1.json.</summary>
    public static WebApplication MapTrendsDashboardApi(this WebApplication app)
    {
        app.MapOpenApi().RequireAuthorization(Policies.Dashboards);
        app.MapThemeStyles();
        var api = app.MapGroup("/api");
        api.MapTrendsApi();
        api.MapInfluencersApi();
        api.MapTermsApi();
        api.MapPostsApi();
        return app;
    }
}

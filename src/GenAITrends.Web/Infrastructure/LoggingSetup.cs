using Serilog;

namespace GenAITrends.Web.Infrastructure;

public static class LoggingSetup
{
    /// <summary>Serilog from appsettings.json (console + rolling file). preserveStaticLogger keeps test hosts apart.</summary>
    public static WebApplicationBuilder AddTrendsLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services), preserveStaticLogger: true);
        return builder;
    }

    public static WebApplication UseTrendsRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging();
        return app;
    }
}

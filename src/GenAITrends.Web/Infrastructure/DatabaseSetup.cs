using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Web.Infrastructure;

/// <summary>The connection string the whole app uses, resolved once (relative paths → repository root).</summary>
public sealed record TrendsDatabase(string ConnectionString);

public static class DatabaseSetup
{
    public static WebApplicationBuilder AddTrendsDatabase(this WebApplicationBuilder builder)
    {
        var connectionString = DatabaseLocation.Resolve(builder.Configuration.GetConnectionString("Default"));
        builder.Services.AddSingleton(new TrendsDatabase(connectionString));
        builder.Services.AddDbContext<TrendsDbContext>(o => o
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor())
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        builder.Services.AddHealthChecks().AddDbContextCheck<TrendsDbContext>("database");
        return builder;
    }
}

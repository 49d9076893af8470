using GenAITrends.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GenAITrends.Core.Analytics;

public static class AnalyticsServices
{
    /// <summary>The analytics queries (scoped, over the scoped TrendsDbContext) and the SQLite text search.</summary>
    public static IServiceCollection AddTrendsAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton<IPostTextSearch, SqliteFtsPostTextSearch>();
        services.TryAddSingleton<IThemeExplainer, KeywordThemeExplainer>();
        services.TryAddSingleton(new DailyRollupCache());
        services.AddScoped<RollupReader>();
        services.AddScoped<ThemeShare>();
        services.AddScoped<ThemeSentiment>();
        services.AddScoped<SpikeDetector>();
        services.AddScoped<PeriodSummary>();
        services.AddScoped<InfluencerBoard>();
        services.AddScoped<RisingTerms>();
        services.AddScoped<PostSearch>();
        services.AddScoped<RepresentativePosts>();
        return services;
    }
}

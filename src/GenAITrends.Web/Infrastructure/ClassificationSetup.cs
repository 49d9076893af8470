using GenAITrends.Core.Classification;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;

namespace GenAITrends.Web.Infrastructure;

public static class ClassificationSetup
{
    /// <summary>The shipped ML.NET models (Models:Directory, default data/models), loaded once; keyword rules if absent.</summary>
    public static WebApplicationBuilder AddTrendsClassification(this WebApplicationBuilder builder)
    {
        var directory = RepositoryPaths.Resolve(builder.Configuration["Models:Directory"] ?? TrendModels.DefaultDirectory);
        builder.Services.AddSingleton<IPostAnnotator>(sp =>
        {
            var annotator = TrendModels.LoadAnnotator(directory);
            var logger = sp.GetRequiredService<ILogger<IPostAnnotator>>();
            if (annotator is KeywordAnnotator)
                logger.LogWarning("No model files in {Directory}: posts are tagged with keyword rules and get no sentiment", directory);
            else
                logger.LogInformation("Loaded models {Version} from {Directory}", annotator.Version, directory);
            return annotator;
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IPostAnnotator>() as ModelAnnotator
            ?? throw new InvalidOperationException($"No trained models in {directory}: theme explanations are unavailable."));
        builder.Services.AddSingleton<GenAITrends.Core.Analytics.IThemeExplainer>(sp =>
            sp.GetRequiredService<IPostAnnotator>() is ModelAnnotator models
                ? new ModelThemeExplainer(models.Themes)
                : new GenAITrends.Core.Analytics.KeywordThemeExplainer());
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

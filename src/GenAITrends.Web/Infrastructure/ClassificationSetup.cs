using GenAITrends.Core.Ingestion;

namespace GenAITrends.Web.Infrastructure;

public static class ClassificationSetup
{
    public static WebApplicationBuilder AddTrendsClassification(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPostAnnotator>(new GenAITrends.Core.Classification.KeywordAnnotator());
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }
}

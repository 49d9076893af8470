namespace GenAITrends.Web.Imports;

public static class ImportsSetup
{
    /// <summary>The upload store, the background queue and its worker (one import at a time).</summary>
    public static WebApplicationBuilder AddTrendsImports(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<ImportOptions>(builder.Configuration.GetSection("Imports"));
        builder.Services.AddSingleton<UploadStore>();
        builder.Services.AddSingleton<ImportQueue>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}

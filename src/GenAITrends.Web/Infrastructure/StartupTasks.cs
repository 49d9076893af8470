using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Storage;

namespace GenAITrends.Web.Infrastructure;

public static class StartupTasks
{
    /// <summary>
    /// Brings the database to the current schema, marks imports interrupted by a previous crash as
    /// failed, and on an empty database imports the sample corpus (Seed:SampleData, default on).
    /// Returns whether the sample corpus was imported on this start.
    /// </summary>
    public static async Task<bool> InitializeTrendsDatabaseAsync(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<TrendsDatabase>();
        var logger = app.Services.GetRequiredService<ILogger<TrendsDatabase>>();
        await DatabaseInitializer.MigrateAsync(db.ConnectionString);
        var interrupted = await ImportBatches.FailInterruptedAsync(db.ConnectionString, TimeProvider.System, default);
        if (interrupted > 0)
            logger.LogWarning("{Count} import(s) interrupted by a previous stop were marked failed", interrupted);

        if (!app.Configuration.GetValue("Seed:SampleData", true)) return false;
        if (await PostCounts.AnyAsync(db.ConnectionString)) return false;

        var sample = RepositoryPaths.Resolve(app.Configuration["Seed:SampleFile"] ?? "data/sample/posts.csv");
        if (!File.Exists(sample))
        {
            logger.LogWarning("Sample data {File} not found; the dashboard starts empty", sample);
            return false;
        }
        var importer = ActivatorUtilities.CreateInstance<PostImporter>(app.Services, db.ConnectionString);
        var result = await importer.ImportAsync(new ImportRequest(sample) { ImportedBy = "sample-data seeding" });
        logger.LogInformation("Seeded sample data from {File}: {Imported} posts ({Status})", sample, result.Imported, result.Status);
        return result.Succeeded;
    }
}

using GenAITrends.Core.Ingestion;
using GenAITrends.Web.Infrastructure;

namespace GenAITrends.Web.Imports;

/// <summary>Runs queued imports one after another and deletes each upload when its import is over.</summary>
public sealed class ImportWorker(ImportQueue queue, UploadStore uploads, TrendsDatabase database, IServiceProvider services, ILogger<ImportWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Uploads left by a previous process belong to imports that were marked failed at startup.
        uploads.DeleteLeftovers();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var item in queue.ReadAllAsync(stoppingToken))
                await RunOneAsync(item, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunOneAsync(QueuedImport item, CancellationToken stoppingToken)
    {
        try
        {
            var importer = ActivatorUtilities.CreateInstance<PostImporter>(services, database.ConnectionString);
            var request = new ImportRequest(item.StoredPath)
            {
                DisplayName = item.DisplayName,
                ImportedBy = item.ImportedBy,
                AllowRepeat = item.AllowRepeat,
                ExistingBatchId = item.BatchId,
            };
            // Cancelled at shutdown: the importer rolls back and records the batch as failed.
            var result = await importer.ImportAsync(request, new DirectProgress(queue.Report), stoppingToken);
            queue.Complete(item.BatchId, result);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Import {BatchId} crashed", item.BatchId);
            var result = new ImportResult { BatchId = item.BatchId, File = item.DisplayName, Status = Core.Posts.ImportStatus.Failed, Error = $"The import crashed: {ex.Message}. Nothing was changed." };
            try { await Core.Storage.ImportBatches.MarkFailedAsync(database.ConnectionString, item.BatchId, result, TimeProvider.System, CancellationToken.None); }
            catch (Exception inner) { logger.LogError(inner, "Could not record the failure of import {BatchId}", item.BatchId); }
            queue.Complete(item.BatchId, result);
        }
        finally
        {
            uploads.Delete(item.StoredPath);
        }
    }

    /// <summary>Reports on the importer's thread; Progress&lt;T&gt; would queue callbacks to the thread pool out of order.</summary>
    private sealed class DirectProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

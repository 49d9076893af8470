using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Tests.Ingestion;

/// <summary>All-or-nothing: an import cancelled half-way leaves no trace but its failed batch row.</summary>
public sealed class CancellationTests
{
    private const int SyntheticPosts = 20_000;

    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    [Fact]
    public async Task Cancelling_mid_import_leaves_the_posts_unchanged_and_the_batch_failed()
    {
        await using var db = await ImportTestDb.CreateAsync(new FixedClock(new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero)));
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        var postsBefore = db.PostCount();
        var authorsBefore = db.Scalar("SELECT count(*) FROM Authors");
        var rollupsBefore = db.Scalar("SELECT count(*) FROM DailyRollups");

        var path = Path.Combine(db.Folder, "synthetic.csv");
        SyntheticExport.Write(path, SyntheticPosts, seed: 42);

        using var cts = new CancellationTokenSource();
        long rowsAtCancel = 0;
        // The first progress report comes after at least 10,000 rows were written inside the transaction.
        var progress = new SynchronousProgress(p =>
        {
            if (rowsAtCancel == 0 && p.RowsRead < SyntheticPosts) { rowsAtCancel = p.RowsRead; cts.Cancel(); }
        });

        var result = await db.Importer().ImportAsync(new ImportRequest(path), progress, cts.Token);

        Assert.InRange(rowsAtCancel, 10_000, SyntheticPosts - 1); // really mid-import
        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal("The import was cancelled; nothing was changed.", result.Error);
        Assert.Equal((0, 0, 0), (result.Imported, result.Updated, result.Duplicates));

        Assert.Equal(postsBefore, db.PostCount());
        Assert.Equal(authorsBefore, db.Scalar("SELECT count(*) FROM Authors"));
        Assert.Equal(rollupsBefore, db.Scalar("SELECT count(*) FROM DailyRollups"));
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM Posts WHERE CreatedByBatchId = {result.BatchId}"));
        Assert.Equal(0, db.Scalar("SELECT count(*) FROM PostsFts WHERE PostsFts MATCH 'synthetic OR honestly OR thread'"));

        var batch = await db.BatchAsync(result.BatchId);
        Assert.Equal(ImportStatus.Failed, batch.Status);
        Assert.Equal(result.Error, batch.Error);

        // Nothing half-done is left in the way: the same file then imports completely.
        var again = await db.ImportOkAsync(path);
        Assert.Equal((SyntheticPosts, SyntheticPosts, 0), (again.Rows, again.Imported, again.Rejected));
        Assert.Null(again.PreviousImportOfSameFile); // a failed import does not count as a previous import
        Assert.Equal(postsBefore + SyntheticPosts, db.PostCount());
    }

    [Fact]
    public async Task An_import_cancelled_before_it_starts_reading_changes_nothing()
    {
        await using var db = await ImportTestDb.CreateAsync();
        await db.ImportOkAsync(Fixtures.Get("Layouts", "canonical.csv"));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        ImportResult? result = null;
        try
        {
            result = await db.Importer().ImportAsync(new ImportRequest(Fixtures.Get("Layouts", "web_scraper.csv")), null, cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Refused before the import began: acceptable, as long as nothing was left behind.
        }

        Assert.Equal(2, db.PostCount());
        if (result is not null) Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Equal(0, db.Scalar($"SELECT count(*) FROM ImportBatches WHERE Status IN ({(int)ImportStatus.Queued}, {(int)ImportStatus.Running})"));
    }
}

using System.Text;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Imports;
using GenAITrends.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Web.Pages.Admin.Imports;

/// <summary>One import: its facts, its rejected rows (also as CSV), and undo.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class DetailsModel(TrendsDbContext db, TrendsDatabase database, ImportQueue queue, ILogger<DetailsModel> logger) : PageModel
{
    public const int RowsShown = 500;

    public ImportBatch Batch { get; private set; } = null!;
    public IReadOnlyList<RejectedRow> RejectedRows { get; private set; } = [];
    public long StoredRejectedRows { get; private set; }
    public long PostsStillFromThisImport { get; private set; }
    public long PostsUpdatedByThisImport { get; private set; }
    public long? PreviousImportOfSameFile { get; private set; }

    [TempData] public string? Message { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return NotFound();
        Batch = batch;
        StoredRejectedRows = await db.RejectedRows.CountAsync(r => r.BatchId == id, ct);
        RejectedRows = await db.RejectedRows.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.LineNumber).Take(RowsShown).ToListAsync(ct);
        if (batch.Status == ImportStatus.Succeeded)
        {
            PostsStillFromThisImport = await db.Posts.CountAsync(p => p.CreatedByBatchId == id, ct);
            PostsUpdatedByThisImport = await db.Posts.CountAsync(p => p.UpdatedByBatchId == id && p.CreatedByBatchId != id, ct);
        }
        if (batch.Sha256 is { } sha)
            PreviousImportOfSameFile = await db.ImportBatches.Where(b => b.Sha256 == sha && b.Id < id && (b.Status == ImportStatus.Succeeded || b.Status == ImportStatus.Undone))
                .OrderBy(b => b.Id).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct);
        PreviousImportOfSameFile ??= queue.Get(id)?.Result?.PreviousImportOfSameFile;
        return Page();
    }

    /// <summary>All stored rejected rows as CSV (line, reason, excerpt), formula-leading cells escaped.</summary>
    public async Task<IActionResult> OnGetCsvAsync(long id, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return NotFound();
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = $"import-{id}-rejected-rows.csv" }.ToString();
        await using var writer = new StreamWriter(Response.Body, CsvCells.Utf8WithBom, 1 << 16);
        await writer.WriteLineAsync(CsvCells.Row("line", "reason", "excerpt"));
        await foreach (var r in db.RejectedRows.AsNoTracking().Where(r => r.BatchId == id).OrderBy(r => r.LineNumber).AsAsyncEnumerable().WithCancellation(ct))
            await writer.WriteLineAsync(CsvCells.Row(r.LineNumber, r.Reason, r.RawExcerpt));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostUndoAsync(long id, CancellationToken ct)
    {
        try
        {
            var result = await ImportUndo.UndoAsync(database.ConnectionString, id, User.Identity?.Name, TimeProvider.System, ct);
            Message = $"Import #{id} was undone: {result.PostsRemoved:N0} posts it created were removed with their themes and rollups." +
                (result.UpdatedPostsKept > 0 ? $" {result.UpdatedPostsKept:N0} posts it only updated keep their newer figures." : "");
            logger.LogInformation("{User} undid import {BatchId}: {Removed} posts removed, {Kept} updated posts kept",
                User.Identity?.Name, id, result.PostsRemoved, result.UpdatedPostsKept);
        }
        catch (ImportUndoException ex)
        {
            ErrorMessage = ex.Message;
        }
        return RedirectToPage(new { id });
    }
}

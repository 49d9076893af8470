using GenAITrends.Core.Posts;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Imports;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Web.Pages.Admin.Imports;

/// <summary>Upload (drag and drop, several files), live progress of queued and running imports, and the history.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(TrendsDbContext db, UploadStore uploads) : PageModel
{
    public const int HistoryRows = 200;

    public IReadOnlyList<ImportBatch> History { get; private set; } = [];
    public long MaxFileBytes => uploads.MaxFileBytes;
    public string MaxFileText => UploadTooLargeException.Format(uploads.MaxFileBytes);

    public async Task OnGetAsync(CancellationToken ct) => History = await LoadHistoryAsync(ct);

    /// <summary>The history table's rows alone, for the page's script to refresh after an import finishes.</summary>
    public async Task<IActionResult> OnGetHistoryAsync(CancellationToken ct)
    {
        History = await LoadHistoryAsync(ct);
        return Partial("_HistoryRows", History);
    }

    private Task<List<ImportBatch>> LoadHistoryAsync(CancellationToken ct) =>
        db.ImportBatches.AsNoTracking().OrderByDescending(b => b.Id).Take(HistoryRows).ToListAsync(ct);
}

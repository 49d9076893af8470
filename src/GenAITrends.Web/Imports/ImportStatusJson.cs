using GenAITrends.Core.Posts;

namespace GenAITrends.Web.Imports;

/// <summary>
/// GET /admin/imports/{id}: the counts of the CLI's `import --json` summary (rows, imported, updated,
/// duplicates, rejected, status) plus progress while it runs.
/// </summary>
public sealed record ImportStatusJson
{
    public long Id { get; init; }
    public required string File { get; init; }
    public required string Status { get; init; }
    public long Rows { get; init; }
    public long Imported { get; init; }
    public long Updated { get; init; }
    public long Duplicates { get; init; }
    public long Rejected { get; init; }
    public string? Error { get; init; }
    public string? Sha256 { get; init; }
    public long SizeBytes { get; init; }
    public string? ImportedBy { get; init; }
    public DateTime StartedAtUtc { get; init; }
    public DateTime? FinishedAtUtc { get; init; }
    public long? DurationMs { get; init; }
    public DateTime? UndoneAtUtc { get; init; }
    public string? UndoneBy { get; init; }
    public long? PreviousImportOfSameFile { get; init; }

    // Progress: rows processed so far, share of the file's bytes read, speed and time left.
    public long RowsRead { get; init; }
    public long BytesRead { get; init; }
    public long TotalBytes { get; init; }
    public double Percent { get; init; }
    public double RowsPerSecond { get; init; }
    public double? EtaSeconds { get; init; }
    public bool Done { get; init; }

    public static string StatusName(ImportStatus s) => s.ToString().ToLowerInvariant();

    public static ImportStatusJson From(ImportBatch b, LiveImport? live, long? previousImport)
    {
        var done = b.Status is ImportStatus.Succeeded or ImportStatus.Failed or ImportStatus.Undone;
        var p = live?.Progress;
        var elapsed = b.FinishedAtUtc is { } f ? f - b.StartedAtUtc : (TimeSpan?)null;
        return new ImportStatusJson
        {
            Id = b.Id,
            File = b.FileName,
            Status = StatusName(b.Status),
            Rows = done ? b.RowsRead : p?.RowsRead ?? 0,
            Imported = b.Imported,
            Updated = b.Updated,
            Duplicates = b.Duplicates,
            Rejected = b.Rejected,
            Error = b.Error,
            Sha256 = b.Sha256,
            SizeBytes = b.SizeBytes,
            ImportedBy = b.ImportedBy,
            StartedAtUtc = b.StartedAtUtc,
            FinishedAtUtc = b.FinishedAtUtc,
            DurationMs = elapsed is { } e ? (long)e.TotalMilliseconds : null,
            UndoneAtUtc = b.UndoneAtUtc,
            UndoneBy = b.UndoneBy,
            PreviousImportOfSameFile = previousImport ?? live?.Result?.PreviousImportOfSameFile,
            RowsRead = done ? b.RowsRead : p?.RowsRead ?? 0,
            BytesRead = done ? b.SizeBytes : p?.BytesRead ?? 0,
            TotalBytes = b.SizeBytes,
            Percent = done ? 100 : Math.Round(p?.Percent ?? 0, 1),
            RowsPerSecond = Math.Round(done ? (elapsed is { TotalSeconds: > 0 } el ? b.RowsRead / el.TotalSeconds : 0) : p?.RowsPerSecond ?? 0),
            EtaSeconds = done ? 0 : p?.Eta is { } eta ? Math.Round(eta.TotalSeconds) : null,
            Done = done,
        };
    }
}

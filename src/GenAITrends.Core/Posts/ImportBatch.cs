namespace GenAITrends.Core.Posts;

public enum ImportStatus : byte
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
    Undone = 4,
}

/// <summary>One import of one file: provenance, outcome and counts.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public string? Sha256 { get; set; }
    public long SizeBytes { get; set; }
    public string? ImportedBy { get; set; }
    public string? Layout { get; set; }
    public DateTime StartedAtUtc { get; set; }
    public DateTime? FinishedAtUtc { get; set; }
    public ImportStatus Status { get; set; }
    public long RowsRead { get; set; }
    public long Imported { get; set; }
    public long Updated { get; set; }
    public long Duplicates { get; set; }
    public long Rejected { get; set; }
    public string? Error { get; set; }
    public DateTime? UndoneAtUtc { get; set; }
    public string? UndoneBy { get; set; }

    public List<RejectedRow> RejectedRows { get; set; } = [];
}

/// <summary>A row the import refused, kept so an admin can see and fix it.</summary>
public sealed class RejectedRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public long LineNumber { get; set; }
    public required string Reason { get; set; }
    public string? RawExcerpt { get; set; }
}

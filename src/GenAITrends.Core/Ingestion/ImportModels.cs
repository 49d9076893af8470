using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Ingestion;

public sealed record ImportRequest(string FilePath)
{
    /// <summary>Name shown in history; defaults to the file's name. Never used as a path.</summary>
    public string? DisplayName { get; init; }
    public string? ImportedBy { get; init; }

    /// <summary>When false, a file whose SHA-256 was already imported successfully is reported and not re-run.</summary>
    public bool AllowRepeat { get; init; } = true;

    /// <summary>Use an existing queued batch row (the web queue creates it at upload time).</summary>
    public long? ExistingBatchId { get; init; }
}

public sealed record ImportProgress(long BatchId, long RowsRead, long BytesRead, long TotalBytes, TimeSpan Elapsed)
{
    public double Percent => TotalBytes == 0 ? 0 : Math.Min(100, 100.0 * BytesRead / TotalBytes);
    public double RowsPerSecond => Elapsed.TotalSeconds <= 0 ? 0 : RowsRead / Elapsed.TotalSeconds;
    public TimeSpan? Eta => BytesRead <= 0 || Elapsed.TotalSeconds < 0.5 ? null
        : TimeSpan.FromSeconds(Elapsed.TotalSeconds * (TotalBytes - BytesRead) / BytesRead);
}

public sealed record RowError(long Line, string Reason);

public sealed record ImportResult
{
    public const int MaxErrorsReported = 100;

    public long BatchId { get; init; }
    public required string File { get; init; }
    public ImportStatus Status { get; init; }
    public long Rows { get; init; }
    public long Imported { get; init; }
    public long Updated { get; init; }
    public long Duplicates { get; init; }
    public long Rejected { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];
    public string? Error { get; init; }
    public string? Sha256 { get; init; }
    public string? Layout { get; init; }
    public string? Encoding { get; init; }
    public char? Delimiter { get; init; }
    public TimeSpan Duration { get; init; }

    /// <summary>Set when the same bytes were imported before (batch id of that import).</summary>
    public long? PreviousImportOfSameFile { get; init; }

    public bool Succeeded => Status == ImportStatus.Succeeded;
}

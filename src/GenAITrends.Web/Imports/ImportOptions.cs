namespace GenAITrends.Web.Imports;

/// <summary>Settings under "Imports" in appsettings.json.</summary>
public sealed class ImportOptions
{
    public const long DefaultMaxFileBytes = 1L << 30;

    /// <summary>Largest accepted upload (Imports:MaxFileBytes, default 1 GB), checked in the browser and on the server.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Folder for uploads waiting for import (default: "uploads" next to the database). Files get generated names and are deleted after import.</summary>
    public string? UploadDirectory { get; set; }
}

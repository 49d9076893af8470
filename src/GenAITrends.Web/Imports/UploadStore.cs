using System.Security.Cryptography;
using GenAITrends.Core.Storage;
using GenAITrends.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace GenAITrends.Web.Imports;

/// <summary>A file written to the upload folder, with what was learnt while writing it.</summary>
public sealed record StoredUpload(string Path, long SizeBytes, string Sha256);

/// <summary>The upload is larger than Imports:MaxFileBytes; what was written so far is already deleted.</summary>
public sealed class UploadTooLargeException(long limit) : Exception($"The file is larger than the limit of {Format(limit)}.")
{
    public long Limit { get; } = limit;

    public static string Format(long bytes) => bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? $"{bytes >> 30} GB"
        : bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.#} MB"
        : bytes >= 1 << 10 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes} bytes";
}

/// <summary>
/// Uploads waiting for import. Names are generated (a GUID): the client's file name is only ever shown,
/// never used as a path. The folder sits next to the database unless Imports:UploadDirectory says otherwise.
/// </summary>
public sealed class UploadStore
{
    private readonly ILogger<UploadStore> _logger;

    public UploadStore(IOptions<ImportOptions> options, TrendsDatabase database, ILogger<UploadStore> logger)
    {
        _logger = logger;
        MaxFileBytes = options.Value.MaxFileBytes;
        Directory = options.Value.UploadDirectory is { Length: > 0 } configured
            ? System.IO.Path.GetFullPath(configured)
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(DatabaseLocation.DataSourcePath(database.ConnectionString))!, "uploads");
    }

    public string Directory { get; }
    public long MaxFileBytes { get; }

    /// <summary>Copies a stream to a new file, hashing as it goes, and stops with <see cref="UploadTooLargeException"/> past the limit.</summary>
    public async Task<StoredUpload> SaveAsync(Stream source, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = System.IO.Path.Combine(Directory, $"{Guid.NewGuid():N}.upload");
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long total = 0;
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, BufferSize = 1 << 16, Options = FileOptions.Asynchronous };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            await using (var target = new FileStream(path, options))
            {
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await source.ReadAsync(buffer, ct)) > 0)
                {
                    total += read;
                    if (total > MaxFileBytes) throw new UploadTooLargeException(MaxFileBytes);
                    sha.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            return new StoredUpload(path, total, Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
        catch
        {
            Delete(path);
            throw;
        }
    }

    public void Delete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException ex)
        {
            _logger.LogWarning(ex, "Could not delete the upload {Path}", path);
        }
    }

    public void DeleteLeftovers()
    {
        if (!System.IO.Directory.Exists(Directory)) return;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "*.upload")) Delete(file);
    }

    /// <summary>A file name fit for display: no folders, no control characters, not too long.</summary>
    public static string DisplayName(string? clientFileName)
    {
        var name = (clientFileName ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        if (name.Length > 200) name = name[..200];
        return name.Length == 0 ? "upload.csv" : name;
    }
}

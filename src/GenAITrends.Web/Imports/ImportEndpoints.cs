using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace GenAITrends.Web.Imports;

/// <summary>
/// POST /admin/imports (multipart, field "file") → 202 {"id"} with a Location; GET /admin/imports/{id} → status JSON.
/// Admin only. The upload streams to disk section by section (no form buffering) and the import runs in the
/// background queue; the request returns as soon as the file is stored.
/// </summary>
public static class ImportEndpoints
{
    public const string FileField = "file";

    public static WebApplication MapTrendsImports(this WebApplication app)
    {
        var group = app.MapGroup("/admin/imports").RequireAuthorization(Policies.Admin);
        group.MapPost("", UploadAsync)
            .DisableAntiforgery() // validated by hand from the header, so that the body is never read as a form
            .WithMetadata(new NoRequestSizeLimit());
        group.MapGet("/{id:long}", StatusAsync).WithName("ImportStatus");
        return app;
    }

    private sealed class NoRequestSizeLimit : Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => null; // the upload enforces Imports:MaxFileBytes itself, while streaming
    }

    private static async Task<IResult> UploadAsync(HttpContext http, IAntiforgery antiforgery, UploadStore uploads, ImportQueue queue,
        TrendsDatabase database, ILogger<ImportQueue> logger, bool? allowRepeat, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            sizeLimit.MaxRequestBodySize = null; // Imports:MaxFileBytes is enforced below, while streaming
        if (!http.Request.Headers.ContainsKey(SecuritySetup.AntiforgeryHeader))
            return Problem(400, $"Missing the {SecuritySetup.AntiforgeryHeader} header (the antiforgery token of the imports page).");
        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return Problem(400, "The antiforgery token is missing or invalid: reload the imports page and try again.");
        }

        if (http.Request.ContentLength is { } length && length > uploads.MaxFileBytes + 64 * 1024)
            return Problem(413, $"The file is larger than the limit of {UploadTooLargeException.Format(uploads.MaxFileBytes)}.");
        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
            return Problem(400, $"Send the file as multipart/form-data in a field named \"{FileField}\".");

        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = 16 * 1024 };
        StoredUpload? stored = null;
        string? clientName = null;
        var repeat = allowRepeat ?? false;
        try
        {
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition.IsFileDisposition() && name == FileField)
                {
                    if (stored is not null)
                    {
                        uploads.Delete(stored.Path);
                        return Problem(400, "Send one file per request.");
                    }
                    clientName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    stored = await uploads.SaveAsync(section.Body, ct);
                }
                else if (disposition.IsFormDisposition() && name == "allowRepeat")
                {
                    using var sr = new StreamReader(section.Body);
                    var value = await sr.ReadToEndAsync(ct);
                    repeat |= value is "true" or "on" or "1";
                }
            }
        }
        catch (UploadTooLargeException ex)
        {
            return Problem(413, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException && !ct.IsCancellationRequested)
        {
            if (stored is not null) uploads.Delete(stored.Path);
            return Problem(400, $"The upload could not be read: {ex.Message}");
        }
        if (stored is null)
            return Problem(400, $"No file: send it in a multipart field named \"{FileField}\".");

        var who = http.User.Identity?.Name ?? "unknown";
        var displayName = UploadStore.DisplayName(clientName);
        var cs = database.ConnectionString;
        var id = await ImportBatches.CreateAsync(cs, displayName, stored.SizeBytes, who, TimeProvider.System, CancellationToken.None);
        await ImportBatches.SetHashAsync(cs, id, stored.Sha256, CancellationToken.None);

        var previous = await ImportBatches.FindSucceededBySha256Async(cs, stored.Sha256, id, CancellationToken.None);
        if (previous is not null && !repeat)
        {
            // Recognised without reading it again: recorded as refused, and the admin may force a re-run.
            uploads.Delete(stored.Path);
            var result = new Core.Ingestion.ImportResult
            {
                BatchId = id, File = displayName, Status = ImportStatus.Failed, Sha256 = stored.Sha256, PreviousImportOfSameFile = previous,
                Error = $"This file (SHA-256 {stored.Sha256[..12]}…) was already imported as batch #{previous}; force a re-run to import it again.",
            };
            await ImportBatches.MarkFailedAsync(cs, id, result, TimeProvider.System, CancellationToken.None);
            queue.Complete(id, result);
        }
        else
        {
            await queue.EnqueueAsync(new QueuedImport(id, stored.Path, displayName, who, repeat), CancellationToken.None);
        }
        logger.LogInformation("{User} uploaded {File} ({Bytes} bytes, SHA-256 {Sha256}) as import {BatchId}", who, displayName, stored.SizeBytes, stored.Sha256, id);
        return Results.AcceptedAtRoute("ImportStatus", new { id }, new { id });
    }

    private static async Task<IResult> StatusAsync(long id, TrendsDbContext db, ImportQueue queue, CancellationToken ct)
    {
        var batch = await db.ImportBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (batch is null) return Results.NotFound();
        long? previous = null;
        if (batch.Sha256 is { } sha)
            previous = await db.ImportBatches.AsNoTracking()
                .Where(b => b.Sha256 == sha && b.Id < id && (b.Status == ImportStatus.Succeeded || b.Status == ImportStatus.Undone))
                .OrderBy(b => b.Id).Select(b => (long?)b.Id).FirstOrDefaultAsync(ct);
        return Results.Json(ImportStatusJson.From(batch, queue.Get(id), previous), ImportJson.Options);
    }

    private static IResult Problem(int status, string detail) => Results.Problem(detail: detail, statusCode: status);
}

internal static class ImportJson
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web);
}

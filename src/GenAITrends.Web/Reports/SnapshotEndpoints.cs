using GenAITrends.Core.Reports;
using GenAITrends.Core.Storage;
using GenAITrends.Web.Auth;
using GenAITrends.Web.Infrastructure;

namespace GenAITrends.Web.Reports;

public static class SnapshotEndpoints
{
    public const string Route = "/reports/snapshot.pdf";

    /// <summary>The snapshot data source over the app's database (the lead may later point it at the shared Analytics classes).</summary>
    public static WebApplicationBuilder AddTrendsReports(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ISnapshotDataSource>(sp => new RollupSnapshotDataSource(
            sp.GetRequiredService<TrendsDatabase>().ConnectionString,
            sp.GetService<TimeProvider>(),
            builder.Configuration["Reports:ModelCard"] ?? ModelCard.DefaultPath));
        return builder;
    }

    /// <summary>GET /reports/snapshot.pdf?from=&amp;to=&amp;granularity=&amp;lang=&amp;author=&amp;theme=&amp;paper= — managers and admins.</summary>
    public static WebApplication MapTrendsReports(this WebApplication app)
    {
        app.MapGet(Route, async (HttpContext http, ISnapshotDataSource source, ILoggerFactory loggers,
            string? from, string? to, string? granularity, string? lang, string? author, string? theme, string? paper, CancellationToken ct) =>
        {
            var request = SnapshotRequest.TryParse(from, to, granularity, lang, author, theme, out var error);
            var paperSize = PaperSize.A4;
            if (request is null || (!string.IsNullOrEmpty(paper) && (!Enum.TryParse(paper, ignoreCase: true, out paperSize) || int.TryParse(paper, out _))))
                return Results.Problem(error ?? "'paper' must be A4 or Letter", statusCode: StatusCodes.Status400BadRequest);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (data, pdf) = await SnapshotReport.CreateAsync(source, request, new ReportOptions(paperSize), ct);
            loggers.CreateLogger("GenAITrends.Web.Reports").LogInformation(
                "Snapshot PDF {Period} ({Filters}) for {User}: {Bytes} bytes in {ElapsedMs} ms",
                data.Period.Describe(), data.Filters.Describe(), http.User.Identity?.Name, pdf.Length,
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            http.Response.Headers.CacheControl = "no-store";
            return Results.File(pdf, "application/pdf", SnapshotReport.FileName(data));
        })
        .RequireAuthorization(Policies.Reports)
        .WithName("SnapshotPdf");
        return app;
    }
}

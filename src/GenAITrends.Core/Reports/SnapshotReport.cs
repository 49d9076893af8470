namespace GenAITrends.Core.Reports;

/// <summary>Data source + renderer: what the endpoint and the CLI call.</summary>
public static class SnapshotReport
{
    public static async Task<(SnapshotData Data, byte[] Pdf)> CreateAsync(ISnapshotDataSource source, SnapshotRequest request, ReportOptions? options = null, CancellationToken ct = default)
    {
        var data = await source.LoadAsync(request, ct);
        var pdf = await Task.Run(() => SnapshotPdfRenderer.Render(data, options), ct);
        return (data, pdf);
    }

    /// <summary>"genaitrends-snapshot_2024-01-01_2024-03-31.pdf" (plus the theme when filtered on one).</summary>
    public static string FileName(SnapshotData data) =>
        $"genaitrends-snapshot_{data.Period.From:yyyy-MM-dd}_{data.Period.To:yyyy-MM-dd}"
        + (data.Filters.Theme is { } t ? "_" + GenAITrends.Core.Posts.Themes.Get(t).Id : "") + ".pdf";
}

namespace GenAITrends.Web.Pages.Shared;

/// <summary>What _ChartCard needs: everything reaches the script through data-* attributes (no inline script).</summary>
public sealed record ChartCardModel(
    string Id, string Kind, string Title, string AriaLabel, string DataUrl, string CsvUrl, string From, string To, string Granularity)
{
    public string? SpikesUrl { get; init; }
    public string? Mode { get; init; }
    public string? PostsLink { get; init; }
    public string? Note { get; init; }
    public string? NoteTitle { get; init; }
    public string? Footer { get; init; }
    public string EmptyText { get; init; } = "No posts in this range — widen the dates or ask an admin to upload an export.";
}

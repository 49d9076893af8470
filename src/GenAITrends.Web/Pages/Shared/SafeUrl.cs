namespace GenAITrends.Web.Pages.Shared;

/// <summary>Post URLs come from imported files: only absolute http(s) links are ever rendered as links.</summary>
public static class SafeUrl
{
    public static bool IsHttp(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
}

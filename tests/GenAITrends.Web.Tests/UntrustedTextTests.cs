using System.Text.Json;
using GenAITrends.Core.Accounts;
using GenAITrends.Web.Infrastructure;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GenAITrends.Web.Tests;

/// <summary>Post texts and file names come from outside: they must render encoded, in every page and every JSON answer.</summary>
public sealed class UntrustedTextTests : IDisposable
{
    private const string Payload = "<script>alert('xss')</script><img src=x onerror=alert(1)>";
    private readonly TrendsAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_XSS_payload_in_post_texts_and_file_names_appears_only_encoded_in_pages_and_JSON()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var file = TestCsv.File(
            TestCsv.Row(1, "ChatGPT says " + Payload),
            $"2,not-a-date,eve,Eve,1,en,{TestCsv.Quote(Payload)},1,1,1,1,1,1,false,,"); // rejected: its excerpt is shown on the details page
        var status = await admin.UploadAndWaitAsync(Payload + ".csv", file);
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        var id = status.GetProperty("id").GetInt64();

        // Every GET page and endpoint the app maps (an admin may see them all), plus the ones with this import's id.
        var urls = new HashSet<string> { $"/admin/imports/{id}", $"/admin/imports/{id}/details", "/admin/imports?handler=History" };
        foreach (var e in _factory.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            if (e.RoutePattern.Parameters.Count > 0) continue;
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods;
            if (methods is null || methods.Contains("GET")) urls.Add("/" + e.RoutePattern.RawText!.TrimStart('/'));
        }
        var seenEncoded = 0;
        foreach (var url in urls)
        {
            var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", body);
            Assert.DoesNotContain("<img src=x", body);
            if (body.Contains("&lt;img src=x") || body.Contains("\\u003Cimg src=x")) seenEncoded++;
        }
        Assert.True(seenEncoded >= 3, $"the payload should show (encoded) in the history, the details page and the JSON; seen in {seenEncoded}");

        var json = await admin.GetStringAsync($"/admin/imports/{id}");
        // Same text, escaped on the wire (the name loses what looks like folders: "</script>" has a slash).
        Assert.Equal(GenAITrends.Web.Imports.UploadStore.DisplayName(Payload + ".csv"), JsonDocument.Parse(json).RootElement.GetProperty("file").GetString());
        Assert.Contains("<img src=x", JsonDocument.Parse(json).RootElement.GetProperty("file").GetString());
    }

    [Fact]
    public async Task Formula_leading_cells_are_escaped_in_CSV_exports()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var file = TestCsv.File(
            TestCsv.Row(1, "fine row"),
            "=HYPERLINK(\"http://evil.example\",\"click\"),not-a-date,eve,Eve,1,en,x,1,1,1,1,1,1,false,,",
            "@SUM(1+1),also-bad,eve,Eve,1,en,y,1,1,1,1,1,1,false,,");
        var status = await admin.UploadAndWaitAsync("formulas.csv", file);
        var csv = await admin.GetStringAsync($"/admin/imports/{status.GetProperty("id").GetInt64()}/details?handler=Csv");
        var lines = csv.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"line\",\"reason\",\"excerpt\"", lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\"", csv);
        Assert.Contains(",\"'@SUM(1+1)", csv);
        Assert.DoesNotContain(",\"=", csv);
        Assert.DoesNotContain(",\"@", csv);
    }

    [Theory]
    [InlineData("=1+1", "\"'=1+1\"")]
    [InlineData("+1", "\"'+1\"")]
    [InlineData("-1", "\"'-1\"")]
    [InlineData("@cmd", "\"'@cmd\"")]
    [InlineData("\tx", "\"'\tx\"")]
    [InlineData("plain \"quoted\"", "\"plain \"\"quoted\"\"\"")]
    [InlineData(null, "\"\"")]
    public void Csv_cells_are_quoted_and_formulas_defused(string? value, string expected) =>
        Assert.Equal(expected, CsvCells.Escape(value));
}

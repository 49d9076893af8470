using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using GenAITrends.Core.Accounts;
using GenAITrends.Web.Tests.Infrastructure;

namespace GenAITrends.Web.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly TrendsAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task An_upload_through_the_API_completes_with_the_same_counts_as_the_CLI_import_of_the_same_file()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var content = TestCsv.Mixed(5000, 40);
        var web = await admin.UploadAndWaitAsync("mixed.csv", content);
        Assert.Equal("succeeded", web.GetProperty("status").GetString());

        var file = Path.Combine(_factory.Directory, "mixed.csv");
        await File.WriteAllBytesAsync(file, content);
        var cli = await RunCliImportAsync(file, Path.Combine(_factory.Directory, "cli.db"));
        foreach (var field in new[] { "rows", "imported", "updated", "duplicates", "rejected" })
            Assert.Equal(cli.GetProperty(field).GetInt64(), web.GetProperty(field).GetInt64());
        Assert.Equal(cli.GetProperty("status").GetString(), web.GetProperty("status").GetString());
        Assert.Equal(cli.GetProperty("sha256").GetString(), web.GetProperty("sha256").GetString());
        Assert.Equal(40, web.GetProperty("imported").GetInt64());
        Assert.Equal(1, web.GetProperty("duplicates").GetInt64());
        Assert.Equal(1, web.GetProperty("rejected").GetInt64());
        Assert.Equal(100, web.GetProperty("percent").GetDouble());

        // Temporary upload files are gone once the import is over.
        Assert.Empty(Directory.GetFiles(Path.Combine(_factory.Directory, "uploads")));
    }

    /// <summary>Runs the real CLI (built next to this project, from its own folder) with --json.</summary>
    private static async Task<JsonElement> RunCliImportAsync(string file, string db)
    {
        var testBin = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar); // …/tests/GenAITrends.Web.Tests/bin/<Configuration>/net10.0/
        var configuration = new DirectoryInfo(testBin).Parent!.Name;
        var root = new DirectoryInfo(testBin);
        while (!File.Exists(Path.Combine(root.FullName, "GenAITrends.sln"))) root = root.Parent!;
        var cliDll = Path.Combine(root.FullName, "src", "GenAITrends.Cli", "bin", configuration, "net10.0", "genaitrends.dll");
        Assert.True(File.Exists(cliDll), $"CLI not built at {cliDll}");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(db)! };
        foreach (var a in new[] { cliDll, "import", file, "--json", "--db", db }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"CLI exit {process.ExitCode}: {stdout} {stderr}");
        return JsonDocument.Parse(stdout.Trim().Split('\n').Last()).RootElement;
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_it_is_read_and_the_page_tells_the_limit()
    {
        using var factory = new SmallLimitFactory();
        using var admin = await factory.SignedInClientAsync(AccountRoles.Admin);
        var page = await admin.GetStringAsync("/admin/imports");
        Assert.Contains("data-max-bytes=\"2048\"", page); // the browser checks before uploading

        var big = TestCsv.Mixed(1, 100);
        Assert.True(big.Length > 2048);
        var response = await admin.UploadAsync("big.csv", big);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than the limit of 2 KB", await response.Content.ReadAsStringAsync());

        // Without a Content-Length (chunked), the limit holds while streaming, and nothing stays on disk.
        var token = await admin.GetTokenAsync("/admin/imports");
        var form = new MultipartFormDataContent { { new StreamContent(new NonSeekableStream(big)), "file", "big.csv" } };
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/imports") { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.TransferEncodingChunked = true;
        var chunked = await admin.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        var uploads = Path.Combine(factory.Directory, "uploads");
        Assert.True(!Directory.Exists(uploads) || Directory.GetFiles(uploads).Length == 0);
        Assert.Empty(await ImportRows(admin));
    }

    private static async Task<List<string>> ImportRows(HttpClient admin) =>
        [.. System.Text.RegularExpressions.Regex.Matches(await admin.GetStringAsync("/admin/imports?handler=History"), "data-import-id=\"(\\d+)\"").Select(m => m.Groups[1].Value)];

    private sealed class SmallLimitFactory : TrendsAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Imports:MaxFileBytes", "2048")];
    }

    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_same_file_twice_is_recognised_and_may_be_forced()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var content = TestCsv.Mixed(7000, 10);
        var first = await admin.UploadAndWaitAsync("a.csv", content);
        var again = await admin.UploadAndWaitAsync("a-copy.csv", content);
        Assert.Equal("failed", again.GetProperty("status").GetString());
        Assert.Equal(first.GetProperty("id").GetInt64(), again.GetProperty("previousImportOfSameFile").GetInt64());
        Assert.Contains("already imported", again.GetProperty("error").GetString());

        var forced = await admin.UploadAndWaitAsync("a-copy.csv", content, allowRepeat: true);
        Assert.Equal("succeeded", forced.GetProperty("status").GetString());
        Assert.Equal(0, forced.GetProperty("imported").GetInt64());
        Assert.Equal(11, forced.GetProperty("duplicates").GetInt64() + forced.GetProperty("updated").GetInt64()); // 10 posts + the repeated row
    }

    [Fact]
    public async Task A_failed_import_leaves_the_database_as_it_was_and_shows_why()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        await admin.UploadAndWaitAsync("base.csv", TestCsv.Mixed(100, 15));
        var before = DbSnapshot.Take(_factory.ConnectionString);

        var allBad = TestCsv.File("1,not-a-date,bob,Bob,1,en,x,1,1,1,1,1,1,false,,", "2,also-bad,bob,Bob,1,en,y,1,1,1,1,1,1,false,,");
        var failed = await admin.UploadAndWaitAsync("bad.csv", allBad);
        Assert.Equal("failed", failed.GetProperty("status").GetString());
        Assert.Contains("No row could be imported", failed.GetProperty("error").GetString());
        Assert.Equivalent(before, DbSnapshot.Take(_factory.ConnectionString));

        var details = await admin.GetStringAsync($"/admin/imports/{failed.GetProperty("id").GetInt64()}/details");
        Assert.Contains("No row could be imported", details);
    }

    [Fact]
    public async Task Undo_removes_exactly_the_posts_of_the_batch_and_restores_the_previous_counts_and_rollups()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        await admin.UploadAndWaitAsync("first.csv", TestCsv.Mixed(100, 30, "first"));
        var before = DbSnapshot.Take(_factory.ConnectionString);

        var second = await admin.UploadAndWaitAsync("second.csv", TestCsv.Mixed(200, 25, "second"));
        Assert.Equal(25, second.GetProperty("imported").GetInt64());
        Assert.NotEqual(before, DbSnapshot.Take(_factory.ConnectionString));
        var id = second.GetProperty("id").GetInt64();

        var undo = await admin.PostFormAsync($"/admin/imports/{id}/details", $"/admin/imports/{id}/details?handler=Undo", []);
        Assert.Equal(HttpStatusCode.Redirect, undo.StatusCode);
        var page = await admin.GetStringAsync($"/admin/imports/{id}/details");
        Assert.Contains("25 posts it created were removed", page);

        var after = DbSnapshot.Take(_factory.ConnectionString);
        Assert.Equal(before.Posts, after.Posts);
        Assert.Equal(before.Themes, after.Themes);
        Assert.Equal(before.Fts, after.Fts);
        Assert.Equal(before.Authors, after.Authors);
        Assert.Equal(before.Daily, after.Daily);
        Assert.Equal(before.AuthorDaily, after.AuthorDaily);
        Assert.Equal(before.AuthorMonthly, after.AuthorMonthly);
        Assert.Equal(before.AuthorTotals, after.AuthorTotals);

        var status = JsonDocument.Parse(await admin.GetStringAsync($"/admin/imports/{id}")).RootElement;
        Assert.Equal("undone", status.GetProperty("status").GetString());
        Assert.Equal(TrendsAppFactory.AdminEmail, status.GetProperty("undoneBy").GetString());
        Assert.True(status.TryGetProperty("undoneAtUtc", out var at) && at.ValueKind == JsonValueKind.String);

        // Undoing twice is refused and changes nothing.
        await admin.PostFormAsync($"/admin/imports/{id}/details", $"/admin/imports/{id}/details?handler=Undo", []);
        Assert.Contains("only a succeeded import can be undone", await admin.GetStringAsync($"/admin/imports/{id}/details"));
        Assert.Equal(after, DbSnapshot.Take(_factory.ConnectionString) with { Daily = after.Daily, AuthorDaily = after.AuthorDaily, AuthorMonthly = after.AuthorMonthly, AuthorTotals = after.AuthorTotals });
    }

    [Fact]
    public async Task Undo_of_an_import_that_updated_older_posts_keeps_them_and_the_rollups_agree_with_the_posts()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        await admin.UploadAndWaitAsync("old.csv", TestCsv.File(TestCsv.Row(1, "ChatGPT old post", likes: 1), TestCsv.Row(2, "Claude old post", likes: 2)));
        // The newer export: post 1 with more likes (an update), post 3 new.
        var newer = await admin.UploadAndWaitAsync("new.csv", TestCsv.File(TestCsv.Row(1, "ChatGPT old post", likes: 50), TestCsv.Row(3, "brand new post", likes: 3)));
        Assert.Equal(1, newer.GetProperty("updated").GetInt64());
        var id = newer.GetProperty("id").GetInt64();

        var page = await admin.GetStringAsync($"/admin/imports/{id}/details");
        Assert.Contains("posts it only updated", page);
        await admin.PostFormAsync($"/admin/imports/{id}/details", $"/admin/imports/{id}/details?handler=Undo", []);
        Assert.Contains("1 posts it only updated keep their newer figures", await admin.GetStringAsync($"/admin/imports/{id}/details"));

        var snapshot = DbSnapshot.Take(_factory.ConnectionString);
        Assert.Equal(2, snapshot.Posts);
        var (stored, recomputed) = DbSnapshot.DailyTotals(_factory.ConnectionString);
        Assert.Equal(recomputed, stored);
        var (storedMonthly, recomputedMonthly) = DbSnapshot.AuthorMonthlyTotals(_factory.ConnectionString);
        Assert.Equal(recomputedMonthly, storedMonthly);
    }
}

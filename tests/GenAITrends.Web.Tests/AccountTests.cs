using System.Net;
using GenAITrends.Core.Accounts;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenAITrends.Web.Tests;

public sealed class AccountTests : IDisposable
{
    private readonly TrendsAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await _factory.EnsureUsersAsync();
        using var client = _factory.NewClient();
        for (int i = 0; i < AccountRules.MaxFailedAccessAttempts; i++)
        {
            var wrong = await client.SignInAsync(TrendsAppFactory.AnalystEmail, "Wrong-Passw0rd!");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode); // the form again, with an error
            // The fifth failure itself locks the account.
            Assert.Contains(i < AccountRules.MaxFailedAccessAttempts - 1 ? "Wrong email or password" : "locked", await wrong.Content.ReadAsStringAsync());
        }
        var right = await client.SignInAsync(TrendsAppFactory.AnalystEmail, TrendsAppFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync());
        Assert.DoesNotContain(client.DefaultRequestHeaders, h => h.Key == "Cookie");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);

        // An admin's password reset lifts the lockout.
        await using (var scope = _factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetPasswordAsync(TrendsAppFactory.AnalystEmail, "Fresh-Passw0rd!");
        var after = await client.SignInAsync(TrendsAppFactory.AnalystEmail, "Fresh-Passw0rd!");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_form_post_without_antiforgery_token_is_rejected()
    {
        await _factory.EnsureUsersAsync();
        using var anonymous = _factory.NewClient();
        var login = await anonymous.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TrendsAppFactory.AdminEmail,
            ["Input.Password"] = TrendsAppFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);

        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        var add = await admin.PostAsync("/Admin/Users?handler=Add", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewUser.Email"] = "mallory@test.local", ["NewUser.Role"] = "Admin", ["NewUser.Password"] = "Mall0ry-Passw0rd!",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, add.StatusCode);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync("mallory@test.local"));

        // The upload API takes its token from a header: without it, nothing is stored.
        var upload = new HttpRequestMessage(HttpMethod.Post, "/admin/imports")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent(TestCsv.Mixed(1, 3)), "file", "a.csv" } },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(upload)).StatusCode);
    }

    [Fact]
    public async Task Admin_page_adds_changes_resets_and_removes_users_but_never_the_last_admin()
    {
        using var admin = await _factory.SignedInClientAsync(AccountRoles.Admin);
        async Task<string> Post(string handler, Dictionary<string, string> fields)
        {
            var r = await admin.PostFormAsync("/Admin/Users", $"/Admin/Users?handler={handler}", fields);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            return await admin.GetStringAsync("/Admin/Users");
        }

        var page = await Post("Add", new() { ["NewUser.Email"] = "new@test.local", ["NewUser.Role"] = "Manager", ["NewUser.Password"] = "N3w-User-Passw0rd" });
        Assert.Contains("Added new@test.local as Manager", page);
        page = await Post("Role", new() { ["email"] = "new@test.local", ["role"] = "Analyst" });
        Assert.Contains("new@test.local is now Analyst", page);
        page = await Post("Password", new() { ["email"] = "new@test.local", ["password"] = "An0ther-Passw0rd" });
        Assert.Contains("password of new@test.local was reset", page);
        using (var other = _factory.NewClient())
            Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync("new@test.local", "An0ther-Passw0rd")).StatusCode);
        page = await Post("Remove", new() { ["email"] = "new@test.local" });
        Assert.Contains("Removed new@test.local", page);

        page = await Post("Remove", new() { ["email"] = TrendsAppFactory.AdminEmail });
        Assert.Contains("last admin", page);
        page = await Post("Role", new() { ["email"] = TrendsAppFactory.AdminEmail, ["role"] = "Analyst" });
        Assert.Contains("last admin", page);
        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(AccountRoles.Admin, (await scope.ServiceProvider.GetRequiredService<UserAccounts>().FindAsync(TrendsAppFactory.AdminEmail))!.Role);
    }

    [Fact]
    public async Task Responses_carry_the_security_headers_and_cookies_are_secure_httponly_samesite()
    {
        await _factory.EnsureUsersAsync();
        using var client = _factory.NewClient();
        var login = await client.GetAsync("/Account/Login");
        var csp = login.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", login.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.NotEmpty(login.Headers.GetValues("Referrer-Policy"));
        Assert.True(login.Headers.Contains("Strict-Transport-Security"));
        var html = await login.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", html); // no inline script

        var token = HttpExtensions.AntiforgeryToken(html);
        var signIn = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = TrendsAppFactory.AdminEmail, ["Input.Password"] = TrendsAppFactory.Password, ["__RequestVerificationToken"] = token,
        }));
        var cookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        var auth = Assert.Single(cookies, c => c.StartsWith("GenAITrends.Auth="));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("GenAITrends.Antiforgery="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", antiforgery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        using var client = await _factory.SignedInClientAsync(AccountRoles.Analyst);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var token = HttpExtensions.AntiforgeryToken(await client.GetStringAsync("/"));
        var logout = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}

public sealed class LoginRateLimitTests : IDisposable
{
    private sealed class Factory : TrendsAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Auth:LoginAttemptsPerMinute", "3")];
    }

    private readonly Factory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_get_429_while_the_form_still_loads()
    {
        await _factory.EnsureUsersAsync();
        using var client = _factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 4; i++)
            statuses.Add((await client.SignInAsync("nobody@test.local", "Wrong-Passw0rd!")).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}

public sealed class FirstRunTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "genaitrends-firstrun-" + Guid.NewGuid().ToString("N")[..8]);

    private sealed class NoPasswordFactory(string dir, bool sample) : TrendsAppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={Path.Combine(dir, "first.db")}");
            builder.UseSetting("Seed:AdminEmail", "");
            builder.UseSetting("Seed:AdminPassword", "");
            builder.UseSetting("Seed:SampleData", sample ? "true" : "false");
            builder.UseSetting("Seed:SampleFile", Path.Combine(dir, "sample.csv"));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dir, true); } catch (IOException) { }
    }

    [Fact]
    public async Task Without_a_configured_password_the_admins_generated_one_is_in_an_owner_only_file_next_to_the_database()
    {
        Directory.CreateDirectory(_dir);
        // Demo accounts come with the sample corpus: give the first start a (tiny) one to seed.
        File.WriteAllText(Path.Combine(_dir, "sample.csv"), "post_id,created_at,author_handle,text\n1,2024-02-15T10:00:00Z,demo,Sora makes text-to-video look easy\n");
        using (var factory = new NoPasswordFactory(_dir, sample: true))
        {
            factory.StartServer();
            var file = FirstRunAccounts.PasswordFilePath(_dir, AccountRoles.Admin);
            Assert.True(File.Exists(file));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            var lines = File.ReadAllLines(file);
            Assert.Equal("email: " + FirstRunSettings.DefaultAdminEmail, lines[0]);
            var password = lines[1]["password: ".Length..];
            Assert.True(password.Length >= 20);

            using var client = factory.NewClient();
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(FirstRunSettings.DefaultAdminEmail, password)).StatusCode);

            // Sample data on: demo analyst and manager accounts, their passwords generated the same way.
            await using var scope = factory.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            Assert.Equal(AccountRoles.Analyst, (await accounts.FindAsync(FirstRunSettings.DefaultAnalystEmail))!.Role);
            Assert.Equal(AccountRoles.Manager, (await accounts.FindAsync(FirstRunSettings.DefaultManagerEmail))!.Role);
            Assert.True(File.Exists(FirstRunAccounts.PasswordFilePath(_dir, AccountRoles.Manager)));
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GenAITrends.Web.Tests.Infrastructure;

public static partial class HttpExtensions
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static string AntiforgeryToken(string html) =>
        TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token in the page.");

    public static async Task<string> GetTokenAsync(this HttpClient client, string pageUrl)
    {
        var response = await client.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return AntiforgeryToken(await response.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var token = await client.GetTokenAsync("/Account/Login");
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.GetTokenAsync(pageUrl);
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
    }

    /// <summary>POST /admin/imports with the imports page's antiforgery token in the header.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] content, bool allowRepeat = false)
    {
        var token = await client.GetTokenAsync("/admin/imports");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/imports" + (allowRepeat ? "?allowRepeat=true" : "")) { Content = form };
        request.Headers.Add("RequestVerificationToken", token);
        return await client.SendAsync(request);
    }

    /// <summary>Uploads and polls GET /admin/imports/{id} until the import is done; returns the final status JSON.</summary>
    public static async Task<JsonElement> UploadAndWaitAsync(this HttpClient client, string fileName, byte[] content, bool allowRepeat = false)
    {
        var response = await client.UploadAsync(fileName, content, allowRepeat);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        Assert.EndsWith($"/admin/imports/{id}", response.Headers.Location!.ToString());
        return await client.WaitForImportAsync(id);
    }

    public static async Task<JsonElement> WaitForImportAsync(this HttpClient client, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync($"/admin/imports/{id}")).RootElement;
            if (json.GetProperty("done").GetBoolean()) return json;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Import {id} did not finish: {json}");
            await Task.Delay(100);
        }
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GenAITrends.Core.Analytics;
using GenAITrends.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GenAITrends.Web.Tests.Api;

/// <summary>
/// The fixture (Fixtures/dashboard-fixture.csv), by hand:
/// Jan 1–7 2024, every day: alice (en) one cloud post, sentiment +0.5, 10 likes; bob (es) one untagged post, no sentiment, 0 engagement.
/// Jan 8: carol (en) ten cloud+security posts, sentiment −0.5, 1 like + 1 repost each; bob (es) one regulation post, sentiment +1, 5 likes
/// (its text is a spreadsheet formula with a script tag, its URL a javascript: link).
/// Nothing after Jan 8.
/// </summary>
public sealed class DashboardApiTests(SeededDashboardApp fixture) : IClassFixture<SeededDashboardApp>
{
    private const string Jan = "from=2024-01-01&to=2024-01-14";
    private readonly HttpClient _analyst = fixture.App.ClientAs("Analyst");

    private async Task<JsonElement> GetJson(string url, HttpClient? client = null)
    {
        var response = await (client ?? _analyst).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static double[] Doubles(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetDouble())];
    private static long[] Longs(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetInt64())];
    private static JsonElement Series(JsonElement root, string theme) => root.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("theme").GetString() == theme);
    private static double[] Days14(params (int Day, double Value)[] values)
    {
        var a = new double[14];
        foreach (var (d, v) in values) a[d - 1] = v;
        return a;
    }

    [Fact]
    public async Task Share_by_day_counts_each_theme_and_divides_by_all_posts()
    {
        var r = await GetJson($"/api/trends/share?{Jan}&granularity=day");

        Assert.Equal(14, r.GetProperty("buckets").GetArrayLength());
        Assert.Equal("2024-01-01", r.GetProperty("buckets")[0].GetString());
        Assert.Equal("2024-01-14", r.GetProperty("buckets")[13].GetString());
        Assert.Equal([2, 2, 2, 2, 2, 2, 2, 11, 0, 0, 0, 0, 0, 0], Longs(r.GetProperty("total")));
        Assert.Equal(5, r.GetProperty("series").GetArrayLength());

        var cloud = Series(r, "cloud");
        Assert.Equal("GenAI in the cloud", cloud.GetProperty("label").GetString());
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 10, 0, 0, 0, 0, 0, 0], Longs(cloud.GetProperty("counts")));
        Assert.Equal(Days14((1, .5), (2, .5), (3, .5), (4, .5), (5, .5), (6, .5), (7, .5), (8, 10.0 / 11)), Doubles(cloud.GetProperty("share")));
        Assert.Equal(Days14((8, 10.0 / 11)), Doubles(Series(r, "security").GetProperty("share")));
        Assert.Equal(Days14((8, 1.0 / 11)), Doubles(Series(r, "regulation_ethics").GetProperty("share")));
        Assert.Equal(new double[14], Doubles(Series(r, "ai_video").GetProperty("share")));
    }

    [Fact]
    public async Task Share_by_week_aggregates_days_into_monday_weeks()
    {
        var r = await GetJson($"/api/trends/share?{Jan}&granularity=week");
        Assert.Equal(["2024-01-01", "2024-01-08"], r.GetProperty("buckets").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal([14, 11], Longs(r.GetProperty("total")));
        Assert.Equal([7, 10], Longs(Series(r, "cloud").GetProperty("counts")));
        Assert.Equal([0.5, 10.0 / 11], Doubles(Series(r, "cloud").GetProperty("share")));
    }

    [Fact]
    public async Task Engagement_weighting_counts_likes_reposts_replies_and_quotes()
    {
        var r = await GetJson($"/api/trends/share?{Jan}&granularity=week&weighting=engagement");
        Assert.Equal([70, 25], Longs(r.GetProperty("total")));
        Assert.Equal([70, 20], Longs(Series(r, "cloud").GetProperty("counts")));
        Assert.Equal([1.0, 0.8], Doubles(Series(r, "cloud").GetProperty("share")));
        Assert.Equal([0.0, 0.2], Doubles(Series(r, "regulation_ethics").GetProperty("share")));
    }

    [Fact]
    public async Task Language_and_author_filters_read_their_rollups()
    {
        var es = await GetJson($"/api/trends/share?{Jan}&granularity=week&lang=es");
        Assert.Equal([7, 1], Longs(es.GetProperty("total")));
        Assert.Equal([0.0, 1.0], Doubles(Series(es, "regulation_ethics").GetProperty("share")));
        Assert.Equal([0, 0], Longs(Series(es, "cloud").GetProperty("counts")));

        var carol = await GetJson($"/api/trends/share?{Jan}&granularity=week&author=@Carol&theme=cloud");
        Assert.Equal([0, 10], Longs(carol.GetProperty("total")));
        Assert.Equal("cloud", Assert.Single(carol.GetProperty("series").EnumerateArray()).GetProperty("theme").GetString());
        Assert.Equal([0.0, 1.0], Doubles(Series(carol, "cloud").GetProperty("share")));
    }

    [Fact]
    public async Task Sentiment_is_the_mean_of_scored_posts_and_null_without_any()
    {
        var r = await GetJson($"/api/trends/sentiment?{Jan}&granularity=day");
        var all = Series(r, "all").GetProperty("mean");
        Assert.Equal(0.5, all[0].GetDouble());
        Assert.Equal(Math.Round(-4.0 / 11, 6), all[7].GetDouble());   // (10 × −0.5 + 1) / 11; bob's unscored posts do not count
        Assert.Equal(JsonValueKind.Null, all[8].ValueKind);
        Assert.Equal(-0.5, Series(r, "cloud").GetProperty("mean")[7].GetDouble());
        Assert.Equal(1.0, Series(r, "regulation_ethics").GetProperty("mean")[7].GetDouble());
        Assert.Equal(JsonValueKind.Null, Series(r, "security").GetProperty("mean")[0].ValueKind);
        Assert.Equal([1, 1, 1, 1, 1, 1, 1, 11, 0, 0, 0, 0, 0, 0], Longs(Series(r, "all").GetProperty("scored")));
    }

    [Fact]
    public async Task Spike_is_found_where_volume_doubles_its_trailing_mean()
    {
        var day = await GetJson($"/api/spikes?{Jan}&granularity=day");
        var spike = Assert.Single(day.GetProperty("spikes").EnumerateArray());
        Assert.Equal("cloud", spike.GetProperty("theme").GetString());
        Assert.Equal("2024-01-08", spike.GetProperty("bucket").GetString());
        Assert.Equal(10, spike.GetProperty("value").GetInt64());
        Assert.Equal(1.0, spike.GetProperty("baseline").GetDouble());    // mean of Jan 1–7
        Assert.Equal(10.0, spike.GetProperty("ratio").GetDouble());
        // security also has 10 posts on Jan 8 but no baseline (nothing before): not judged.

        var week = await GetJson($"/api/spikes?{Jan}&granularity=week");
        var w = Assert.Single(week.GetProperty("spikes").EnumerateArray());
        Assert.Equal("2024-01-08", w.GetProperty("bucket").GetString());
        Assert.Equal(1.75, w.GetProperty("baseline").GetDouble());       // (0 + 0 + 0 + 7) / 4 weeks
        Assert.Equal(Math.Round(10 / 1.75, 4), w.GetProperty("ratio").GetDouble());
    }

    [Fact]
    public async Task Influencers_rank_by_posts_or_engagement_with_share_of_voice()
    {
        var byPosts = await GetJson($"/api/influencers?{Jan}&theme=cloud");
        var rows = byPosts.GetProperty("authors").EnumerateArray().ToList();
        Assert.Equal(["carol", "alice"], rows.Select(a => a.GetProperty("handle").GetString()));
        Assert.Equal(17, byPosts.GetProperty("themeTotal").GetInt64());
        Assert.Equal(Math.Round(10.0 / 17, 6), rows[0].GetProperty("shareOfVoice").GetDouble());
        Assert.Equal(-0.5, rows[0].GetProperty("meanSentiment").GetDouble());
        Assert.Equal(20, rows[0].GetProperty("engagement").GetInt64());

        var byEngagement = await GetJson($"/api/influencers?{Jan}&theme=cloud&sort=engagement&weighting=engagement");
        var top = byEngagement.GetProperty("authors")[0];
        Assert.Equal("alice", top.GetProperty("handle").GetString());
        Assert.Equal(Math.Round(70.0 / 90, 6), top.GetProperty("shareOfVoice").GetDouble());
    }

    [Fact]
    public async Task Summary_compares_a_period_with_the_one_before()
    {
        using var scope = fixture.App.Services.CreateScope();
        var summary = scope.ServiceProvider.GetRequiredService<PeriodSummary>();
        var s = await summary.QueryAsync(new TrendFilter(new DateOnly(2024, 1, 8), new DateOnly(2024, 1, 14)));
        Assert.Equal(11, s.Posts);
        Assert.Equal(14, s.PreviousPosts);
        Assert.Equal(2, s.Authors);                       // carol and bob
        Assert.Equal(Math.Round(-4.0 / 11, 6), s.MeanSentiment);
        var cloud = s.Themes.Single(t => t.Theme == "cloud");
        Assert.Equal(10.0 / 11, cloud.Share);
        Assert.Equal(0.5, cloud.PreviousShare);
        Assert.Equal(Math.Round((10.0 / 11 - 0.5) * 100, 2), cloud.ChangePoints);
    }

    [Fact]
    public async Task Posts_are_filtered_by_theme_and_bucket_and_searchable()
    {
        var bucket = await GetJson("/api/posts?theme=cloud&from=2024-01-08&to=2024-01-08");
        Assert.Equal(10, bucket.GetProperty("total").GetInt64());
        Assert.All(bucket.GetProperty("items").EnumerateArray(), p => Assert.Equal("carol", p.GetProperty("authorHandle").GetString()));

        var search = await GetJson("/api/posts?q=Injection%20copilot&from=2024-01-01&to=2024-01-31");
        Assert.Equal(10, search.GetProperty("total").GetInt64());
        var prefix = await GetJson("/api/posts?q=capac*&from=2024-01-01&to=2024-01-31&sort=engagement");
        Assert.Equal(7, prefix.GetProperty("total").GetInt64());
        var filters = await GetJson("/api/posts?from=2024-01-01&to=2024-01-31&sentiment=positive&lang=es&minEngagement=5");
        var only = Assert.Single(filters.GetProperty("items").EnumerateArray());
        Assert.Equal("bob", only.GetProperty("authorHandle").GetString());
        Assert.Equal("regulation_ethics", only.GetProperty("themes")[0].GetProperty("theme").GetString());
        Assert.Equal(0.9, only.GetProperty("themes")[0].GetProperty("confidence").GetDouble(), 4);

        // FTS syntax in user input is treated as words, not as a query language.
        var odd = await _analyst.GetAsync("/api/posts?q=%22NEAR(%20OR%20*&from=2024-01-01&to=2024-01-31");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
    }

    [Fact]
    public async Task Csv_escapes_formulas_and_quotes_text()
    {
        var csv = await _analyst.GetStringAsync("/api/posts?q=ley&from=2024-01-01&to=2024-01-31&format=csv");
        var line = csv.Split("\r\n")[1];
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") <script>", line);

        var share = await _analyst.GetAsync($"/api/trends/share?{Jan}&granularity=week&format=csv");
        Assert.Equal("text/csv", share.Content.Headers.ContentType?.MediaType);
        var rows = (await share.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("bucket,theme,label,count,share,total", rows[0]);
        Assert.Contains("2024-01-01,cloud,GenAI in the cloud,7,0.5,14", rows);
        foreach (var endpoint in new[] { "trends/sentiment", "spikes", "influencers", "terms/rising" })
        {
            var r = await _analyst.GetAsync($"/api/{endpoint}?{Jan}&format=csv");
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal("text/csv", r.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_theme_without_posts_before_the_period_gets_its_distinctive_terms_against_the_other_posts()
    {
        // Nothing before Jan 1: the previous period is empty, so carol's ten security posts are compared with the
        // period's fifteen other posts (alice's seven cloud posts, bob's eight).
        var r = await GetJson($"/api/terms/rising?{Jan}&theme=security");
        Assert.Equal("otherPosts", r.GetProperty("baseline").GetString());
        Assert.Equal(10, r.GetProperty("postsCurrent").GetInt64());
        Assert.Equal(15, r.GetProperty("postsPrevious").GetInt64());
        var terms = r.GetProperty("terms").EnumerateArray().ToDictionary(t => t.GetProperty("term").GetString()!);
        Assert.Equal(10, terms["injection"].GetProperty("current").GetInt64());
        Assert.Equal(0, terms["injection"].GetProperty("previous").GetInt64());
        Assert.Equal(Math.Round(11.0 / 12 / (1.0 / 17), 4), terms["injection"].GetProperty("lift").GetDouble(), 4);
        Assert.DoesNotContain("azure", terms.Keys);
        Assert.Equal("#secops", r.GetProperty("hashtags")[0].GetProperty("term").GetString());
        Assert.Contains("Distinctive terms and hashtags", await _analyst.GetStringAsync($"/themes/security?{Jan}"));

        // With posts in the previous period (Jan 1–7 for Jan 8–14), terms are compared over time as before.
        var rising = await GetJson("/api/terms/rising?from=2024-01-08&to=2024-01-14&theme=cloud");
        Assert.Equal("previousPeriod", rising.GetProperty("baseline").GetString());
        Assert.Equal(7, rising.GetProperty("postsPrevious").GetInt64());
        Assert.Contains("Rising terms and hashtags", await _analyst.GetStringAsync("/themes/cloud?from=2024-01-08&to=2024-01-14"));
    }

    [Fact]
    public async Task Pages_encode_untrusted_post_text_and_never_link_javascript_urls()
    {
        var html = await _analyst.GetStringAsync("/posts?q=ley&range=all");
        Assert.DoesNotContain("<script>alert(1)</script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        var theme = await _analyst.GetStringAsync("/themes/regulation_ethics?range=all");
        Assert.DoesNotContain("<script>alert(1)</script>", theme);
    }

    [Theory]
    [InlineData("/themes/cloud?range=all&lang=es")]
    [InlineData("/influencers?range=all&lang=es")]
    public async Task Leaderboards_apply_the_language_filter(string url)
    {
        var spanish = await _analyst.GetStringAsync(url);
        var all = await _analyst.GetStringAsync(url.Replace("&lang=es", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("The language filter does not apply to leaderboards", spanish);
        if (url.StartsWith("/influencers", StringComparison.Ordinal)) Assert.Contains("of every theme in the period (language: es).", spanish);
        Assert.NotEqual(Handles(all), Handles(spanish));

        var json = await _analyst.GetFromJsonAsync<JsonElement>("/api/influencers?range=all&lang=es&limit=100");
        var handles = json.GetProperty("authors").EnumerateArray().Select(a => a.GetProperty("handle").GetString()!).ToList();
        Assert.NotEmpty(handles);
        // Every author listed wrote in Spanish.
        var posts = await _analyst.GetFromJsonAsync<JsonElement>("/api/posts?range=all&lang=es&pageSize=200");
        var spanishAuthors = posts.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("authorHandle").GetString()!).ToHashSet();
        Assert.All(handles, h => Assert.Contains(h, spanishAuthors));

        static List<string> Handles(string html) =>
            [.. System.Text.RegularExpressions.Regex.Matches(html, "@([A-Za-z0-9_]+)</(?:a|span)>").Select(m => m.Groups[1].Value)];
    }

    [Theory]
    [InlineData("/api/trends/share", "Manager", HttpStatusCode.OK)]
    [InlineData("/api/spikes", "Manager", HttpStatusCode.OK)]
    [InlineData("/api/influencers", "Manager", HttpStatusCode.OK)]
    [InlineData("/api/terms/rising", "Manager", HttpStatusCode.OK)]
    [InlineData("/api/posts", "Manager", HttpStatusCode.Forbidden)]
    [InlineData("/api/posts", "Analyst", HttpStatusCode.OK)]
    [InlineData("/posts", "Manager", HttpStatusCode.Forbidden)]
    [InlineData("/posts", "Admin", HttpStatusCode.OK)]
    [InlineData("/", "Manager", HttpStatusCode.OK)]
    [InlineData("/themes/cloud", "Manager", HttpStatusCode.OK)]
    [InlineData("/themes/nope", "Manager", HttpStatusCode.NotFound)]
    [InlineData("/influencers", "Manager", HttpStatusCode.OK)]
    [InlineData("/api/trends/share", null, HttpStatusCode.Unauthorized)]
    [InlineData("/", null, HttpStatusCode.Unauthorized)]
    public async Task Each_role_reaches_what_its_policy_allows(string url, string? role, HttpStatusCode expected)
    {
        var response = await fixture.App.ClientAs(role).GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Posts_api_explains_each_theme_tag_on_request()
    {
        var json = await GetJson("/api/posts?from=2024-01-01&to=2024-01-14&pageSize=50&explain=true");
        var explanations = json.GetProperty("explanations");
        var tagged = 0;
        foreach (var item in json.GetProperty("items").EnumerateArray())
        {
            var id = item.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var byTheme = explanations.GetProperty(id);
            foreach (var tag in item.GetProperty("themes").EnumerateArray())
            {
                Assert.True(byTheme.TryGetProperty(tag.GetProperty("theme").GetString()!, out var terms));
                Assert.Equal(JsonValueKind.Array, terms.ValueKind);
                tagged++;
            }
        }
        Assert.True(tagged > 0);
        var plain = await GetJson("/api/posts?from=2024-01-01&to=2024-01-14");
        Assert.False(plain.TryGetProperty("explanations", out _));
    }

    [Theory]
    [InlineData("/?from=2024-01-01&to=2024-01-14", "Manager", true)]
    [InlineData("/?from=2024-01-01&to=2024-01-14", "Admin", true)]
    [InlineData("/?from=2024-01-01&to=2024-01-14", "Analyst", false)]
    [InlineData("/themes/cloud?from=2024-01-01&to=2024-01-14", "Manager", true)]
    public async Task Download_PDF_button_carries_the_view_and_shows_only_to_roles_that_may_download(string url, string role, bool shown)
    {
        var html = await fixture.App.ClientAs(role).GetStringAsync(url);
        Assert.Equal(shown, html.Contains("data-testid=\"download-pdf\""));
        if (shown)
        {
            Assert.Contains("/reports/snapshot.pdf?from=2024-01-01&amp;to=2024-01-14", html);
            if (url.StartsWith("/themes/cloud", StringComparison.Ordinal)) Assert.Contains("theme=cloud", html);
        }
    }

    [Theory]
    [InlineData("from=2024-02-01&to=2024-01-01")]
    [InlineData("granularity=hour")]
    [InlineData("weighting=likes")]
    [InlineData("theme=crypto")]
    [InlineData("from=yesterday")]
    [InlineData("format=xml")]
    public async Task Invalid_queries_get_a_problem_response(string query)
    {
        var response = await _analyst.GetAsync("/api/trends/share?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Rising_terms_compare_with_the_previous_period()
    {
        var r = await GetJson("/api/terms/rising?from=2024-01-08&to=2024-01-14&theme=cloud");
        Assert.Equal(10, r.GetProperty("postsCurrent").GetInt64());
        Assert.Equal(7, r.GetProperty("postsPrevious").GetInt64());
        var terms = r.GetProperty("terms").EnumerateArray().Select(t => t.GetProperty("term").GetString()).ToList();
        Assert.Contains("injection", terms);
        Assert.DoesNotContain("azure", terms);   // fell, not rose
        Assert.Equal("#secops", r.GetProperty("hashtags")[0].GetProperty("term").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_data_endpoint()
    {
        var doc = await GetJson("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/api/trends/share", "/api/trends/sentiment", "/api/posts", "/api/influencers", "/api/terms/rising", "/api/spikes" })
            Assert.Contains(p, paths);
    }
}

using System.Text;

namespace GenAITrends.Web.Tests.Infrastructure;

/// <summary>Small exports in the canonical layout, written by the tests themselves.</summary>
public static class TestCsv
{
    public const string Header = "post_id,created_at,author_handle,author_name,author_followers,lang,text,likes,reposts,replies,quotes,bookmarks,impressions,is_retweet,retweeted_author,url";

    public static string Row(long id, string text, string handle = "alice", string created = "2025-03-01T10:00:00Z", int likes = 5, string lang = "en") =>
        $"{id},{created},{handle},{handle} name,100,{lang},{Quote(text)},{likes},1,0,0,0,50,false,,https://x.com/{handle}/status/{id}";

    public static string Quote(string s) => "\"" + s.Replace("\"", "\"\"") + "\"";

    public static byte[] File(params string[] rows) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n");

    /// <summary>A mixed file: new posts on several days, authors and themes, one duplicate row and one rejected row.</summary>
    public static byte[] Mixed(long firstId, int posts, string tag = "")
    {
        var rows = new List<string>();
        var texts = new[] { "ChatGPT wrote my unit tests", "Claude helps with code review", "Midjourney art is everywhere", "AI regulation debate in the EU", "Copilot autocomplete saved an hour", "just had lunch" };
        for (int i = 0; i < posts; i++)
            rows.Add(Row(firstId + i, $"{texts[i % texts.Length]} {tag} #{i}", handle: $"user{i % 7}", created: $"2025-03-{1 + i % 9:00}T1{i % 10}:00:00Z", likes: i % 13, lang: i % 3 == 0 ? "de" : "en"));
        rows.Add(rows[0]); // the same row twice in one export: a duplicate
        rows.Add($"{firstId + posts},not-a-date,bob,Bob,1,en,broken row,1,1,1,1,1,1,false,,");
        return File([.. rows]);
    }
}

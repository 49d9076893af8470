namespace GenAITrends.Core.Ingestion;

/// <summary>The known export layouts (docs/csv-format.md). The name is reported; the mapping is by header aliases.</summary>
public enum ExportLayout
{
    Canonical,
    XApiV2,
    XAccountAnalytics,
    TwitteR,
    Kaggle,
    WebScraper,
    Generic,
}

/// <summary>Maps an export's header onto <see cref="PostField"/>s by aliases, and names the layout.</summary>
public sealed class ColumnMap
{
    // Header names are compared after lower-casing and dropping everything but letters and digits.
    private static readonly (PostField Field, string[] Aliases)[] AliasTable =
    [
        (PostField.PostId, ["postid", "tweetid", "id", "idstr", "statusid"]),
        (PostField.CreatedAt, ["createdat", "tweetcreated", "created", "date", "timestamp", "datetime", "time", "postedat", "createdatutc"]),
        (PostField.Text, ["text", "posttext", "fulltext", "tweettext", "tweet", "content", "body"]),
        (PostField.Lang, ["lang", "language"]),
        (PostField.AuthorHandle, ["authorhandle", "userusername", "screenname", "userscreenname", "handle", "author"]),
        (PostField.AuthorName, ["authorname", "username", "displayname", "userdisplayname", "name"]),
        (PostField.AuthorId, ["authorid", "userid"]),
        (PostField.Followers, ["authorfollowers", "userfollowerscount", "followerscount", "followers"]),
        (PostField.Likes, ["likes", "likecount", "favoritecount", "favouritecount", "favorites", "favourites"]),
        (PostField.Reposts, ["reposts", "retweetcount", "retweets", "repostcount"]),
        (PostField.Replies, ["replies", "replycount", "comments", "commentcount"]),
        (PostField.Quotes, ["quotes", "quotecount"]),
        (PostField.Bookmarks, ["bookmarks", "bookmarkcount"]),
        (PostField.Impressions, ["impressions", "impressioncount", "views", "viewcount"]),
        (PostField.IsRetweet, ["isretweet"]),
        (PostField.RetweetedAuthor, ["retweetedauthor", "retweetedscreenname", "retweetedhandle"]),
        (PostField.Url, ["url", "link", "tweeturl", "posturl", "permalink"]),
        (PostField.PublicMetrics, ["publicmetrics"]),
    ];

    private readonly int[] _index;

    public IReadOnlyList<string> Header { get; }
    public ExportLayout Layout { get; }

    private ColumnMap(IReadOnlyList<string> header, int[] index, ExportLayout layout)
    {
        Header = header;
        _index = index;
        Layout = layout;
    }

    public int this[PostField field] => _index[(int)field];
    public bool Has(PostField field) => _index[(int)field] >= 0;

    public static string NormaliseHeader(string name)
    {
        Span<char> buf = stackalloc char[Math.Min(name.Length, 128)];
        int n = 0;
        foreach (var c in name)
        {
            if (n == buf.Length) break;
            if (char.IsLetterOrDigit(c)) buf[n++] = char.ToLowerInvariant(c);
        }
        return new string(buf[..n]);
    }

    /// <summary>Builds the map or throws <see cref="ImportFailedException"/> naming what is missing.</summary>
    public static ColumnMap FromHeader(IReadOnlyList<string> header)
    {
        var normalised = header.Select(NormaliseHeader).ToArray();

        var duplicates = header
            .Select((h, i) => (Raw: h.Trim(), Norm: normalised[i]))
            .Where(h => h.Raw.Length > 0)
            .GroupBy(h => h.Raw, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();
        if (duplicates.Count > 0)
            throw new ImportFailedException($"The header repeats column name(s) {string.Join(", ", duplicates.Select(d => $"'{d}'"))}: each column must have a distinct name.");

        var index = Enumerable.Repeat(-1, Enum.GetValues<PostField>().Length).ToArray();
        var claimed = new bool[header.Count];
        foreach (var (field, aliases) in AliasTable)
        {
            // Aliases are in priority order: "post_id" beats a bare "id" column, "created_at" beats "date".
            foreach (var alias in aliases)
            {
                var i = Array.FindIndex(normalised, (h) => h == alias);
                if (i >= 0 && !claimed[i])
                {
                    index[(int)field] = i;
                    claimed[i] = true;
                    break;
                }
            }
        }

        // Kaggle dumps carry both "user_name" (display name) and "user_username" (handle); scrapers
        // have "UserName" (display) + "Handle". An export with only a user name uses it as the handle.
        if (index[(int)PostField.AuthorHandle] < 0 && index[(int)PostField.AuthorName] >= 0
            && normalised[index[(int)PostField.AuthorName]] == "username")
        {
            index[(int)PostField.AuthorHandle] = index[(int)PostField.AuthorName];
            index[(int)PostField.AuthorName] = -1;
        }

        var missing = new List<string>();
        if (index[(int)PostField.Text] < 0) missing.Add("a text column (text, post_text, full_text, tweet, content)");
        if (index[(int)PostField.CreatedAt] < 0) missing.Add("a time column (created_at, tweet_created, created, date, timestamp)");
        if (missing.Count > 0)
        {
            var found = string.Join(", ", header.Select(h => h.Length == 0 ? "(unnamed)" : Shorten(h)).Take(40));
            throw new ImportFailedException($"Unknown layout: columns found [{found}]; needed {string.Join(" and ", missing)}.");
        }

        return new ColumnMap(header, index, DetectLayout(normalised));
    }

    /// <summary>A header name as shown in a one-line error: control characters and line breaks as spaces, at most 40 characters.</summary>
    private static string Shorten(string name)
    {
        var s = new string(name.Select(c => char.IsControl(c) ? ' ' : c).ToArray());
        return s.Length <= 40 ? s : s[..40] + "…";
    }

    private static ExportLayout DetectLayout(string[] h)
    {
        bool Has(string name) => h.Contains(name);
        if (Has("authorhandle") && Has("createdat") && Has("text")) return ExportLayout.Canonical;
        if (Has("publicmetrics")) return ExportLayout.XApiV2;
        if (Has("postid") && Has("posttext")) return ExportLayout.XAccountAnalytics;
        if (Has("screenname") && Has("favoritecount")) return ExportLayout.TwitteR;
        if (Has("tweetid") && Has("tweetcreated")) return ExportLayout.Kaggle;
        if (Has("handle") && Has("timestamp") && !Has("postid") && !Has("id") && !Has("tweetid")) return ExportLayout.WebScraper;
        return ExportLayout.Generic;
    }
}

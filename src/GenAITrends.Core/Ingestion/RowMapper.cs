using System.Globalization;
using System.Text.RegularExpressions;

namespace GenAITrends.Core.Ingestion;

/// <summary>Outcome of mapping one CSV record: a draft, or a rejection reason.</summary>
public readonly record struct MappedRow(PostDraft? Draft, string? RejectReason);

/// <summary>Turns one record of a known layout into a validated <see cref="PostDraft"/>.</summary>
public sealed partial class RowMapper(ColumnMap map, TimeProvider clock)
{
    public static readonly DateTime EarliestPost = new(2006, 3, 21, 0, 0, 0, DateTimeKind.Utc);

    public MappedRow Map(IReadOnlyList<string> cols, long lineNumber)
    {
        string Get(PostField f) => map.Has(f) && map[f] < cols.Count ? cols[map[f]] : "";

        var rawText = Get(PostField.Text);
        if (ValueParsers.IsNull(rawText))
            return Reject("no text");

        var rawDate = Get(PostField.CreatedAt);
        if (ValueParsers.IsNull(rawDate))
            return Reject("no date");
        if (!ValueParsers.TryParseDate(rawDate, out var created))
            return Reject($"unparseable date '{Shown(rawDate, 40)}'");
        if (created < EarliestPost)
            return Reject($"date {created:yyyy-MM-dd} is before 2006-03-21, when the first post was written");
        if (created > clock.GetUtcNow().UtcDateTime.AddDays(1))
            return Reject($"date {created:yyyy-MM-dd HH:mm} is in the future");

        var handle = Handle(Get(PostField.AuthorHandle));
        var name = Clean(Get(PostField.AuthorName));
        var url = Clean(Get(PostField.Url));
        var authorId = ValueParsers.ParseReliableId(Get(PostField.AuthorId));
        if (handle is null && url is not null && StatusUrl().Match(url) is { Success: true } m)
            handle = m.Groups["handle"].Value.ToLowerInvariant();
        if (handle is null && authorId is not null)
            handle = "id" + authorId;
        handle ??= "unknown";

        var text = TextNormalizer.ForDisplay(rawText);
        if (map.Layout == ExportLayout.WebScraper)
            text = StripScraperPrefix(text);
        if (text.Length == 0)
            return Reject("no text");

        // Counts: dedicated columns first, else the API v2 public_metrics blob.
        var metrics = default(PublicMetrics);
        if (map.Has(PostField.PublicMetrics) && !ValueParsers.TryParsePublicMetrics(Get(PostField.PublicMetrics), out metrics))
            return Reject($"unreadable public_metrics '{Shown(Get(PostField.PublicMetrics), 40)}'");

        long? likes, reposts, replies, quotes, bookmarks, impressions, followers;
        string? bad;
        if ((bad = Count(PostField.Likes, metrics.Likes, out likes)) is not null
            || (bad = Count(PostField.Reposts, metrics.Reposts, out reposts)) is not null
            || (bad = Count(PostField.Replies, metrics.Replies, out replies)) is not null
            || (bad = Count(PostField.Quotes, metrics.Quotes, out quotes)) is not null
            || (bad = Count(PostField.Bookmarks, metrics.Bookmarks, out bookmarks)) is not null
            || (bad = Count(PostField.Impressions, metrics.Impressions, out impressions)) is not null
            || (bad = Count(PostField.Followers, null, out followers)) is not null)
            return Reject(bad);

        var matchText = TextNormalizer.ForMatching(text);
        var rt = RetweetPrefix().Match(text);
        var isRetweet = rt.Success || ValueParsers.ParseBool(Get(PostField.IsRetweet)) == true;
        var retweeted = rt.Success ? rt.Groups["handle"].Value.ToLowerInvariant() : Handle(Get(PostField.RetweetedAuthor));

        var postId = ValueParsers.ParseReliableId(Get(PostField.PostId));
        var unixSeconds = new DateTimeOffset(created).ToUnixTimeSeconds();
        var dedupeKey = postId is not null
            ? "x:" + postId
            : "h:" + TextNormalizer.Hash(string.Create(CultureInfo.InvariantCulture, $"{handle}\u001f{unixSeconds}\u001f{matchText}"));
        if (url is null && postId is not null && !handle.StartsWith("id", StringComparison.Ordinal) && handle != "unknown")
            url = $"https://x.com/{handle}/status/{postId}";

        return new MappedRow(new PostDraft
        {
            LineNumber = lineNumber,
            PlatformPostId = postId,
            DedupeKey = dedupeKey,
            AuthorHandle = handle,
            AuthorName = name,
            AuthorPlatformId = authorId,
            Followers = followers,
            CreatedAtUtc = created,
            Text = text,
            MatchText = matchText,
            ContentHash = TextNormalizer.Hash(matchText),
            Lang = Lang(Get(PostField.Lang)),
            Likes = likes ?? 0,
            Reposts = reposts ?? 0,
            Replies = replies ?? 0,
            Quotes = quotes ?? 0,
            Bookmarks = bookmarks ?? 0,
            Impressions = impressions,
            IsRetweet = isRetweet,
            RetweetedAuthor = isRetweet ? retweeted : null,
            Url = url,
        }, null);

        string? Count(PostField field, long? fallback, out long? value)
        {
            value = fallback;
            if (!map.Has(field)) return null;
            var raw = Get(field);
            if (!ValueParsers.TryParseCount(raw, out var parsed))
                return $"{FieldName(field)} '{Shown(raw, 20)}' is not a number";
            if (parsed < 0)
                return $"{FieldName(field)} is negative ({parsed})";
            value = parsed ?? fallback;
            return null;
        }
    }

    private static MappedRow Reject(string reason) => new(null, reason);

    private static string FieldName(PostField f) => f.ToString().ToLowerInvariant();

    private static string? Clean(string s) => ValueParsers.IsNull(s) ? null : s.Trim();

    private static string? Handle(string s)
    {
        if (ValueParsers.IsNull(s)) return null;
        var h = s.Trim().TrimStart('@').Trim();
        return h.Length == 0 ? null : h.ToLowerInvariant();
    }

    private static string? Lang(string s)
    {
        if (ValueParsers.IsNull(s)) return null;
        var l = s.Trim().ToLowerInvariant();
        return l is "und" or "zxx" || l.Length > 12 ? null : l;
    }

    internal static string Excerpt(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    /// <summary>A value quoted in a reject reason: on one line (reasons end up in one-line file errors), excerpted.</summary>
    private static string Shown(string s, int max) => Excerpt(string.Create(s.Length, s, (dst, src) =>
    {
        for (int i = 0; i < src.Length; i++) dst[i] = char.IsControl(src[i]) ? ' ' : src[i];
    }), max);

    /// <summary>Web-UI scrapes prefix the body with "Name\n@handle\n·\n2m"; the age is glued to the body.</summary>
    internal static string StripScraperPrefix(string text)
    {
        var m = ScraperPrefix().Match(text);
        return m.Success ? text[m.Length..].Trim() : text;
    }

    [GeneratedRegex(@"^[^\n]*\n@\w{1,30}\n·\n(\d{1,2}[smhd]|[A-Z][a-z]{2} \d{1,2}(, \d{4})?)", RegexOptions.CultureInvariant)]
    private static partial Regex ScraperPrefix();

    [GeneratedRegex(@"^RT @(?<handle>\w{1,30}):", RegexOptions.CultureInvariant)]
    private static partial Regex RetweetPrefix();

    [GeneratedRegex(@"^https?://(www\.)?(x|twitter)\.com/(?<handle>\w{1,30})/status", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex StatusUrl();
}

using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

public enum PostSort { Newest, Engagement }

/// <summary>Posts search: the shared filter plus post-level criteria. Page is 1-based.</summary>
public sealed record PostQuery(
    TrendFilter Filter,
    string? Text = null,
    SentimentLabel? Sentiment = null,
    long? MinEngagement = null,
    PostSort Sort = PostSort.Newest,
    int Page = 1,
    int PageSize = 25);

public sealed record PostThemeTag(string Theme, string Label, string Colour, double Confidence);

public sealed record PostRow(
    long Id, DateTime CreatedAtUtc, string AuthorHandle, string? AuthorName, string Text, string? Lang, string? Url,
    long Likes, long Reposts, long Replies, long Quotes, long Engagement,
    string? Sentiment, double? SentimentScore, IReadOnlyList<PostThemeTag> Themes);

/// <summary>
/// One page of results. <see cref="Total"/> is exact up to <see cref="PostSearch.CountCap"/>; beyond it
/// <see cref="TotalIsLowerBound"/> is true (counting every match of a broad search would cost more than the page).
/// </summary>
public sealed record PostPage(int Page, int PageSize, long Total, bool TotalIsLowerBound, IReadOnlyList<PostRow> Items)
{
    public int PageCount => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>Filtered, full-text searchable list of posts (the one analytics query that reads the posts table).</summary>
public sealed class PostSearch(TrendsDbContext db, IPostTextSearch textSearch, RollupReader rollups)
{
    public const int MaxPageSize = 200;
    public const int CountCap = 10_000;

    public async Task<PostPage> QueryAsync(PostQuery q, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(q.PageSize, 1, MaxPageSize);
        var page = Math.Clamp(q.Page, 1, CountCap / pageSize + 1);
        var f = q.Filter;

        // The time range goes through the CreatedAtUtc index, which also gives the newest-first order.
        var fromUtc = Days.StartUtc(f.From);
        var toUtc = Days.StartUtc(f.To.AddDays(1));
        long? authorId = null;
        if (f.NormalisedAuthor is { } handle)
        {
            authorId = await db.AuthorIdAsync(handle, ct);
            if (authorId is null) return new PostPage(page, pageSize, 0, false, []);
        }
        IQueryable<Post> Filtered(IQueryable<Post> source)
        {
            var posts = source.AsNoTracking().Where(p => p.CreatedAtUtc >= fromUtc && p.CreatedAtUtc < toUtc);
            if (f.NormalisedLang is { } lang)
                posts = lang == "und" ? posts.Where(p => p.Lang == null || p.Lang == "") : posts.Where(p => p.Lang == lang);
            if (authorId is { } author) posts = posts.Where(p => p.AuthorId == author);
            if (f.Theme is { } theme) posts = posts.Where(p => p.Themes.Any(t => t.Theme == theme));
            if (q.Sentiment is { } s) posts = posts.Where(p => p.Sentiment == s);
            if (q.MinEngagement is { } min && min > 0) posts = posts.Where(p => p.Likes + p.Reposts + p.Replies + p.Quotes >= min);
            return posts;
        }

        var posts = Filtered(db.Posts);
        var listed = posts;
        IQueryable<long>? ids = null;
        int counted;
        var walkEngagementIndex = false;
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            ids = textSearch.MatchingIds(db, q.Text);
            if (ids is null) return new PostPage(page, pageSize, 0, false, []);
            var matches = await textSearch.CountMatchesAsync(db, q.Text, ManyMatches, ct);
            var unfiltered = f.NormalisedLang is null && f.NormalisedAuthor is null && f.Theme is null && q.Sentiment is null
                             && q.MinEngagement is not > 0;
            var matching = ids;
            posts = posts.Where(p => matching.Contains(p.Id));
            // Many matches, newest first: walk the CreatedAtUtc index newest first and test each post against the
            // set of matches ("Id + 0" keeps SQLite from looking up every match and sorting them all by time
            // before the first page); a few matches are looked up directly.
            listed = matches >= ManyMatches / 10 && q.Sort == PostSort.Newest ? listed.Where(p => matching.Contains(p.Id + 0)) : posts;
            // Nothing but the text (and a period holding every post): the FTS count is the answer.
            counted = matches is { } m && unfiltered && await CoversAllPostsAsync(f, ct)
                ? Math.Min(m, CountCap + 1)
                : await posts.Select(p => p.Id).Take(CountCap + 1).CountAsync(ct);
        }
        else if (q.Sentiment is null && q.MinEngagement is not > 0 && !(f.NormalisedAuthor is not null && f.NormalisedLang is not null))
            (counted, walkEngagementIndex) = await CountFromRollupsAsync(q, page * pageSize, ct);
        else counted = await posts.Select(p => p.Id).Take(CountCap + 1).CountAsync(ct);

        if (q.Sort == PostSort.Engagement && (counted > CountCap || walkEngagementIndex))
        {
            // Many matches, most engaging first: walk the engagement index from the top and test each post (a few
            // hundred entries per page when one post in a hundred matches) rather than sort every match. SQLite would
            // otherwise take the CreatedAtUtc range and sort all of it (2.5 s for 1M posts). Few matches among many
            // posts are sorted, which is cheaper than walking the index past all the posts that do not match.
            listed = Filtered(db.Posts.FromSqlRaw(EngagementOrderSql));
            if (ids is { } matching) listed = listed.Where(p => matching.Contains(p.Id));
        }

        var ordered = q.Sort == PostSort.Engagement
            ? listed.OrderByDescending(p => p.Likes + p.Reposts + p.Replies + p.Quotes).ThenByDescending(p => p.CreatedAtUtc).ThenByDescending(p => p.Id)
            : listed.OrderByDescending(p => p.CreatedAtUtc).ThenByDescending(p => p.Id);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new
            {
                p.Id, p.CreatedAtUtc, p.Author!.Handle, p.Author.DisplayName, p.Text, p.Lang, p.Url,
                p.Likes, p.Reposts, p.Replies, p.Quotes, p.Sentiment, p.SentimentScore,
                Themes = p.Themes.Select(t => new { t.Theme, t.Probability }).ToList(),
            })
            .ToListAsync(ct);

        var items = rows.Select(p => new PostRow(p.Id, p.CreatedAtUtc, p.Handle, p.DisplayName, p.Text, p.Lang, p.Url,
            p.Likes, p.Reposts, p.Replies, p.Quotes, p.Likes + p.Reposts + p.Replies + p.Quotes,
            p.Sentiment?.ToString().ToLowerInvariant(), p.SentimentScore,
            [.. p.Themes.OrderBy(t => t.Theme).Select(t => Tag(t.Theme, t.Probability))])).ToList();
        return new PostPage(page, pageSize, Math.Min(counted, CountCap), counted > CountCap, items);
    }

    /// <summary>
    /// The matches of a list filtered only by period, language, theme and author, from the rollups (exact; the author
    /// rollups have no language, hence not both), instead of testing up to 10,001 posts one by one. Sorted by
    /// engagement, also whether walking the engagement index to the end of the page reads fewer posts than sorting
    /// the period's: the walk visits about (all posts ÷ matches) entries per post it returns.
    /// </summary>
    private async Task<(int Counted, bool WalkEngagementIndex)> CountFromRollupsAsync(PostQuery q, int lastRow, CancellationToken ct)
    {
        var f = q.Filter;
        var (sums, _) = await rollups.DailyAsync(f, f.FromDay, f.ToDay, ct);
        var theme = f.Theme is { } t ? (byte)t : (byte)0;
        var matches = sums.Where(r => r.Theme == theme).Sum(r => r.Posts);
        var walk = false;
        if (q.Sort == PostSort.Engagement && matches > 0)
        {
            var periodPosts = sums.Where(r => r.Theme == 0).Sum(r => r.Posts);
            var allPosts = (await rollups.TotalAsync(0, int.MinValue, int.MaxValue, ct)).Posts;
            walk = (double)allPosts / matches * lastRow < periodPosts;
        }
        return ((int)Math.Min(matches, CountCap + 1), walk);
    }

    /// <summary>
    /// The posts table read through IX_Posts_Engagement (engagement, then time and id, all descending; created by raw
    /// SQL in its migration, as EF Core cannot model an index on an expression).
    /// </summary>
    private const string EngagementOrderSql = "SELECT * FROM \"Posts\" INDEXED BY \"IX_Posts_Engagement\"";

    /// <summary>FTS matches are counted up to this (more than <see cref="CountCap"/>); a tenth of it is "many".</summary>
    private const int ManyMatches = 20_000;

    /// <summary>True when the period's days hold every post (the rollups' first and last day), so the time filter removes no match.</summary>
    private async Task<bool> CoversAllPostsAsync(TrendFilter f, CancellationToken ct) =>
        await rollups.DataRangeAsync(ct) is not { } data || (f.From <= data.First && f.To >= data.Last);

    private static PostThemeTag Tag(Theme theme, float probability)
    {
        var info = Themes.Get(theme);
        return new PostThemeTag(info.Id, info.Label, info.Colour, Math.Round(probability, 4));
    }
}

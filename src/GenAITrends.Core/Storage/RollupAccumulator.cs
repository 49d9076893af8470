using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>
/// Collects rollup deltas in memory during an import (or an undo) and writes them as upserts inside
/// the same transaction, so the rollups always agree with the posts table.
/// </summary>
public sealed class RollupAccumulator
{
    private readonly record struct DayKey(int Day, byte Theme, string Lang);
    private readonly record struct AuthorKey(long AuthorId, int Day, byte Theme);
    private readonly record struct MonthKey(byte Theme, long AuthorId, int Month);

    private sealed class Sums
    {
        public long Posts;
        public long Engagement;
        public double SentimentSum;
        public long SentimentCount;
    }

    private readonly Dictionary<DayKey, Sums> _daily = [];
    private readonly Dictionary<AuthorKey, Sums> _author = [];
    private readonly Dictionary<MonthKey, Sums> _monthly = [];
    private readonly Dictionary<(byte Theme, long AuthorId), Sums> _totals = [];

    private bool _hadRemovals;

    public int PendingAuthorEntries => _author.Count;

    /// <summary>Entries waiting in the largest of the pending maps (a flush bounds memory).</summary>
    public int PendingEntries => Math.Max(Math.Max(_author.Count, _monthly.Count), Math.Max(_totals.Count, _daily.Count));

    /// <summary>Adds one post (or removes it with sign -1) under "all posts" and each of its themes.</summary>
    /// <param name="perAuthor">False when the caller writes this post's per-author rollups (daily, monthly, totals)
    /// itself: a bulk load aggregates them in SQL at the end (<see cref="AddNewPostsToAuthorRollups"/>).</param>
    public void Add(int day, string? lang, long authorId, ReadOnlySpan<byte> themes, long posts, long engagement, float? sentiment, bool perAuthor = true)
    {
        if (posts < 0) _hadRemovals = true;
        var month = AuthorMonthlyRollup.MonthOf(day);
        Accumulate(day, month, 0, lang, authorId, posts, engagement, sentiment, perAuthor);
        foreach (var t in themes) Accumulate(day, month, t, lang, authorId, posts, engagement, sentiment, perAuthor);
    }

    private void Accumulate(int day, int month, byte theme, string? lang, long authorId, long posts, long engagement, float? sentiment, bool perAuthor)
    {
        var d = Get(_daily, new DayKey(day, theme, lang ?? ""));
        var m = perAuthor ? Get(_monthly, new MonthKey(theme, authorId, month)) : null;
        var t = perAuthor ? Get(_totals, (theme, authorId)) : null;
        var a = perAuthor ? Get(_author, new AuthorKey(authorId, day, theme)) : null;
        foreach (var s in (ReadOnlySpan<Sums?>)[d, m, t, a])
        {
            if (s is null) continue;
            s.Posts += posts;
            s.Engagement += engagement;
            if (sentiment.HasValue && posts != 0)
            {
                s.SentimentSum += sentiment.Value * Math.Sign(posts);
                s.SentimentCount += posts;
            }
        }
    }

    private static Sums Get<TKey>(Dictionary<TKey, Sums> map, TKey key) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var s)) map[key] = s = new Sums();
        return s;
    }

    /// <summary>
    /// Adds the posts with <c>Id &gt; afterPostId</c> (the rows a bulk load appended, with their PostThemes) to the
    /// per-author rollups in sorted SQL aggregates: AuthorDailyRollups (about one row per post and theme, the largest
    /// rollup), then AuthorMonthlyRollups and AuthorTotals grouped from that first aggregate. One ordered pass each
    /// instead of a random upsert per key and flush. Same sums as <see cref="Add"/>: posts, likes + reposts + replies
    /// + quotes, and the sentiment scores that are set.
    /// </summary>
    public static void AddNewPostsToAuthorRollups(SqliteConnection connection, SqliteTransaction tx, long afterPostId)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandTimeout = 0;
        cmd.Parameters.AddWithValue("$after", afterPostId);
        cmd.CommandText = """
            CREATE TEMP TABLE BulkAuthorDaily AS
            SELECT AuthorId, Day, Theme, count(*) AS Posts, sum(E) AS Engagement, total(SentimentScore) AS SentimentSum,
                   count(SentimentScore) AS SentimentCount
            FROM (SELECT p.AuthorId, p.Day, 0 AS Theme, p.Likes + p.Reposts + p.Replies + p.Quotes AS E, p.SentimentScore
                  FROM Posts p WHERE p.Id > $after
                  UNION ALL
                  SELECT p.AuthorId, p.Day, t.Theme, p.Likes + p.Reposts + p.Replies + p.Quotes, p.SentimentScore
                  FROM PostThemes t JOIN Posts p ON p.Id = t.PostId WHERE t.PostId > $after)
            GROUP BY AuthorId, Day, Theme;

            INSERT INTO AuthorDailyRollups (AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount)
            SELECT AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount FROM temp.BulkAuthorDaily WHERE true
            ON CONFLICT (AuthorId, Day, Theme) DO UPDATE SET
              Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
              SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount;

            INSERT INTO AuthorMonthlyRollups (Theme, AuthorId, Month, Posts, Engagement, SentimentSum, SentimentCount)
            SELECT Theme, AuthorId, Day - CAST(strftime('%d', Day * 86400, 'unixepoch') AS INTEGER) + 1 AS Month,
                   sum(Posts), sum(Engagement), total(SentimentSum), sum(SentimentCount)
            FROM temp.BulkAuthorDaily WHERE true
            GROUP BY Theme, AuthorId, Month
            ON CONFLICT (Theme, AuthorId, Month) DO UPDATE SET
              Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
              SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount;

            INSERT INTO AuthorTotals (Theme, AuthorId, Posts, Engagement)
            SELECT Theme, AuthorId, sum(Posts), sum(Engagement) FROM temp.BulkAuthorDaily WHERE true
            GROUP BY Theme, AuthorId
            ON CONFLICT (Theme, AuthorId) DO UPDATE SET Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement;

            DROP TABLE temp.BulkAuthorDaily;
            """;
        cmd.ExecuteNonQuery();
        RollupStamp.Touch(connection, tx);
    }

    public void Flush(SqliteConnection connection, SqliteTransaction tx)
    {
        using (var daily = new RawStatement(connection, """
            INSERT INTO DailyRollups (Day, Theme, Lang, Posts, Engagement, SentimentSum, SentimentCount)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (Day, Theme, Lang) DO UPDATE SET
              Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
              SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount
            """))
        {
            foreach (var (k, s) in _daily)
                daily.Bind(1, k.Day).Bind(2, k.Theme).Bind(3, k.Lang).Bind(4, s.Posts).Bind(5, s.Engagement)
                     .Bind(6, s.SentimentSum).Bind(7, s.SentimentCount).Execute();
        }
        using (var author = new RawStatement(connection, """
            INSERT INTO AuthorDailyRollups (AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (AuthorId, Day, Theme) DO UPDATE SET
              Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
              SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount
            """))
        {
            // Sorted by key so the upserts walk the primary-key B-tree in order.
            foreach (var (k, s) in _author.OrderBy(e => e.Key.AuthorId).ThenBy(e => e.Key.Day).ThenBy(e => e.Key.Theme))
                author.Bind(1, k.AuthorId).Bind(2, k.Day).Bind(3, k.Theme).Bind(4, s.Posts).Bind(5, s.Engagement)
                      .Bind(6, s.SentimentSum).Bind(7, s.SentimentCount).Execute();
        }
        using (var monthly = new RawStatement(connection, """
            INSERT INTO AuthorMonthlyRollups (Theme, AuthorId, Month, Posts, Engagement, SentimentSum, SentimentCount)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            ON CONFLICT (Theme, AuthorId, Month) DO UPDATE SET
              Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
              SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount
            """))
        {
            foreach (var (k, s) in _monthly.OrderBy(e => e.Key.Theme).ThenBy(e => e.Key.AuthorId).ThenBy(e => e.Key.Month))
                monthly.Bind(1, k.Theme).Bind(2, k.AuthorId).Bind(3, k.Month).Bind(4, s.Posts).Bind(5, s.Engagement)
                       .Bind(6, s.SentimentSum).Bind(7, s.SentimentCount).Execute();
        }
        using (var totals = new RawStatement(connection, """
            INSERT INTO AuthorTotals (Theme, AuthorId, Posts, Engagement) VALUES (?1, ?2, ?3, ?4)
            ON CONFLICT (Theme, AuthorId) DO UPDATE SET Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement
            """))
        {
            foreach (var (k, s) in _totals.OrderBy(e => e.Key.Theme).ThenBy(e => e.Key.AuthorId))
                totals.Bind(1, k.Theme).Bind(2, k.AuthorId).Bind(3, s.Posts).Bind(4, s.Engagement).Execute();
        }
        if (_hadRemovals)
        {
            using var cleanup = connection.CreateCommand();
            // Undo can bring a bucket back to zero: drop it rather than keep empty rows around.
            cleanup.Transaction = tx;
            cleanup.CommandText = "DELETE FROM DailyRollups WHERE Posts = 0; DELETE FROM AuthorDailyRollups WHERE Posts = 0; DELETE FROM AuthorMonthlyRollups WHERE Posts = 0; DELETE FROM AuthorTotals WHERE Posts = 0;";
            cleanup.ExecuteNonQuery();
            _hadRemovals = false;
        }
        if (_daily.Count > 0 || _author.Count > 0 || _monthly.Count > 0 || _totals.Count > 0) RollupStamp.Touch(connection, tx);
        _daily.Clear();
        _author.Clear();
        _monthly.Clear();
        _totals.Clear();
    }
}

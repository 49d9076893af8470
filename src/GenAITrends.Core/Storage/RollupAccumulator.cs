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

    private sealed class Sums
    {
        public long Posts;
        public long Engagement;
        public double SentimentSum;
        public long SentimentCount;
    }

    private readonly Dictionary<DayKey, Sums> _daily = [];
    private readonly Dictionary<AuthorKey, Sums> _author = [];

    private bool _hadRemovals;

    public int PendingAuthorEntries => _author.Count;

    /// <summary>Adds one post (or removes it with sign -1) under "all posts" and each of its themes.</summary>
    public void Add(int day, string? lang, long authorId, ReadOnlySpan<byte> themes, long posts, long engagement, float? sentiment)
    {
        if (posts < 0) _hadRemovals = true;
        Accumulate(day, 0, lang, authorId, posts, engagement, sentiment);
        foreach (var t in themes) Accumulate(day, t, lang, authorId, posts, engagement, sentiment);
    }

    private void Accumulate(int day, byte theme, string? lang, long authorId, long posts, long engagement, float? sentiment)
    {
        var d = Get(_daily, new DayKey(day, theme, lang ?? ""));
        var a = Get(_author, new AuthorKey(authorId, day, theme));
        foreach (var s in (ReadOnlySpan<Sums>)[d, a])
        {
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

    public void Flush(SqliteConnection connection, SqliteTransaction tx)
    {
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO DailyRollups (Day, Theme, Lang, Posts, Engagement, SentimentSum, SentimentCount)
                VALUES ($day, $theme, $lang, $posts, $eng, $ss, $sc)
                ON CONFLICT (Day, Theme, Lang) DO UPDATE SET
                  Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
                  SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount
                """;
            var pDay = cmd.Parameters.Add("$day", SqliteType.Integer);
            var pTheme = cmd.Parameters.Add("$theme", SqliteType.Integer);
            var pLang = cmd.Parameters.Add("$lang", SqliteType.Text);
            var (pPosts, pEng, pSs, pSc) = SumParameters(cmd);
            cmd.Prepare();
            foreach (var (k, s) in _daily)
            {
                pDay.Value = k.Day; pTheme.Value = k.Theme; pLang.Value = k.Lang;
                SetSums(s, pPosts, pEng, pSs, pSc);
                cmd.ExecuteNonQuery();
            }
        }
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO AuthorDailyRollups (AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount)
                VALUES ($author, $day, $theme, $posts, $eng, $ss, $sc)
                ON CONFLICT (AuthorId, Day, Theme) DO UPDATE SET
                  Posts = Posts + excluded.Posts, Engagement = Engagement + excluded.Engagement,
                  SentimentSum = SentimentSum + excluded.SentimentSum, SentimentCount = SentimentCount + excluded.SentimentCount
                """;
            var pAuthor = cmd.Parameters.Add("$author", SqliteType.Integer);
            var pDay = cmd.Parameters.Add("$day", SqliteType.Integer);
            var pTheme = cmd.Parameters.Add("$theme", SqliteType.Integer);
            var (pPosts, pEng, pSs, pSc) = SumParameters(cmd);
            cmd.Prepare();
            foreach (var (k, s) in _author)
            {
                pAuthor.Value = k.AuthorId; pDay.Value = k.Day; pTheme.Value = k.Theme;
                SetSums(s, pPosts, pEng, pSs, pSc);
                cmd.ExecuteNonQuery();
            }
        }
        if (_hadRemovals)
        {
            using var cleanup = connection.CreateCommand();
            // Undo can bring a bucket back to zero: drop it rather than keep empty rows around.
            cleanup.Transaction = tx;
            cleanup.CommandText = "DELETE FROM DailyRollups WHERE Posts = 0; DELETE FROM AuthorDailyRollups WHERE Posts = 0;";
            cleanup.ExecuteNonQuery();
            _hadRemovals = false;
        }
        _daily.Clear();
        _author.Clear();
    }

    private static (SqliteParameter, SqliteParameter, SqliteParameter, SqliteParameter) SumParameters(SqliteCommand cmd) =>
        (cmd.Parameters.Add("$posts", SqliteType.Integer), cmd.Parameters.Add("$eng", SqliteType.Integer),
         cmd.Parameters.Add("$ss", SqliteType.Real), cmd.Parameters.Add("$sc", SqliteType.Integer));

    private static void SetSums(Sums s, SqliteParameter posts, SqliteParameter eng, SqliteParameter ss, SqliteParameter sc)
    {
        posts.Value = s.Posts; eng.Value = s.Engagement; ss.Value = s.SentimentSum; sc.Value = s.SentimentCount;
    }
}

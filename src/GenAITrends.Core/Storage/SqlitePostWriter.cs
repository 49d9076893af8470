using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

public enum WriteOutcome { Imported, Updated, Duplicate }

/// <summary>
/// The import's fast path: prepared statements on one connection inside one transaction.
/// New posts are inserted; a post already stored (same dedupe key) is updated when the export brings
/// higher engagement figures (counts only grow, so an older export never rolls figures back), and
/// is otherwise a duplicate. Rollups are adjusted alongside.
/// </summary>
public sealed class SqlitePostWriter : IDisposable
{
    private const int AuthorCacheLimit = 100_000;

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;
    private readonly long _batchId;
    private readonly RollupAccumulator _rollups = new();
    /// <summary>Authors seen in this import: id and the facts last written, so unchanged rows cost no write.</summary>
    private readonly Dictionary<string, (long Id, string? Name, long? Followers)> _authors = new(StringComparer.Ordinal);

    private readonly RawStatement _insertPost, _insertFts;
    private readonly PostThemeInserter _insertThemes;
    private readonly SqliteCommand _findPost, _findPostById, _updatePost, _findThemes, _findAuthor, _insertAuthor, _updateAuthor;
    /// <summary>CREATE INDEX statements of the secondary indexes dropped for a bulk load, to run again before commit.</summary>
    private readonly List<string> _deferredIndexes = [];
    /// <summary>Bulk load: the largest post id before it (every post it inserts has a larger id), whose new posts
    /// reach the per-author rollups through sorted aggregates at the end; null = every post goes through the accumulator.</summary>
    private long? _bulkAfterPostId;
    /// <summary>Bulk load: the dedupe keys, checked in memory while the unique dedupe-key index is dropped (rebuilt by
    /// <see cref="Finish"/>); null = the index answers (ON CONFLICT and a lookup by key).</summary>
    private DedupeKeySet? _keys;
    /// <summary>Time spent flushing rollups (ms).</summary>
    public long RollupFlushMs { get; private set; }

    /// <param name="expectedRows">Rough number of rows the file brings (0 = unknown). When it is at least the number
    /// of posts already stored, the secondary indexes that the import itself never reads are dropped inside the
    /// transaction and rebuilt by <see cref="Finish"/>: one sort per index instead of a random B-tree insert per row.
    /// SQLite DDL is transactional, so a rollback (crash, kill, failure) restores them with everything else.</param>
    public SqlitePostWriter(SqliteConnection connection, SqliteTransaction tx, long batchId, long expectedRows = 0)
    {
        _connection = connection;
        _tx = tx;
        _batchId = batchId;
        if (expectedRows > 0) DeferIndexesForBulkLoad(expectedRows);

        _insertPost = new RawStatement(connection, """
            INSERT INTO Posts (PlatformPostId, DedupeKey, AuthorId, CreatedAtUtc, Day, Text, Lang, Likes, Reposts, Replies,
                               Quotes, Bookmarks, Impressions, IsRetweet, RetweetedAuthorId, Url, ContentHash,
                               CreatedByBatchId, UpdatedByBatchId, Sentiment, SentimentScore)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, ?19, ?20)
            """ + (_keys is null ? " ON CONFLICT (DedupeKey) DO NOTHING" : ""));
        _findPost = Prepare("""
            SELECT Id, Likes, Reposts, Replies, Quotes, Bookmarks, Impressions, CreatedByBatchId, UpdatedByBatchId,
                   Day, Lang, AuthorId, SentimentScore
            FROM Posts WHERE DedupeKey = $key
            """, "$key");
        _findPostById = Prepare("""
            SELECT Id, Likes, Reposts, Replies, Quotes, Bookmarks, Impressions, CreatedByBatchId, UpdatedByBatchId,
                   Day, Lang, AuthorId, SentimentScore, DedupeKey
            FROM Posts WHERE Id = $id
            """, "$id");
        _updatePost = Prepare("""
            UPDATE Posts SET Likes = $likes, Reposts = $reposts, Replies = $replies, Quotes = $quotes,
                             Bookmarks = $bookmarks, Impressions = $impressions, UpdatedByBatchId = $batch
            WHERE Id = $id
            """, "$likes", "$reposts", "$replies", "$quotes", "$bookmarks", "$impressions", "$batch", "$id");
        _insertThemes = new PostThemeInserter(connection);
        _findThemes = Prepare("SELECT Theme FROM PostThemes WHERE PostId = $post", "$post");
        _findAuthor = Prepare("SELECT Id FROM Authors WHERE Handle = $handle", "$handle");
        _insertAuthor = Prepare("""
            INSERT INTO Authors (Handle, DisplayName, FollowerCount, PlatformUserId) VALUES ($handle, $name, $followers, $uid)
            RETURNING Id
            """, "$handle", "$name", "$followers", "$uid");
        _updateAuthor = Prepare("""
            UPDATE Authors SET DisplayName = coalesce($name, DisplayName), FollowerCount = coalesce($followers, FollowerCount),
                               PlatformUserId = coalesce($uid, PlatformUserId)
            WHERE Id = $id
            """, "$name", "$followers", "$uid", "$id");
        _insertFts = new RawStatement(connection, "INSERT INTO PostsFts (rowid, Text) VALUES (?1, ?2)");
    }

    /// <summary>Secondary indexes a bulk load keeps: those it only appends to, whose upkeep costs less than a rebuild's
    /// full scan and sort. The import reads only primary keys, author handles (another table) and, in memory, dedupe
    /// keys; every other index on the tables it writes (the unique dedupe key included) is rebuilt at the end.</summary>
    /// <remarks>Appends: every new post has the same batch ids and a larger id than any stored (one insertion point per key;
    /// a theme index has five), and most posts are not retweets (NULL, appended in id order).</remarks>
    private static readonly HashSet<string> IndexesKeptDuringLoad = new(StringComparer.OrdinalIgnoreCase)
    {
        "IX_Posts_CreatedByBatchId", "IX_Posts_UpdatedByBatchId", "IX_Posts_RetweetedAuthorId", "IX_PostThemes_Theme_PostId",
    };
    private const string DedupeIndex = "IX_Posts_DedupeKey";

    private void DeferIndexesForBulkLoad(long expectedRows)
    {
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = _tx;
            // max(Id) reads one B-tree edge, unlike count(*): an upper bound on the posts stored.
            cmd.CommandText = "SELECT coalesce(max(Id), 0) FROM Posts";
            var maxId = (long)cmd.ExecuteScalar()!;
            if (maxId > expectedRows) return;
            _bulkAfterPostId = maxId;
            // Every B-tree a bulk load writes is appended to (dedupe keys are checked in memory): a 16 MB page cache is
            // enough and pays for part of the key map's memory.
            cmd.CommandText = "PRAGMA cache_size=-16384";
            cmd.ExecuteNonQuery();
        }
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.Transaction = _tx;
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('Posts', 'PostThemes', 'AuthorDailyRollups') AND sql IS NOT NULL ORDER BY name";
            using var r = cmd.ExecuteReader();
            while (r.Read()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, sql) in indexes)
        {
            if (name.Equals(DedupeIndex, StringComparison.OrdinalIgnoreCase))
            {
                // Every stored key goes into memory first (read from the index itself: keys and ids only); from then
                // on each key is checked there, so the rebuilt unique index can never meet a duplicate.
                _keys = DedupeKeySet.Load(_connection, _tx, expectedRows);
            }
            else if (IndexesKeptDuringLoad.Contains(name) || sql.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase)) continue;
            using var drop = _connection.CreateCommand();
            drop.Transaction = _tx;
            drop.CommandText = $"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            drop.ExecuteNonQuery();
            _deferredIndexes.Add(sql);
        }
    }

    /// <summary>True when secondary indexes were dropped for this load (and <see cref="Finish"/> rebuilds them).</summary>
    public bool DeferredIndexes => _deferredIndexes.Count > 0;

    /// <summary>Writes the pending rollups and rebuilds any index dropped for the bulk load; call once, before commit.</summary>
    public void Finish()
    {
        FlushRollups(force: true);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        if (_deferredIndexes.Count > 0 || _bulkAfterPostId is not null)
        {
            // The aggregate below and each CREATE INDEX sort in memory chunks as large as the page cache before
            // spilling them to temporary files: smaller chunks keep the memory down at the cost of a little more merging.
            using var pragma = _connection.CreateCommand();
            pragma.Transaction = _tx;
            pragma.CommandText = "PRAGMA cache_size=-8192";
            pragma.ExecuteNonQuery();
        }
        if (_bulkAfterPostId is { } after)
        {
            RollupAccumulator.AddNewPostsToAuthorRollups(_connection, _tx, after);
            _bulkAfterPostId = null;
        }
        AggregateMs = sw.ElapsedMilliseconds;
        sw.Restart();
        _keys = null; // the unique index takes over (and the memory goes back before it is rebuilt)
        foreach (var sql in _deferredIndexes)
        {
            using var create = _connection.CreateCommand();
            create.Transaction = _tx;
            create.CommandText = sql;
            create.CommandTimeout = 0;
            create.ExecuteNonQuery();
        }
        _deferredIndexes.Clear();
        IndexRebuildMs = sw.ElapsedMilliseconds;
    }

    /// <summary>Time <see cref="Finish"/> spent aggregating the bulk load's per-author rollups, and rebuilding indexes (ms).</summary>
    public long AggregateMs { get; private set; }
    public long IndexRebuildMs { get; private set; }

    /// <summary>True when this load checks dedupe keys in memory (the unique dedupe-key index is rebuilt by <see cref="Finish"/>).</summary>
    internal bool InMemoryDedupe => _keys is not null;

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(new SqliteParameter(p, null));
        cmd.Prepare();
        return cmd;
    }

    public WriteOutcome Write(PostDraft d)
    {
        var authorId = AuthorId(d.AuthorHandle, d.AuthorName, d.Followers, d.AuthorPlatformId);
        long? retweetedId = d.RetweetedAuthor is { } rt && rt != d.AuthorHandle ? AuthorId(rt, null, null, null) : null;
        var day = DayOf(d.CreatedAtUtc);

        var collided = false;
        if (_keys is not null)
        {
            var hash = DedupeKeySet.Hash(d.DedupeKey);
            if (_keys.Find(d.DedupeKey, hash, out var candidate))
            {
                _findPostById.Parameters[0].Value = candidate;
                if (ReadStored(_findPostById, out var row, withKey: true) && row.Key == d.DedupeKey)
                    return UpdateExisting(d, row);
                collided = true; // another key with the same 64-bit hash: this one is new
            }
        }

        _insertPost
            .Bind(1, d.PlatformPostId).Bind(2, d.DedupeKey).Bind(3, authorId)
            .Bind(4, new DateTimeOffset(d.CreatedAtUtc).ToUnixTimeMilliseconds()).Bind(5, day)
            .Bind(7, d.Lang).Bind(8, d.Likes).Bind(9, d.Reposts).Bind(10, d.Replies)
            .Bind(11, d.Quotes).Bind(12, d.Bookmarks).Bind(13, d.Impressions).Bind(14, d.IsRetweet ? 1L : 0L)
            .Bind(15, retweetedId).Bind(16, d.Url).Bind(17, d.ContentHash).Bind(18, _batchId)
            .Bind(19, d.Sentiment.HasValue ? (long)d.Sentiment.Value : null).Bind(20, (double?)d.SentimentScore);
        if (d.TextUtf8 is { } text) _insertPost.BindUtf8(6, text); else _insertPost.Bind(6, d.Text);
        if (_insertPost.Execute() == 1)
        {
            var postId = _insertPost.LastInsertRowId;
            _keys?.Add(d.DedupeKey, DedupeKeySet.Hash(d.DedupeKey), postId, collided);
            Span<byte> themes = stackalloc byte[d.Themes.Length];
            _insertThemes.Insert(postId, d.Themes, themes);
            _insertFts.Bind(1, postId);
            if (d.SearchTextUtf8 is { } search) _insertFts.BindUtf8(2, search); else _insertFts.Bind(2, SearchText.ForIndex(d.MatchText));
            _insertFts.Execute();
            _rollups.Add(day, d.Lang, authorId, themes, 1, d.Engagement, d.SentimentScore, perAuthor: _bulkAfterPostId is null);
            return WriteOutcome.Imported;
        }
        if (_keys is not null) throw new InvalidOperationException($"Post {d.DedupeKey} was not inserted.");
        _findPost.Parameters[0].Value = d.DedupeKey;
        if (!ReadStored(_findPost, out var stored, withKey: false))
            throw new InvalidOperationException($"Post {d.DedupeKey} vanished during import.");
        return UpdateExisting(d, stored);
    }

    private readonly record struct StoredPost(long Id, long Likes, long Reposts, long Replies, long Quotes, long Bookmarks,
        long? Impressions, long CreatedBy, long UpdatedBy, int Day, string? Lang, long AuthorId, float? Score, string? Key);

    private static bool ReadStored(SqliteCommand find, out StoredPost row, bool withKey)
    {
        using var r = find.ExecuteReader();
        if (!r.Read()) { row = default; return false; }
        row = new StoredPost(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
            r.IsDBNull(6) ? null : r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt32(9),
            r.IsDBNull(10) ? null : r.GetString(10), r.GetInt64(11), r.IsDBNull(12) ? null : r.GetFloat(12),
            withKey ? r.GetString(13) : null);
        return true;
    }

    private WriteOutcome UpdateExisting(PostDraft d, StoredPost s)
    {
        var (id, likes, reposts, replies, quotes, bookmarks) = (s.Id, s.Likes, s.Reposts, s.Replies, s.Quotes, s.Bookmarks);
        var (impressions, createdBy, updatedBy, day, lang, authorId, score) = (s.Impressions, s.CreatedBy, s.UpdatedBy, s.Day, s.Lang, s.AuthorId, s.Score);

        // Seen earlier in this same file: a duplicate row of the export, never stored twice.
        if (createdBy == _batchId || updatedBy == _batchId)
            return WriteOutcome.Duplicate;

        long nLikes = Math.Max(likes, d.Likes), nReposts = Math.Max(reposts, d.Reposts), nReplies = Math.Max(replies, d.Replies),
             nQuotes = Math.Max(quotes, d.Quotes), nBookmarks = Math.Max(bookmarks, d.Bookmarks);
        long? nImpressions = impressions.HasValue || d.Impressions.HasValue
            ? Math.Max(impressions ?? 0, d.Impressions ?? 0) : null;
        if (nLikes == likes && nReposts == reposts && nReplies == replies && nQuotes == quotes
            && nBookmarks == bookmarks && nImpressions == impressions)
            return WriteOutcome.Duplicate;

        var u = _updatePost.Parameters;
        u[0].Value = nLikes; u[1].Value = nReposts; u[2].Value = nReplies; u[3].Value = nQuotes;
        u[4].Value = nBookmarks; u[5].Value = (object?)nImpressions ?? DBNull.Value; u[6].Value = _batchId; u[7].Value = id;
        _updatePost.ExecuteNonQuery();

        var engagementDelta = (nLikes + nReposts + nReplies + nQuotes) - (likes + reposts + replies + quotes);
        if (engagementDelta != 0)
        {
            var themes = ThemesOf(id);
            _rollups.Add(day, lang, authorId, themes, 0, engagementDelta, score);
        }
        return WriteOutcome.Updated;
    }

    private byte[] ThemesOf(long postId)
    {
        _findThemes.Parameters[0].Value = postId;
        using var r = _findThemes.ExecuteReader();
        var list = new List<byte>(2);
        while (r.Read()) list.Add((byte)r.GetInt64(0));
        return [.. list];
    }

    private long AuthorId(string handle, string? name, long? followers, string? platformId)
    {
        if (_authors.TryGetValue(handle, out var known))
        {
            // Most rows repeat what this import already wrote for the author: skip the write then.
            if ((followers.HasValue || name is not null) && (known.Name, known.Followers) != (name, followers))
            {
                UpdateAuthor(known.Id, name, followers, platformId);
                _authors[handle] = (known.Id, name, followers);
            }
            return known.Id;
        }
        if (_authors.Count >= AuthorCacheLimit) _authors.Clear();

        long id;
        _findAuthor.Parameters[0].Value = handle;
        if (_findAuthor.ExecuteScalar() is long existing)
        {
            id = existing;
            UpdateAuthor(id, name, followers, platformId);
        }
        else
        {
            var a = _insertAuthor.Parameters;
            a[0].Value = handle; a[1].Value = (object?)name ?? DBNull.Value;
            a[2].Value = (object?)followers ?? DBNull.Value; a[3].Value = (object?)platformId ?? DBNull.Value;
            id = (long)_insertAuthor.ExecuteScalar()!;
        }
        _authors[handle] = (id, name, followers);
        return id;
    }

    private void UpdateAuthor(long id, string? name, long? followers, string? platformId)
    {
        var u = _updateAuthor.Parameters;
        u[0].Value = (object?)name ?? DBNull.Value; u[1].Value = (object?)followers ?? DBNull.Value;
        u[2].Value = (object?)platformId ?? DBNull.Value; u[3].Value = id;
        _updateAuthor.ExecuteNonQuery();
    }

    /// <summary>Writes pending rollup deltas; call before commit, and now and then to bound memory.</summary>
    public void FlushRollups(bool force)
    {
        if (force || _rollups.PendingEntries > 150_000)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            _rollups.Flush(_connection, _tx);
            RollupFlushMs += (long)System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
    }

    public static int DayOf(DateTime utc) => (int)(utc.Ticks / TimeSpan.TicksPerDay - DateTime.UnixEpoch.Ticks / TimeSpan.TicksPerDay);

    public void Dispose()
    {
        foreach (var c in new[] { _findPost, _findPostById, _updatePost, _findThemes, _findAuthor, _insertAuthor, _updateAuthor }) c.Dispose();
        _insertPost.Dispose();
        _insertThemes.Dispose();
        _insertFts.Dispose();
    }
}

using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Ingestion;

/// <summary>What an undo did: posts the batch created are gone; posts it only updated keep their (newer) figures.</summary>
public sealed record UndoResult(long BatchId, long PostsRemoved, long UpdatedPostsKept, long AuthorsRemoved);

/// <summary>Undo was refused: the batch does not exist or did not succeed (a failed import changed nothing).</summary>
public sealed class ImportUndoException(string message) : Exception(message);

/// <summary>
/// Removes exactly the posts one import created, in one transaction with everything that hangs off them:
/// their themes, their full-text rows, their share of the rollups (subtracted through the same
/// <see cref="RollupAccumulator"/> the import added through) and authors left without any post. Posts the
/// batch only updated keep their data: their earlier figures are not kept anywhere, and other imports
/// may rely on them. The batch stays in the history as Undone, with who and when.
/// </summary>
public static class ImportUndo
{
    public static Task<UndoResult> UndoAsync(string connectionString, long batchId, string? undoneBy, TimeProvider? clock = null, CancellationToken ct = default) =>
        Task.Run(() => Undo(connectionString, batchId, undoneBy, clock ?? TimeProvider.System, ct), ct);

    private static UndoResult Undo(string connectionString, long batchId, string? undoneBy, TimeProvider clock, CancellationToken ct)
    {
        using var connection = SqliteConnections.Open(connectionString);
        using var tx = connection.BeginTransaction(deferred: false);

        var status = Scalar(connection, tx, "SELECT Status FROM ImportBatches WHERE Id = $b", batchId) as long?
            ?? throw new ImportUndoException($"There is no import #{batchId}.");
        if ((ImportStatus)status != ImportStatus.Succeeded)
            throw new ImportUndoException($"Import #{batchId} is {((ImportStatus)status).ToString().ToLowerInvariant()}: only a succeeded import can be undone.");

        var rollups = new RollupAccumulator();
        var postIds = new List<long>();
        var authorIds = new HashSet<long>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = """
                SELECT p.Id, p.Day, p.Lang, p.AuthorId, p.Likes + p.Reposts + p.Replies + p.Quotes, p.SentimentScore,
                       p.RetweetedAuthorId, (SELECT group_concat(t.Theme) FROM PostThemes t WHERE t.PostId = p.Id)
                FROM Posts p WHERE p.CreatedByBatchId = $b
                """;
            select.Parameters.AddWithValue("$b", batchId);
            using var r = select.ExecuteReader();
            while (r.Read())
            {
                ct.ThrowIfCancellationRequested();
                var themes = r.IsDBNull(7) ? [] : r.GetString(7).Split(',').Select(byte.Parse).ToArray();
                var authorId = r.GetInt64(3);
                // The exact opposite of what the import (and later updates) added: one post, its current engagement, its sentiment.
                rollups.Add(r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), authorId, themes,
                    -1, -r.GetInt64(4), r.IsDBNull(5) ? null : r.GetFloat(5));
                postIds.Add(r.GetInt64(0));
                authorIds.Add(authorId);
                if (!r.IsDBNull(6)) authorIds.Add(r.GetInt64(6));
            }
        }

        using (var deleteFts = Prepare(connection, tx, "DELETE FROM PostsFts WHERE rowid = $id"))
        using (var deleteThemes = Prepare(connection, tx, "DELETE FROM PostThemes WHERE PostId = $id"))
        using (var deletePost = Prepare(connection, tx, "DELETE FROM Posts WHERE Id = $id"))
        {
            foreach (var id in postIds)
            {
                ct.ThrowIfCancellationRequested();
                foreach (var cmd in (ReadOnlySpan<SqliteCommand>)[deleteFts, deleteThemes, deletePost])
                {
                    cmd.Parameters[0].Value = id;
                    cmd.ExecuteNonQuery();
                }
            }
        }
        rollups.Flush(connection, tx);

        long authorsRemoved = 0;
        using (var deleteAuthor = Prepare(connection, tx, """
            DELETE FROM Authors WHERE Id = $id
              AND NOT EXISTS (SELECT 1 FROM Posts WHERE AuthorId = $id)
              AND NOT EXISTS (SELECT 1 FROM Posts WHERE RetweetedAuthorId = $id)
              AND NOT EXISTS (SELECT 1 FROM AuthorDailyRollups WHERE AuthorId = $id)
            """))
        {
            foreach (var id in authorIds)
            {
                deleteAuthor.Parameters[0].Value = id;
                authorsRemoved += deleteAuthor.ExecuteNonQuery();
            }
        }

        var updatedKept = (long)Scalar(connection, tx, "SELECT count(*) FROM Posts WHERE UpdatedByBatchId = $b AND CreatedByBatchId <> $b", batchId)!;

        using (var mark = connection.CreateCommand())
        {
            mark.Transaction = tx;
            mark.CommandText = "UPDATE ImportBatches SET Status = $s, UndoneAtUtc = $now, UndoneBy = $who WHERE Id = $b";
            mark.Parameters.AddWithValue("$s", (int)ImportStatus.Undone);
            mark.Parameters.AddWithValue("$now", clock.GetUtcNow().ToUnixTimeMilliseconds());
            mark.Parameters.AddWithValue("$who", (object?)undoneBy ?? DBNull.Value);
            mark.Parameters.AddWithValue("$b", batchId);
            mark.ExecuteNonQuery();
        }
        ct.ThrowIfCancellationRequested();
        tx.Commit();
        return new UndoResult(batchId, postIds.Count, updatedKept, authorsRemoved);
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.Add(new SqliteParameter("$id", SqliteType.Integer));
        cmd.Prepare();
        return cmd;
    }

    private static object? Scalar(SqliteConnection c, SqliteTransaction tx, string sql, long batchId)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.Parameters.AddWithValue("$b", batchId);
        return cmd.ExecuteScalar();
    }
}

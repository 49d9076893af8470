using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>
/// Re-indexes, once, the posts stored before Chinese and Japanese text was split for search (<see cref="SearchText"/>,
/// ADR 007). The migration <c>SearchCjkTokens</c> lists the posts whose text may hold such characters in
/// <c>PendingSearchReindex</c>; at start-up this replaces their PostsFts rows, a batch per transaction (an interrupted
/// run goes on where it stopped), and drops the list when it is empty.
/// </summary>
public static class SearchIndexUpgrade
{
    public const string PendingTable = "PendingSearchReindex";

    /// <summary>Lists the candidates: a GLOB over the kana and CJK ideograph ranges (a superset is harmless, such text is indexed unchanged).</summary>
    public static readonly string ListPendingSql =
        "CREATE TABLE IF NOT EXISTS \"PendingSearchReindex\" (\"PostId\" INTEGER NOT NULL PRIMARY KEY);\n"
        + "INSERT OR IGNORE INTO \"PendingSearchReindex\" (\"PostId\") SELECT \"Id\" FROM \"Posts\" "
        + "WHERE \"Text\" GLOB '*[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]*';";

    private const int Batch = 2_000;

    /// <summary>Returns the number of posts re-indexed (0 when nothing was pending).</summary>
    public static async Task<int> RunAsync(SqliteConnection connection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await PendingTableExistsAsync(connection, ct))
        {
            return 0;
        }

        int done = 0;
        while (true)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            var batch = new List<(long Id, string? Text)>(Batch);
            await using (var read = Command(connection, tx, $"""SELECT r."PostId", p."Text" FROM "{PendingTable}" r LEFT JOIN "Posts" p ON p."Id" = r."PostId" LIMIT {Batch}"""))
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    batch.Add((reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
                }
            }

            if (batch.Count == 0)
            {
                await using (var drop = Command(connection, tx, $"""DROP TABLE "{PendingTable}";"""))
                {
                    await drop.ExecuteNonQueryAsync(ct);
                }

                await tx.CommitAsync(ct);
                return done;
            }

            await using var delete = Command(connection, tx, """DELETE FROM "PostsFts" WHERE rowid = $id""");
            await using var insert = Command(connection, tx, """INSERT INTO "PostsFts" (rowid, "Text") VALUES ($id, $text)""");
            await using var markDone = Command(connection, tx, $"""DELETE FROM "{PendingTable}" WHERE "PostId" = $id""");
            foreach (var (id, text) in batch)
            {
                Run(delete, id);
                if (text is not null)
                {
                    insert.Parameters["$text"].Value = SearchText.ForIndex(Ingestion.TextNormalizer.ForMatching(text));
                    Run(insert, id);
                    done++;
                }

                Run(markDone, id);
            }

            await tx.CommitAsync(ct);
        }
    }

    private static async Task<bool> PendingTableExistsAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = Command(connection, null, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{PendingTable}'");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        if (sql.Contains("$id", StringComparison.Ordinal)) cmd.Parameters.Add("$id", SqliteType.Integer);
        if (sql.Contains("$text", StringComparison.Ordinal)) cmd.Parameters.Add("$text", SqliteType.Text);
        return cmd;
    }

    private static void Run(SqliteCommand cmd, long id)
    {
        cmd.Parameters["$id"].Value = id;
        cmd.ExecuteNonQuery();
    }
}

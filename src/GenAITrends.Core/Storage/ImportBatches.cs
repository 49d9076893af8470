using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>Small, separately committed writes to the batch history (the import's own rows commit with the import).</summary>
public static class ImportBatches
{
    private static long Now(TimeProvider clock) => clock.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<long> CreateAsync(string cs, string fileName, long size, string? who, TimeProvider clock, CancellationToken ct, ImportStatus status = ImportStatus.Queued)
    {
        await using var c = SqliteConnections.Open(cs);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO ImportBatches (FileName, SizeBytes, ImportedBy, StartedAtUtc, Status, RowsRead, Imported, Updated, Duplicates, Rejected)
            VALUES ($file, $size, $who, $now, $status, 0, 0, 0, 0, 0) RETURNING Id
            """;
        cmd.Parameters.AddWithValue("$file", fileName);
        cmd.Parameters.AddWithValue("$size", size);
        cmd.Parameters.AddWithValue("$who", (object?)who ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$now", Now(clock));
        cmd.Parameters.AddWithValue("$status", (int)status);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public static Task MarkRunningAsync(string cs, long id, TimeProvider clock, CancellationToken ct) =>
        ExecAsync(cs, "UPDATE ImportBatches SET Status = $s, StartedAtUtc = $now, Error = NULL WHERE Id = $id", ct,
            ("$s", (int)ImportStatus.Running), ("$now", Now(clock)), ("$id", id));

    public static Task SetHashAsync(string cs, long id, string sha, CancellationToken ct) =>
        ExecAsync(cs, "UPDATE ImportBatches SET Sha256 = $sha WHERE Id = $id", ct, ("$sha", sha), ("$id", id));

    public static async Task<long?> FindSucceededBySha256Async(string cs, string sha, long exceptId, CancellationToken ct)
    {
        await using var c = SqliteConnections.Open(cs);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT Id FROM ImportBatches WHERE Sha256 = $sha AND Status = $s AND Id <> $id ORDER BY Id LIMIT 1";
        cmd.Parameters.AddWithValue("$sha", sha);
        cmd.Parameters.AddWithValue("$s", (int)ImportStatus.Succeeded);
        cmd.Parameters.AddWithValue("$id", exceptId);
        return await cmd.ExecuteScalarAsync(ct) as long?;
    }

    public static void MarkSucceeded(SqliteConnection c, SqliteTransaction tx, long id, ImportResult r, string modelVersion, TimeProvider clock)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            UPDATE ImportBatches SET Status = $s, FinishedAtUtc = $now, RowsRead = $rows, Imported = $imp, Updated = $upd,
              Duplicates = $dup, Rejected = $rej, Layout = $layout, Error = NULL
            WHERE Id = $id
            """;
        cmd.Parameters.AddWithValue("$s", (int)ImportStatus.Succeeded);
        cmd.Parameters.AddWithValue("$now", Now(clock));
        cmd.Parameters.AddWithValue("$rows", r.Rows);
        cmd.Parameters.AddWithValue("$imp", r.Imported);
        cmd.Parameters.AddWithValue("$upd", r.Updated);
        cmd.Parameters.AddWithValue("$dup", r.Duplicates);
        cmd.Parameters.AddWithValue("$rej", r.Rejected);
        cmd.Parameters.AddWithValue("$layout", $"{r.Layout}; {r.Encoding}; delimiter {DescribeDelimiter(r.Delimiter)}; models {modelVersion}");
        cmd.Parameters.AddWithValue("$id", id);
        cmd.ExecuteNonQuery();
    }

    public static async Task MarkFailedAsync(string cs, long id, ImportResult r, TimeProvider clock, CancellationToken ct)
    {
        await using var c = SqliteConnections.Open(cs);
        await using var tx = c.BeginTransaction();
        await using (var cmd = c.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                UPDATE ImportBatches SET Status = $s, FinishedAtUtc = $now, RowsRead = $rows, Imported = 0, Updated = 0,
                  Duplicates = 0, Rejected = $rej, Error = $err, Layout = $layout
                WHERE Id = $id
                """;
            cmd.Parameters.AddWithValue("$s", (int)ImportStatus.Failed);
            cmd.Parameters.AddWithValue("$now", Now(clock));
            cmd.Parameters.AddWithValue("$rows", r.Rows);
            cmd.Parameters.AddWithValue("$rej", r.Rejected);
            cmd.Parameters.AddWithValue("$err", (object?)r.Error ?? DBNull.Value);
            cmd.Parameters.AddWithValue("$layout", r.Layout is null ? DBNull.Value : $"{r.Layout}; {r.Encoding}; delimiter {DescribeDelimiter(r.Delimiter)}");
            cmd.Parameters.AddWithValue("$id", id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        // Keep the reported row errors so the admin sees why nothing was importable.
        using (var rejects = new RejectedRowWriter(c, tx, id))
            foreach (var e in r.Errors) rejects.Add(e.Line, e.Reason, "");
        await tx.CommitAsync(ct);
    }

    /// <summary>Batches left "running" by a process that no longer exists (crash, kill) are marked failed.</summary>
    public static Task<int> FailInterruptedAsync(string cs, TimeProvider clock, CancellationToken ct) =>
        ExecAsync(cs, "UPDATE ImportBatches SET Status = $failed, FinishedAtUtc = $now, Error = 'Interrupted: the process stopped during the import; nothing from it was kept.' WHERE Status IN ($running, $queued)", ct,
            ("$failed", (int)ImportStatus.Failed), ("$now", Now(clock)), ("$running", (int)ImportStatus.Running), ("$queued", (int)ImportStatus.Queued));

    private static string DescribeDelimiter(char? d) => d switch { '\t' => "tab", ';' => "semicolon", ',' => "comma", _ => "?" };

    private static async Task<int> ExecAsync(string cs, string sql, CancellationToken ct, params (string Name, object Value)[] ps)
    {
        await using var c = SqliteConnections.Open(cs);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (n, v) in ps) cmd.Parameters.AddWithValue(n, v);
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

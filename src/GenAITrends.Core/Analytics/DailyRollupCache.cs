using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// Keeps one <see cref="DailyRollupSnapshot"/> for the process and reloads it when RollupStamp changes: triggers on
/// DailyRollups give the stamp a new random value on every row change, inside the writer's transaction, whichever
/// process writes (docs/decisions/006-daily-rollups-in-memory.md). Each use costs one single-row read of the stamp.
/// </summary>
public sealed class DailyRollupCache(int maxRows = DailyRollupCache.DefaultMaxRows)
{
    /// <summary>About 40 MB of rows; beyond it the charts read the table with SQL.</summary>
    public const int DefaultMaxRows = 1_000_000;

    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile DailyRollupSnapshot? _snapshot;
    private long? _tooLargeAtStamp;

    /// <summary>The rows as of the current stamp, or null when the table is over the row limit.</summary>
    public async Task<DailyRollupSnapshot?> GetAsync(SqliteConnection openConnection, CancellationToken ct)
    {
        var stamp = await ReadStampAsync(openConnection, ct);
        if (_snapshot is { } current && current.Stamp == stamp) return current;
        await _loading.WaitAsync(ct);
        try
        {
            if (_snapshot is { } loaded && loaded.Stamp == stamp) return loaded;
            if (_tooLargeAtStamp == stamp) return null;
            // The rows may be newer than the stamp read above; the snapshot carries the stamp read with them.
            var fresh = await DailyRollupSnapshot.LoadAsync(openConnection, maxRows, ct);
            if (fresh is null) { _tooLargeAtStamp = stamp; return null; }
            _snapshot = fresh;
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    private static async Task<long> ReadStampAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = RollupStamp.ReadSql;
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }
}

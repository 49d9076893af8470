using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>
/// The one-row table whose Stamp takes a new random value whenever the rollups change, inside the writer's
/// transaction (docs/decisions/006-daily-rollups-in-memory.md): triggers on DailyRollups cover every change to it, and
/// the writers of the per-author rollups call <see cref="Touch"/> (a trigger per row would cost a bulk load a second).
/// </summary>
public static class RollupStamp
{
    public const string ReadSql = "SELECT Stamp FROM RollupStamp WHERE Id = 1";

    public static void Touch(SqliteConnection connection, SqliteTransaction tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "UPDATE RollupStamp SET Stamp = random() WHERE Id = 1";
        cmd.ExecuteNonQuery();
    }
}

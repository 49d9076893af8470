using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>Stores rejected rows of a batch inside the import transaction.</summary>
public sealed class RejectedRowWriter : IDisposable
{
    private readonly SqliteCommand _insert;

    public RejectedRowWriter(SqliteConnection connection, SqliteTransaction tx, long batchId)
    {
        _insert = connection.CreateCommand();
        _insert.Transaction = tx;
        _insert.CommandText = "INSERT INTO RejectedRows (BatchId, LineNumber, Reason, RawExcerpt) VALUES ($batch, $line, $reason, $raw)";
        _insert.Parameters.AddWithValue("$batch", batchId);
        _insert.Parameters.Add("$line", SqliteType.Integer);
        _insert.Parameters.Add("$reason", SqliteType.Text);
        _insert.Parameters.Add("$raw", SqliteType.Text);
        _insert.Prepare();
    }

    public void Add(long line, string reason, string rawExcerpt)
    {
        _insert.Parameters[1].Value = line;
        _insert.Parameters[2].Value = reason;
        _insert.Parameters[3].Value = rawExcerpt;
        _insert.ExecuteNonQuery();
    }

    public void Dispose() => _insert.Dispose();
}

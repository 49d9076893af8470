namespace GenAITrends.Core.Storage;

public static class PostCounts
{
    public static async Task<bool> AnyAsync(string connectionString)
    {
        await using var c = SqliteConnections.Open(connectionString);
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT EXISTS (SELECT 1 FROM Posts)";
        return (long)(await cmd.ExecuteScalarAsync())! == 1;
    }
}

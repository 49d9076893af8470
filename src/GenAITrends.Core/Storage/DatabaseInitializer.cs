using GenAITrends.Core.Posts;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Storage;

/// <summary>Brings a database to the current schema (EF Core migrations, then the one-off search re-index of
/// <see cref="SearchIndexUpgrade"/> when a migration asked for it) and switches it to WAL.</summary>
public static class DatabaseInitializer
{
    public static DbContextOptions<TrendsDbContext> Options(string connectionString) =>
        new DbContextOptionsBuilder<TrendsDbContext>()
            .UseSqlite(connectionString)
            .AddInterceptors(new SqlitePragmaInterceptor())
            .Options;

    public static async Task MigrateAsync(string connectionString, CancellationToken ct = default)
    {
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var db = new TrendsDbContext(Options(connectionString)))
        {
            await db.Database.MigrateAsync(ct);
        }

        await using var upgrade = new SqliteConnection(connectionString);
        await upgrade.OpenAsync(ct);
        await SearchIndexUpgrade.RunAsync(upgrade, ct);
    }
}

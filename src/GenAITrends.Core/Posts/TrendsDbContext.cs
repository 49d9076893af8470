using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GenAITrends.Core.Posts;

/// <summary>
/// The one place that knows table and column names. Identity's tables (AspNetUsers, AspNetRoles, …) live
/// here too, so one migration history covers the whole database (docs/decisions/003-identity-in-trends-db.md).
/// </summary>
public class TrendsDbContext(DbContextOptions<TrendsDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<PostTheme> PostThemes => Set<PostTheme>();
    public DbSet<ImportBatch> ImportBatches => Set<ImportBatch>();
    public DbSet<RejectedRow> RejectedRows => Set<RejectedRow>();
    public DbSet<DailyRollup> DailyRollups => Set<DailyRollup>();
    public DbSet<AuthorDailyRollup> AuthorDailyRollups => Set<AuthorDailyRollup>();
    public DbSet<AuthorMonthlyRollup> AuthorMonthlyRollups => Set<AuthorMonthlyRollup>();
    public DbSet<AuthorTotal> AuthorTotals => Set<AuthorTotal>();

    /// <summary>The id of the author with this normalised handle (lower case, no '@'), or null.</summary>
    public Task<long?> AuthorIdAsync(string handle, CancellationToken ct) =>
        Authors.Where(a => a.Handle == handle).Select(a => (long?)a.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Runs raw ADO.NET work on the context's own connection (opened for the call if EF has not opened it), so it
    /// shares the context's pooled connection and, when there is one, its transaction.
    /// </summary>
    public async Task<T> WithConnectionAsync<T>(Func<SqliteConnection, Task<T>> use, CancellationToken ct)
    {
        var connection = (SqliteConnection)Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await Database.OpenConnectionAsync(ct);
        try
        {
            return await use(connection);
        }
        finally
        {
            if (opened) await Database.CloseConnectionAsync();
        }
    }

    /// <summary>UTC instants are stored as Unix milliseconds: compact, sortable, cheap to write in bulk.</summary>
    internal static readonly ValueConverter<DateTime, long> UnixMs = new(
        v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)).ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v).UtcDateTime);

    internal static readonly ValueConverter<DateTime?, long?> NullableUnixMs = new(
        v => v.HasValue ? new DateTimeOffset(DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)).ToUnixTimeMilliseconds() : null,
        v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value).UtcDateTime : null);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);

        b.Entity<Author>(e =>
        {
            e.ToTable("Authors");
            e.HasIndex(a => a.Handle).IsUnique();
            e.Property(a => a.Handle).UseCollation("NOCASE");
        });

        b.Entity<Post>(e =>
        {
            e.ToTable("Posts");
            e.Property(p => p.CreatedAtUtc).HasConversion(UnixMs);
            e.HasIndex(p => p.DedupeKey).IsUnique();
            e.HasIndex(p => p.CreatedAtUtc);
            e.HasIndex(p => new { p.Day, p.Lang });
            e.HasIndex(p => new { p.AuthorId, p.CreatedAtUtc });
            e.HasIndex(p => p.CreatedByBatchId);
            e.HasOne(p => p.Author).WithMany().HasForeignKey(p => p.AuthorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.RetweetedAuthor).WithMany().HasForeignKey(p => p.RetweetedAuthorId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.CreatedByBatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<ImportBatch>().WithMany().HasForeignKey(p => p.UpdatedByBatchId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(p => p.Engagement);
        });

        b.Entity<PostTheme>(e =>
        {
            e.ToTable("PostThemes");
            e.HasKey(t => new { t.PostId, t.Theme });
            e.HasIndex(t => new { t.Theme, t.PostId });
        });

        b.Entity<ImportBatch>(e =>
        {
            e.ToTable("ImportBatches");
            e.Property(x => x.StartedAtUtc).HasConversion(UnixMs);
            e.Property(x => x.FinishedAtUtc).HasConversion(NullableUnixMs);
            e.Property(x => x.UndoneAtUtc).HasConversion(NullableUnixMs);
            e.HasIndex(x => x.Sha256);
            e.HasMany(x => x.RejectedRows).WithOne().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<RejectedRow>(e =>
        {
            e.ToTable("RejectedRows");
            e.HasIndex(r => new { r.BatchId, r.LineNumber });
        });

        b.Entity<DailyRollup>(e =>
        {
            e.ToTable("DailyRollups");
            e.HasKey(r => new { r.Day, r.Theme, r.Lang });
        });

        b.Entity<AuthorDailyRollup>(e =>
        {
            e.ToTable("AuthorDailyRollups");
            e.HasKey(r => new { r.AuthorId, r.Day, r.Theme });
            e.HasIndex(r => new { r.Day, r.Theme });
        });

        // Created WITHOUT ROWID by raw SQL in its migration (EF Core has no model option for it); see
        // docs/decisions/005-author-monthly-rollups.md. A later EF table rebuild would drop WITHOUT ROWID.
        b.Entity<AuthorMonthlyRollup>(e =>
        {
            e.ToTable("AuthorMonthlyRollups");
            e.HasKey(r => new { r.Theme, r.AuthorId, r.Month });
        });

        // WITHOUT ROWID too (raw SQL in its migration).
        b.Entity<AuthorTotal>(e =>
        {
            e.ToTable("AuthorTotals");
            e.HasKey(r => new { r.Theme, r.AuthorId });
            e.HasIndex(r => new { r.Theme, r.Posts });
            e.HasIndex(r => new { r.Theme, r.Engagement });
        });
    }
}

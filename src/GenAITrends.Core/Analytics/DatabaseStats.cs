using GenAITrends.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Analytics;

public sealed record DatabaseStats(long Posts, long Authors, long Batches, DateTime? FirstPost, DateTime? LastPost, long PostsWithTheme)
{
    public static async Task<DatabaseStats> ReadAsync(TrendsDbContext db, CancellationToken ct = default)
    {
        var posts = await db.Posts.LongCountAsync(ct);
        var authors = await db.Authors.LongCountAsync(ct);
        var batches = await db.ImportBatches.LongCountAsync(ct);
        DateTime? first = posts == 0 ? null : await db.Posts.MinAsync(p => p.CreatedAtUtc, ct);
        DateTime? last = posts == 0 ? null : await db.Posts.MaxAsync(p => p.CreatedAtUtc, ct);
        var themed = await db.PostThemes.Select(t => t.PostId).Distinct().LongCountAsync(ct);
        return new DatabaseStats(posts, authors, batches, first, last, themed);
    }
}

using System.Globalization;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using nietras.SeparatedValues;

namespace GenAITrends.Cli.Benchmarks;

/// <summary>
/// The reference loader a team would write first: read the canonical CSV, build entities, AddRange
/// and SaveChanges every 10,000 posts. No dedupe against stored posts, no classification, no rollups.
/// </summary>
public static class EfCoreNaiveLoader
{
    public static int Load(string csvPath, string connectionString, int maxPosts)
    {
        using var db = new TrendsDbContext(DatabaseInitializer.Options(connectionString));
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var batch = new ImportBatch { FileName = Path.GetFileName(csvPath), StartedAtUtc = DateTime.UtcNow, Status = ImportStatus.Running };
        db.ImportBatches.Add(batch);
        db.SaveChanges();

        var authors = new Dictionary<string, Author>(StringComparer.Ordinal);
        using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(csvPath);
        var pending = 0;
        var total = 0;
        using var tx = db.Database.BeginTransaction();
        foreach (var row in reader)
        {
            if (total == maxPosts) break;
            var handle = row["author_handle"].ToString();
            if (!authors.TryGetValue(handle, out var author))
                authors[handle] = author = new Author { Handle = handle, DisplayName = row["author_name"].ToString() };
            var text = row["text"].ToString();
            var created = DateTime.Parse(row["created_at"].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            db.Posts.Add(new Post
            {
                PlatformPostId = row["post_id"].ToString(),
                DedupeKey = "x:" + row["post_id"].ToString(),
                Author = author,
                CreatedAtUtc = created,
                Day = SqlitePostWriter.DayOf(created),
                Text = text,
                Lang = row["lang"].ToString(),
                Likes = long.Parse(row["likes"].Span, CultureInfo.InvariantCulture),
                Reposts = long.Parse(row["reposts"].Span, CultureInfo.InvariantCulture),
                Replies = long.Parse(row["replies"].Span, CultureInfo.InvariantCulture),
                ContentHash = TextNormalizer.Hash(text),
                CreatedByBatchId = batch.Id,
                UpdatedByBatchId = batch.Id,
            });
            total++;
            if (++pending == 10_000)
            {
                db.SaveChanges();
                db.ChangeTracker.Clear();
                foreach (var a in authors.Values) db.Attach(a);
                pending = 0;
            }
        }
        db.SaveChanges();
        tx.Commit();
        return total;
    }
}

using GenAITrends.Core.Ingestion;

namespace GenAITrends.Core.Storage;

/// <summary>
/// Re-tags every stored post with the current models and rebuilds themes, sentiment and rollups, in one
/// transaction (readers keep seeing the old tags until it commits; a failure changes nothing).
/// </summary>
public static class PostReclassifier
{
    private const int BlockSize = 4096;

    public static long Run(string connectionString, IPostAnnotator annotator, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        using var connection = SqliteConnections.Open(connectionString);
        using var tx = connection.BeginTransaction(deferred: false);
        long total;
        using (var count = connection.CreateCommand())
        {
            count.Transaction = tx;
            count.CommandText = "SELECT count(*) FROM Posts; DELETE FROM PostThemes; DELETE FROM DailyRollups; DELETE FROM AuthorDailyRollups; DELETE FROM AuthorMonthlyRollups; DELETE FROM AuthorTotals;";
            total = (long)count.ExecuteScalar()!;
        }

        var rollups = new RollupAccumulator();
        using var read = connection.CreateCommand();
        read.Transaction = tx;
        read.CommandText = "SELECT Id, Text, Day, Lang, AuthorId, Likes + Reposts + Replies + Quotes FROM Posts WHERE Id > $last ORDER BY Id LIMIT $n";
        var last = read.Parameters.AddWithValue("$last", 0L);
        read.Parameters.AddWithValue("$n", BlockSize);
        using var insertThemes = new PostThemeInserter(connection);
        using var setSentiment = new RawStatement(connection, "UPDATE Posts SET Sentiment = ?2, SentimentScore = ?3 WHERE Id = ?1");

        long done = 0;
        var themes = new byte[8];
        var block = new List<(long Id, int Day, string? Lang, long Author, long Engagement, PostDraft Draft)>(BlockSize);
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            block.Clear();
            using (var r = read.ExecuteReader())
            {
                while (r.Read())
                {
                    var draft = new PostDraft { DedupeKey = "", AuthorHandle = "", Text = r.GetString(1), MatchText = "", ContentHash = "" };
                    block.Add((r.GetInt64(0), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4), r.GetInt64(5), draft));
                }
            }
            if (block.Count == 0) break;
            annotator.Annotate(block.Select(b => b.Draft).ToList());
            foreach (var (id, day, lang, author, engagement, d) in block)
            {
                insertThemes.Insert(id, d.Themes, themes);
                setSentiment.Bind(1, id).Bind(2, d.Sentiment.HasValue ? (long)d.Sentiment.Value : null).Bind(3, (double?)d.SentimentScore).Execute();
                rollups.Add(day, lang, author, themes.AsSpan(0, d.Themes.Length), 1, engagement, d.SentimentScore);
            }
            done += block.Count;
            last.Value = block[^1].Id;
            progress?.Report((done, total));
        }
        rollups.Flush(connection, tx);
        tx.Commit();
        return done;
    }
}

using System.Security.Cryptography;
using System.Text;
using GenAITrends.Core.Storage;

namespace GenAITrends.Core.Tests.Reliability;

/// <summary>
/// Everything an import can change except the batch history, reduced to counts and a hash of both rollup
/// tables, so "nothing changed" is one equality.
/// </summary>
public sealed record DbFingerprint(
    long Posts, long Authors, long PostThemes, long FtsRows, long RejectedRows,
    long DailyRollupRows, long DailyRollupPosts, string DailyRollupsHash,
    long AuthorRollupRows, string AuthorRollupsHash,
    long AuthorMonthlyRows, string AuthorMonthlyHash, string AuthorTotalsHash)
{
    public static DbFingerprint Read(string connectionString)
    {
        using var c = SqliteConnections.Open(connectionString);
        long Scalar(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            return Convert.ToInt64(cmd.ExecuteScalar());
        }
        string Hash(string sql)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = sql;
            using var r = cmd.ExecuteReader();
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var values = new object[r.FieldCount];
            while (r.Read())
            {
                r.GetValues(values);
                sha.AppendData(Encoding.UTF8.GetBytes(string.Join('\u001f', values) + "\n"));
            }
            return Convert.ToHexString(sha.GetHashAndReset())[..16];
        }

        return new DbFingerprint(
            Scalar("SELECT count(*) FROM Posts"),
            Scalar("SELECT count(*) FROM Authors"),
            Scalar("SELECT count(*) FROM PostThemes"),
            Scalar("SELECT count(*) FROM PostsFts"),
            Scalar("SELECT count(*) FROM RejectedRows"),
            Scalar("SELECT count(*) FROM DailyRollups"),
            Scalar("SELECT coalesce(sum(Posts), 0) FROM DailyRollups WHERE Theme = 0"),
            Hash("SELECT Day, Theme, Lang, Posts, Engagement, SentimentSum, SentimentCount FROM DailyRollups ORDER BY Day, Theme, Lang"),
            Scalar("SELECT count(*) FROM AuthorDailyRollups"),
            Hash("SELECT AuthorId, Day, Theme, Posts, Engagement, SentimentSum, SentimentCount FROM AuthorDailyRollups ORDER BY AuthorId, Day, Theme"),
            Scalar("SELECT count(*) FROM AuthorMonthlyRollups"),
            Hash("SELECT Theme, AuthorId, Month, Posts, Engagement, SentimentSum, SentimentCount FROM AuthorMonthlyRollups ORDER BY Theme, AuthorId, Month"),
            Hash("SELECT Theme, AuthorId, Posts, Engagement FROM AuthorTotals ORDER BY Theme, AuthorId"));
    }
}

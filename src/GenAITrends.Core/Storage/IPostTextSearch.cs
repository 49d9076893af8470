using GenAITrends.Core.Posts;

namespace GenAITrends.Core.Storage;

/// <summary>
/// Full-text search over post texts: the one database-specific part of post search
/// (SQLite: the FTS5 table PostsFts; a PostgreSQL provider would use a tsvector index).
/// </summary>
public interface IPostTextSearch
{
    /// <summary>Ids of posts matching a user's search words (all words must occur), or null when the input has no searchable word.</summary>
    IQueryable<long>? MatchingIds(TrendsDbContext db, string userQuery);

    /// <summary>How many posts match, counted up to <paramref name="cap"/> (null when the provider cannot tell cheaply).</summary>
    Task<int?> CountMatchesAsync(TrendsDbContext db, string userQuery, int cap, CancellationToken ct) => Task.FromResult<int?>(null);
}

using System.Text;
using GenAITrends.Core.Ingestion;
using GenAITrends.Core.Posts;
using Microsoft.EntityFrameworkCore;

namespace GenAITrends.Core.Storage;

/// <summary>
/// FTS5 search: the user's text is normalised like the indexed text (NFKC, lower case) and turned into
/// quoted tokens, so no FTS5 syntax (NEAR, column filters, parentheses) ever reaches the engine from user
/// input. A word ending in '*' is a prefix search (at least two characters before it). Chinese and Japanese words are
/// searched as the phrase of their characters (<see cref="SearchText"/>).
/// </summary>
public sealed class SqliteFtsPostTextSearch : IPostTextSearch
{
    public const int MaxTokens = 12;

    public IQueryable<long>? MatchingIds(TrendsDbContext db, string userQuery)
    {
        var expression = ToMatchExpression(userQuery);
        if (expression is null) return null;
        return db.Database.SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM PostsFts WHERE PostsFts MATCH {0}", expression);
    }

    /// <summary>Counts FTS matches alone (no lookup of the posts), stopping at <paramref name="cap"/>.</summary>
    public async Task<int?> CountMatchesAsync(TrendsDbContext db, string userQuery, int cap, CancellationToken ct)
    {
        var expression = ToMatchExpression(userQuery);
        if (expression is null) return 0;
        return await db.Database
            .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM (SELECT rowid FROM PostsFts WHERE PostsFts MATCH {0} LIMIT {1})", expression, cap)
            .SingleAsync(ct);
    }

    /// <summary>"Open-Source LLMs*" → "\"open\" \"source\" \"llms\"*" (implicit AND); null when nothing is searchable.</summary>
    public static string? ToMatchExpression(string userQuery)
    {
        if (string.IsNullOrWhiteSpace(userQuery)) return null;
        var text = TextNormalizer.ForMatching(userQuery.Length > 500 ? userQuery[..500] : userQuery);
        var parts = new List<string>();
        var token = new StringBuilder();
        void Flush(bool prefix)
        {
            // A word in Chinese or Japanese becomes the phrase of its characters, as they are indexed (SearchText).
            if (token.Length > 0 && parts.Count < MaxTokens)
                parts.Add("\"" + SearchText.ForIndex(token.ToString()) + "\"" + (prefix && token.Length >= 2 ? "*" : ""));
            token.Clear();
        }
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) token.Append(c);
            else Flush(prefix: c == '*');
        }
        Flush(prefix: false);
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}

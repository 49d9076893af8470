using GenAITrends.Core.Ingestion;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Storage;

/// <summary>Writes a post's theme rows (PostThemes); shared by the import's writer and by reclassify.</summary>
internal sealed class PostThemeInserter(SqliteConnection connection) : IDisposable
{
    private readonly RawStatement _insert = new(connection, "INSERT INTO PostThemes (PostId, Theme, Probability) VALUES (?1, ?2, ?3)");

    /// <summary>Inserts one row per theme and writes the theme ids into <paramref name="themeIds"/> (for the rollups).</summary>
    public void Insert(long postId, ThemeScore[] themes, Span<byte> themeIds)
    {
        for (int i = 0; i < themes.Length; i++)
        {
            _insert.Bind(1, postId).Bind(2, (long)themes[i].Theme).Bind(3, (double)themes[i].Probability).Execute();
            themeIds[i] = (byte)themes[i].Theme;
        }
    }

    public void Dispose() => _insert.Dispose();
}

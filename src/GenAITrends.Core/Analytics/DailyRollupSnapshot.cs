using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// An in-memory copy of DailyRollups as of one <see cref="Stamp"/>: the rows per (day, theme, language) and the
/// same rows summed over languages, both sorted by day then theme, so a chart's range is a binary search and a
/// short walk. About 40 bytes a row (25,000 rows for two years of a million posts). Authors' AuthorDailyRollups rows
/// are added as the author filter asks for them (<see cref="AuthorRowsAsync"/>), up to <see cref="MaxAuthorRows"/>
/// rows in all: they belong to the same stamp, since every writer of the author rollups moves it too.
/// </summary>
public sealed class DailyRollupSnapshot
{
    private readonly DaySums[] _allLanguages;
    private readonly DaySums[] _byLanguage;
    private readonly int[] _languageOf;
    private readonly Dictionary<string, int> _languageIndex;
    private readonly ConcurrentDictionary<long, DaySums[]> _authors = new();
    private int _authorRows;

    /// <summary>About 20 MB of author rows per snapshot; beyond it the author filter reads SQL.</summary>
    public const int MaxAuthorRows = 500_000;

    private DailyRollupSnapshot(long stamp, DaySums[] byLanguage, int[] languageOf, string[] languages)
    {
        Stamp = stamp;
        _byLanguage = byLanguage;
        _languageOf = languageOf;
        _languageIndex = languages.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        _allLanguages = SumOverLanguages(byLanguage);

        var postsPerLanguage = new long[languages.Length];
        for (int i = 0; i < byLanguage.Length; i++)
            if (byLanguage[i].Theme == 0) postsPerLanguage[languageOf[i]] += byLanguage[i].Posts;
        Languages = [.. languages.Select((l, i) => (Lang: l == "" ? "und" : l, Posts: postsPerLanguage[i]))
            .Where(x => x.Posts > 0).OrderByDescending(x => x.Posts).ThenBy(x => x.Lang, StringComparer.Ordinal)];
        Range = _allLanguages.Length == 0 ? null : (Days.ToDate(_allLanguages[0].Day), Days.ToDate(_allLanguages[^1].Day));
    }

    /// <summary>The value of RollupStamp.Stamp these rows were read with.</summary>
    public long Stamp { get; }

    public int Rows => _byLanguage.Length;

    /// <summary>Languages with posts, most posts first ("und" for unknown).</summary>
    public IReadOnlyList<(string Lang, long Posts)> Languages { get; }

    /// <summary>First and last day with rollups, or null when there are none.</summary>
    public (DateOnly First, DateOnly Last)? Range { get; }

    /// <summary>
    /// The same rows as RollupReader's GROUP BY over DailyRollups: sums per (day, theme) between two inclusive days,
    /// for every theme (<paramref name="only"/> 255) or "all posts" (theme 0) plus one theme, over every language or one
    /// stored language code ("" for unknown).
    /// </summary>
    public IReadOnlyList<DaySums> Daily(int fromDay, int toDay, byte only, string? storedLang)
    {
        if (storedLang is null) return Cut(_allLanguages, fromDay, toDay, only);
        if (!_languageIndex.TryGetValue(storedLang, out var lang)) return [];
        var (from, to) = DayRange(_byLanguage, fromDay, toDay);
        var matches = new List<DaySums>();
        for (int i = from; i < to; i++)
            if (_languageOf[i] == lang && (only == 255 || _byLanguage[i].Theme is 0 || _byLanguage[i].Theme == only))
                matches.Add(_byLanguage[i]);
        return matches;
    }

    /// <summary>
    /// One author's rows (every day and theme, sorted by day then theme) between two inclusive days: from memory when
    /// this snapshot holds the author, else all of the author's rows are read once by <paramref name="readAll"/> and kept
    /// while the budget allows.
    /// </summary>
    public async Task<IReadOnlyList<DaySums>> AuthorRowsAsync(long authorId, int fromDay, int toDay, byte only,
        Func<Task<DaySums[]>> readAll)
    {
        if (!_authors.TryGetValue(authorId, out var rows))
        {
            rows = await readAll();
            // Two requests may read the same author at once: only the one that adds the rows keeps them in the budget.
            if (Interlocked.Add(ref _authorRows, rows.Length) > MaxAuthorRows || !_authors.TryAdd(authorId, rows))
                Interlocked.Add(ref _authorRows, -rows.Length);
        }
        return Cut(rows, fromDay, toDay, only);
    }

    /// <summary>The rows (sorted by day) between two inclusive days, of every theme (255) or of "all posts" plus one theme.</summary>
    private static IReadOnlyList<DaySums> Cut(DaySums[] rows, int fromDay, int toDay, byte only)
    {
        var (start, end) = DayRange(rows, fromDay, toDay);
        if (only == 255) return new ArraySegment<DaySums>(rows, start, end - start);
        var matches = new List<DaySums>();
        for (int i = start; i < end; i++)
            if (rows[i].Theme is 0 || rows[i].Theme == only) matches.Add(rows[i]);
        return matches;
    }

    /// <summary>One theme's posts and engagement between two inclusive days, every language.</summary>
    public (long Posts, long Engagement) Total(byte theme, int fromDay, int toDay)
    {
        var (start, end) = DayRange(_allLanguages, fromDay, toDay);
        long posts = 0, engagement = 0;
        for (int i = start; i < end; i++)
            if (_allLanguages[i].Theme == theme) { posts += _allLanguages[i].Posts; engagement += _allLanguages[i].Engagement; }
        return (posts, engagement);
    }

    /// <summary>
    /// Reads RollupStamp and every DailyRollups row in one read transaction (so the rows belong to the stamp), or
    /// returns null when the table holds more than <paramref name="maxRows"/> rows.
    /// </summary>
    public static async Task<DailyRollupSnapshot?> LoadAsync(SqliteConnection connection, int maxRows, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = RollupStamp.ReadSql;
        var stamp = (long)(await cmd.ExecuteScalarAsync(ct))!;
        cmd.CommandText = "SELECT count(*) FROM DailyRollups";
        var count = (long)(await cmd.ExecuteScalarAsync(ct))!;
        if (count > maxRows) return null;

        var rows = new DaySums[count];
        var languageOf = new int[count];
        var languages = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        cmd.CommandText = "SELECT Day, Theme, Lang, Posts, Engagement, SentimentSum, SentimentCount FROM DailyRollups ORDER BY Day, Theme, Lang";
        int n = 0;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (r.Read())
            {
                var lang = r.GetString(2);
                if (!index.TryGetValue(lang, out var li)) { index[lang] = li = languages.Count; languages.Add(lang); }
                rows[n] = new DaySums(r.GetInt32(0), (byte)r.GetInt32(1), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5), r.GetInt64(6));
                languageOf[n++] = li;
            }
        }
        await tx.CommitAsync(ct);
        return new DailyRollupSnapshot(stamp, rows, languageOf, [.. languages]);
    }

    private static DaySums[] SumOverLanguages(DaySums[] rows)
    {
        var sums = new List<DaySums>();
        foreach (var r in rows)
        {
            if (sums.Count > 0 && sums[^1].Day == r.Day && sums[^1].Theme == r.Theme)
            {
                ref var last = ref CollectionsMarshal.AsSpan(sums)[^1];
                last = last with
                {
                    Posts = last.Posts + r.Posts, Engagement = last.Engagement + r.Engagement,
                    SentimentSum = last.SentimentSum + r.SentimentSum, SentimentCount = last.SentimentCount + r.SentimentCount,
                };
            }
            else sums.Add(r);
        }
        return [.. sums];
    }

    /// <summary>[start, end) of the rows whose day lies in [fromDay, toDay], in rows sorted by day.</summary>
    private static (int Start, int End) DayRange(DaySums[] rows, int fromDay, int toDay)
    {
        int start = PrefixLength(rows, r => r.Day < fromDay), end = PrefixLength(rows, r => r.Day <= toDay);
        return (start, Math.Max(start, end));
    }

    /// <summary>How many leading rows match: a binary search for a predicate that holds on a prefix of the rows.</summary>
    private static int PrefixLength(DaySums[] rows, Func<DaySums, bool> onPrefix)
    {
        int lo = 0, hi = rows.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (onPrefix(rows[mid])) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}

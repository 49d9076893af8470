using GenAITrends.Core.Posts;
using GenAITrends.Core.Storage;
using Microsoft.Data.Sqlite;

namespace GenAITrends.Core.Reports;

/// <summary>
/// <see cref="ISnapshotDataSource"/> over the rollup tables: volumes, shares, sentiment and influencers come from
/// DailyRollups / AuthorDailyRollups (or, when the filters are finer than the rollups — an author together with a
/// language — from Posts of that author); rising terms and representative posts from an evenly spaced sample of the
/// period's posts (every post up to <see cref="TargetSample"/> posts in the period and the one before).
/// </summary>
public sealed class RollupSnapshotDataSource(string connectionString, TimeProvider? clock = null, string? modelCardPath = null) : ISnapshotDataSource
{
    /// <summary>Posts read (current + previous period) for the text-based sections.</summary>
    public const int TargetSample = 12_000;

    private const int TopInfluencers = 5;
    private const int TopTerms = 8;
    private const int RepresentativeCount = 3;

    /// <summary>Where the last load spent its time (for `genaitrends bench report`).</summary>
    public string LastTimings { get; private set; } = "";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public Task<SnapshotData> LoadAsync(SnapshotRequest request, CancellationToken ct = default) =>
        Task.Run(() => Load(request, ct), ct);

    private SnapshotData Load(SnapshotRequest request, CancellationToken ct)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var timings = new List<string>();
        void Mark(string what) { timings.Add($"{what} {timer.Elapsed.TotalMilliseconds:N0} ms"); timer.Restart(); }
        using var c = SqliteConnections.Open(connectionString);
        using var tx = c.BeginTransaction(deferred: true); // one consistent read across all queries
        string? notice = null;

        long? authorId = null;
        if (request.Author is not null)
        {
            authorId = Scalar<long?>(c, tx, "SELECT Id FROM Authors WHERE Handle = $h COLLATE NOCASE", ("$h", request.Author.Trim().TrimStart('@').ToLowerInvariant()));
            if (authorId is null) notice = $"No author @{request.Author} in the database: the snapshot is empty.";
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var (minDay, maxDay) = DataBounds(c, tx);
        var to = request.To ?? (maxDay is null ? today : Days.ToDate(maxDay.Value));
        var from = request.From ?? (minDay is null ? to.AddDays(-29) : Days.ToDate(Math.Min(minDay.Value, Days.From(to))));
        if (from > to) from = to;
        var length = to.DayNumber - from.DayNumber + 1;
        var prevTo = from.AddDays(-1);
        var prevFrom = from.AddDays(-length);
        var granularity = request.Granularity ?? (length <= 62 ? Granularity.Day : length <= 366 ? Granularity.Week : Granularity.Month);
        var period = new SnapshotPeriod(from, to, prevFrom, prevTo, granularity);
        int dFrom = Days.From(from), dTo = Days.From(to), dPrevFrom = Days.From(prevFrom);

        var filter = new Filter(request.Lang, authorId, request.Author is not null && authorId is null);

        // Daily figures for [previous from, to], theme 0 = all posts.
        Dictionary<(int Day, int Theme), DayFigures> daily = filter.NoMatch ? [] : ReadDaily(c, tx, filter, dPrevFrom, dTo);
        ct.ThrowIfCancellationRequested();

        Mark("daily");
        var buckets = Bucketing.Starts(from, to, granularity);
        var bucketIndex = new int[length];
        for (int i = 0, b = 0; i < length; i++)
        {
            var date = from.AddDays(i);
            while (b + 1 < buckets.Count && buckets[b + 1] <= date) b++;
            bucketIndex[i] = b;
        }

        DayFigures Sum(int theme, int a, int z)
        {
            var s = new DayFigures();
            for (var d = a; d <= z; d++)
                if (daily.TryGetValue((d, theme), out var f)) s.Add(f);
            return s;
        }

        var total = Sum(0, dFrom, dTo);
        var prevTotal = Sum(0, dPrevFrom, dFrom - 1);
        var totalPerBucket = new long[buckets.Count];
        for (var i = 0; i < length; i++)
            if (daily.TryGetValue((dFrom + i, 0), out var f)) totalPerBucket[bucketIndex[i]] += f.Posts;

        var summaries = new List<ThemeSummary>();
        var series = new Dictionary<Theme, ThemeSeries>();
        foreach (var info in Themes.All)
        {
            var t = (int)info.Theme;
            var cur = Sum(t, dFrom, dTo);
            var prev = Sum(t, dPrevFrom, dFrom - 1);
            summaries.Add(new ThemeSummary(info.Theme, cur.Posts, Ratio(cur.Posts, total.Posts), prev.Posts,
                prevTotal.Posts == 0 ? null : Ratio(prev.Posts, prevTotal.Posts),
                cur.SentimentCount == 0 ? null : cur.SentimentSum / cur.SentimentCount,
                prev.SentimentCount == 0 ? null : prev.SentimentSum / prev.SentimentCount,
                FindSpike(daily, t, dFrom, dTo, minDay)));

            var volume = new long[buckets.Count];
            var sentSum = new double[buckets.Count];
            var sentCount = new long[buckets.Count];
            for (var i = 0; i < length; i++)
            {
                if (!daily.TryGetValue((dFrom + i, t), out var f)) continue;
                volume[bucketIndex[i]] += f.Posts;
                sentSum[bucketIndex[i]] += f.SentimentSum;
                sentCount[bucketIndex[i]] += f.SentimentCount;
            }
            var share = new double[buckets.Count];
            var sentiment = new double[buckets.Count];
            for (var b = 0; b < buckets.Count; b++)
            {
                share[b] = Ratio(volume[b], totalPerBucket[b]);
                sentiment[b] = sentCount[b] == 0 ? double.NaN : sentSum[b] / sentCount[b];
            }
            series[info.Theme] = new ThemeSeries(volume, share, sentiment);
        }
        var ordered = summaries.OrderByDescending(s => s.Share).ThenBy(s => s.Theme).ToList();
        ct.ThrowIfCancellationRequested();

        var detailThemes = ordered.Select(s => s.Theme).Where(t => request.Theme is null || t == request.Theme).ToList();
        var (influencers, authors) = filter.NoMatch || total.Posts == 0 ? ([], 0) : ReadAuthors(c, tx, filter, dFrom, dTo, minDay, maxDay);
        Mark("authors");
        ct.ThrowIfCancellationRequested();

        var sampleSize = total.Posts + prevTotal.Posts;
        var stride = (int)Math.Max(1, (sampleSize + TargetSample - 1) / TargetSample);
        List<SampledPost> sample = filter.NoMatch || total.Posts == 0 ? [] : ReadSample(c, tx, filter, dPrevFrom, dTo, stride);
        Mark("sample");
        ct.ThrowIfCancellationRequested();

        var details = new List<ThemeDetail>();
        foreach (var theme in detailThemes)
        {
            var inTheme = sample.Where(p => p.Themes.Contains((byte)theme)).ToList();
            var current = inTheme.Where(p => p.Day >= dFrom).ToList();
            var previous = inTheme.Where(p => p.Day < dFrom).ToList();
            // Rising against the previous period when it has posts of the theme; else distinctive against the period's other posts.
            var compared = previous.Count > 0;
            var baseline = compared ? previous.Select(p => p.Text)
                : sample.Where(p => p.Day >= dFrom && !p.Themes.Contains((byte)theme)).Select(p => p.Text);
            details.Add(new ThemeDetail(theme, series[theme],
                influencers.TryGetValue((byte)theme, out var top) ? top : [],
                TermCounter.Rising(current.Select(p => p.Text), baseline, TopTerms),
                compared,
                PickRepresentative(current)));
        }

        var (first, last) = filter.NoMatch || total.Posts == 0 ? (null, null) : FirstLast(c, tx, filter, from, to);
        Mark("terms");
        var batches = ReadBatches(c, tx);
        Mark("rest");
        LastTimings = string.Join(", ", timings);
        return new SnapshotData
        {
            Period = period,
            Filters = new SnapshotFilters(request.Lang, request.Author, request.Theme),
            Coverage = new DataCoverage(total.Posts, authors, first, last, batches),
            GeneratedAtUtc = _clock.GetUtcNow().UtcDateTime,
            Themes = ordered,
            Buckets = buckets,
            TotalPerBucket = totalPerBucket,
            Series = series,
            Details = details,
            Models = ModelCard.Read(modelCardPath, batches),
            Sample = new TextSample(sampleSize, sample.Count(p => p.Day >= dFrom && p.Themes.Length > 0), stride),
            Notice = notice,
        };
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private sealed record Filter(string? Lang, long? AuthorId, bool NoMatch);

    private sealed class DayFigures
    {
        public long Posts;
        public double SentimentSum;
        public long SentimentCount;

        public void Add(DayFigures f)
        {
            Posts += f.Posts;
            SentimentSum += f.SentimentSum;
            SentimentCount += f.SentimentCount;
        }
    }

    private static (int? Min, int? Max) DataBounds(SqliteConnection c, SqliteTransaction tx)
    {
        var min = Scalar<long?>(c, tx, "SELECT Day FROM DailyRollups WHERE Theme = 0 AND Posts > 0 ORDER BY Day LIMIT 1");
        var max = Scalar<long?>(c, tx, "SELECT Day FROM DailyRollups WHERE Theme = 0 AND Posts > 0 ORDER BY Day DESC LIMIT 1");
        return ((int?)min, (int?)max);
    }

    private static Dictionary<(int Day, int Theme), DayFigures> ReadDaily(SqliteConnection c, SqliteTransaction tx, Filter f, int a, int z)
    {
        string sql;
        if (f.AuthorId is not null && f.Lang is not null)
        {
            // Finer than any rollup: this author's posts in this language (an author has few posts; index on AuthorId).
            sql = """
                SELECT p.Day, 0, COUNT(*), COALESCE(SUM(p.SentimentScore), 0), COUNT(p.SentimentScore)
                FROM Posts p WHERE p.AuthorId = $author AND p.Lang = $lang AND p.Day BETWEEN $a AND $z GROUP BY p.Day
                UNION ALL
                SELECT p.Day, pt.Theme, COUNT(*), COALESCE(SUM(p.SentimentScore), 0), COUNT(p.SentimentScore)
                FROM Posts p JOIN PostThemes pt ON pt.PostId = p.Id
                WHERE p.AuthorId = $author AND p.Lang = $lang AND p.Day BETWEEN $a AND $z GROUP BY p.Day, pt.Theme
                """;
        }
        else if (f.AuthorId is not null)
        {
            sql = """
                SELECT Day, Theme, SUM(Posts), SUM(SentimentSum), SUM(SentimentCount) FROM AuthorDailyRollups
                WHERE AuthorId = $author AND Day BETWEEN $a AND $z GROUP BY Day, Theme
                """;
        }
        else
        {
            sql = $"""
                SELECT Day, Theme, SUM(Posts), SUM(SentimentSum), SUM(SentimentCount) FROM DailyRollups
                WHERE Day BETWEEN $a AND $z {(f.Lang is null ? "" : "AND Lang = $lang")} GROUP BY Day, Theme
                """;
        }
        using var cmd = Command(c, tx, sql, ("$a", a), ("$z", z), ("$author", f.AuthorId), ("$lang", f.Lang));
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<(int, int), DayFigures>();
        while (r.Read())
        {
            var key = (r.GetInt32(0), r.GetInt32(1));
            var fig = new DayFigures { Posts = r.GetInt64(2), SentimentSum = r.GetDouble(3), SentimentCount = r.GetInt64(4) };
            if (result.TryGetValue(key, out var existing)) existing.Add(fig);
            else result[key] = fig;
        }
        return result;
    }

    /// <summary>
    /// The day in the period whose volume stands highest above the 28 days before it (at least 3 standard deviations,
    /// at least twice the mean, at least 5 posts), once at least 7 days of data precede it.
    /// </summary>
    private static Spike? FindSpike(IReadOnlyDictionary<(int Day, int Theme), DayFigures> daily, int theme, int from, int to, int? firstDataDay)
    {
        const int window = 28;
        Spike? best = null;
        var bestScore = 0.0;
        for (var d = from; d <= to; d++)
        {
            var posts = daily.TryGetValue((d, theme), out var f) ? f.Posts : 0;
            if (posts < 5) continue;
            var start = Math.Max(d - window, firstDataDay ?? d);
            var n = d - start;
            if (n < 7) continue;
            double sum = 0, sumSq = 0;
            for (var x = start; x < d; x++)
            {
                var v = daily.TryGetValue((x, theme), out var g) ? g.Posts : 0;
                sum += v;
                sumSq += (double)v * v;
            }
            var mean = sum / n;
            var sd = Math.Sqrt(Math.Max(0, sumSq / n - mean * mean));
            var score = (posts - mean) / Math.Max(sd, 1);
            if (score >= 3 && posts >= 2 * mean && score > bestScore)
            {
                bestScore = score;
                best = new Spike(Days.ToDate(d), posts, mean);
            }
        }
        return best;
    }

    /// <summary>
    /// Top authors per theme by engagement, and the number of authors with posts: from the author rollups through
    /// <see cref="Analytics.AuthorLeaders"/>; one author's daily rows summed here; with a language filter the rollups
    /// cannot answer, so Posts are grouped instead.
    /// </summary>
    private static (Dictionary<byte, IReadOnlyList<Influencer>> Top, long Authors) ReadAuthors(
        SqliteConnection c, SqliteTransaction tx, Filter f, int a, int z, int? minDay, int? maxDay)
    {
        string sql;
        if (f.Lang is not null)
        {
            sql = $"""
                SELECT p.AuthorId, pt.Theme, COUNT(*), SUM(p.Likes + p.Reposts + p.Replies + p.Quotes)
                FROM Posts p JOIN PostThemes pt ON pt.PostId = p.Id
                WHERE p.Day BETWEEN $a AND $z AND p.Lang = $lang {(f.AuthorId is null ? "" : "AND p.AuthorId = $author")}
                GROUP BY p.AuthorId, pt.Theme
                """;
        }
        else if (f.AuthorId is not null)
        {
            sql = "SELECT AuthorId, Theme, Posts, Engagement FROM AuthorDailyRollups WHERE AuthorId = $author AND Day BETWEEN $a AND $z AND Theme > 0";
        }
        else
        {
            // Per theme, the leaders by engagement from the author rollups (AuthorLeaders: candidates in the order of
            // their all-time figures, whole months monthly and partial months daily).
            var period = Analytics.AuthorPeriod.Of(a, z);
            var leaders = Themes.All.ToDictionary(t => (byte)t.Theme,
                t => Analytics.AuthorLeaders.Top(c, tx, period, (byte)t.Theme, null, byEngagement: true, TopInfluencers));
            return (Named(c, tx, leaders), CountAuthors(c, tx, f, a, z, minDay, maxDay));
        }

        var sums = new Dictionary<(long Author, byte Theme), (long Posts, long Engagement)>();
        using (var cmd = Command(c, tx, sql, ("$a", a), ("$z", z), ("$author", f.AuthorId), ("$lang", f.Lang)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetInt64(0), (byte)r.GetInt32(1));
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(sums, key, out _);
                slot = (slot.Posts + r.GetInt64(2), slot.Engagement + r.GetInt64(3));
            }
        }

        var authorCount = CountAuthors(c, tx, f, a, z, minDay, maxDay);
        var top = new Dictionary<byte, PriorityQueue<(long Author, long Posts, long Engagement), (long, long)>>();
        foreach (var (key, value) in sums)
        {
            if (value.Posts <= 0) continue;
            if (!top.TryGetValue(key.Theme, out var q)) top[key.Theme] = q = new();
            var priority = (value.Engagement, value.Posts);
            var row = (key.Author, value.Posts, value.Engagement);
            if (q.Count < TopInfluencers) q.Enqueue(row, priority);
            else if (q.TryPeek(out _, out var lowest) && priority.CompareTo(lowest) > 0) q.EnqueueDequeue(row, priority);
        }

        var ranked = top.ToDictionary(kv => kv.Key, kv => kv.Value.UnorderedItems
            .Select(i => new Analytics.AuthorSums(i.Element.Author, i.Element.Posts, i.Element.Engagement, 0, 0))
            .OrderByDescending(e => e.Engagement).ThenByDescending(e => e.Posts).ThenBy(e => e.AuthorId).ToList());
        return (Named(c, tx, ranked), authorCount);
    }

    /// <summary>Leaders per theme with their handles and names (order kept).</summary>
    private static Dictionary<byte, IReadOnlyList<Influencer>> Named(SqliteConnection c, SqliteTransaction tx, Dictionary<byte, List<Analytics.AuthorSums>> top)
    {
        var ids = top.Values.SelectMany(l => l.Select(e => e.AuthorId)).Distinct().ToList();
        var authors = new Dictionary<long, (string Handle, string? Name, long? Followers)>();
        if (ids.Count > 0)
        {
            using var cmd = Command(c, tx, $"SELECT Id, Handle, DisplayName, FollowerCount FROM Authors WHERE Id IN ({string.Join(",", ids)})");
            using var r = cmd.ExecuteReader();
            while (r.Read())
                authors[r.GetInt64(0)] = (r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetInt64(3));
        }
        return top.Where(kv => kv.Value.Count > 0).ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Influencer>)kv.Value
            .Select(e => authors.TryGetValue(e.AuthorId, out var au)
                ? new Influencer(au.Handle, au.Name, au.Followers, e.Posts, e.Engagement)
                : new Influencer($"author #{e.AuthorId}", null, null, e.Posts, e.Engagement))
            .ToList());
    }

    /// <summary>
    /// Distinct authors with posts in the period: from the author rollups of "all posts" (whole months monthly, the rest
    /// daily); with a language filter, from Posts.
    /// </summary>
    private static long CountAuthors(SqliteConnection c, SqliteTransaction tx, Filter f, int a, int z, int? minDay, int? maxDay)
    {
        if (f.AuthorId is not null) return 1;
        if (f.Lang is not null)
            return Scalar<long?>(c, tx, "SELECT COUNT(DISTINCT AuthorId) FROM Posts WHERE Day BETWEEN $a AND $z AND Lang = $lang",
                ("$a", a), ("$z", z), ("$lang", f.Lang)) ?? 0;
        // A period holding every day with data: the authors with posts are the authors with all-time figures.
        if (minDay is not null && maxDay is not null && a <= minDay && z >= maxDay)
            return Scalar<long?>(c, tx, "SELECT count(*) FROM AuthorTotals WHERE Theme = 0 AND Posts > 0") ?? 0;
        var period = Analytics.AuthorPeriod.Of(a, z);
        return Scalar<long?>(c, tx, $"SELECT COUNT(DISTINCT AuthorId) FROM ({period.RowsSql(oneAuthor: false)})",
            [.. period.Parameters(0, null).Select(p => (p.Name, (object?)p.Value))]) ?? 0;
    }

    private static (DateTime?, DateTime?) FirstLast(SqliteConnection c, SqliteTransaction tx, Filter f, DateOnly from, DateOnly to)
    {
        var lo = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var hi = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        var where = "CreatedAtUtc >= $lo AND CreatedAtUtc < $hi"
            + (f.AuthorId is null ? "" : " AND AuthorId = $author")
            + (f.Lang is null ? "" : " AND Lang = $lang");
        var first = Scalar<long?>(c, tx, $"SELECT CreatedAtUtc FROM Posts WHERE {where} ORDER BY CreatedAtUtc LIMIT 1", ("$lo", lo), ("$hi", hi), ("$author", f.AuthorId), ("$lang", f.Lang));
        var last = Scalar<long?>(c, tx, $"SELECT CreatedAtUtc FROM Posts WHERE {where} ORDER BY CreatedAtUtc DESC LIMIT 1", ("$lo", lo), ("$hi", hi), ("$author", f.AuthorId), ("$lang", f.Lang));
        return (first is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(first.Value).UtcDateTime,
                last is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(last.Value).UtcDateTime);
    }

    internal sealed record SampledPost(long Id, int Day, string Handle, DateTime CreatedAtUtc, string Text, long Engagement, SentimentLabel? Sentiment, bool IsRetweet, byte[] Themes);

    private static List<SampledPost> ReadSample(SqliteConnection c, SqliteTransaction tx, Filter f, int a, int z, int stride)
    {
        // When the period holds most posts, the multiples of the stride are looked up by id (a few thousand rowid
        // seeks) rather than testing every post of the period: the same posts either way.
        long minId = 0, maxId = 0;
        if (stride > 1)
        {
            using var bounds = Command(c, tx, "SELECT coalesce(min(Id), 0), coalesce(max(Id), 0) FROM Posts");
            using var b = bounds.ExecuteReader();
            if (b.Read()) (minId, maxId) = (b.GetInt64(0), b.GetInt64(1));
        }
        var byId = stride > 1 && (maxId - minId) / stride <= 4L * TargetSample;
        var columns = """
            p.Id, p.Day, au.Handle, p.CreatedAtUtc, p.Text, p.Likes + p.Reposts + p.Replies + p.Quotes, p.Sentiment, p.IsRetweet,
                   (SELECT group_concat(pt.Theme) FROM PostThemes pt WHERE pt.PostId = p.Id)
            """;
        var filters = $"{(f.AuthorId is null ? "" : "AND p.AuthorId = $author")} {(f.Lang is null ? "" : "AND p.Lang = $lang")}";
        var sql = byId
            ? $"""
               WITH RECURSIVE ids(x) AS (SELECT $first UNION ALL SELECT x + $stride FROM ids WHERE x + $stride <= $maxId)
               SELECT {columns}
               FROM ids CROSS JOIN Posts p ON p.Id = ids.x JOIN Authors au ON au.Id = p.AuthorId
               WHERE p.Day BETWEEN $a AND $z {filters}
               """
            : $"""
               SELECT {columns}
               FROM Posts p JOIN Authors au ON au.Id = p.AuthorId
               WHERE p.Day BETWEEN $a AND $z {(stride > 1 ? "AND p.Id % $stride = 0" : "")} {filters}
               """;
        var first = (minId + stride - 1) / stride * stride;
        using var cmd = Command(c, tx, sql, ("$a", a), ("$z", z), ("$stride", stride), ("$author", f.AuthorId), ("$lang", f.Lang),
            ("$first", first), ("$maxId", maxId));
        using var r = cmd.ExecuteReader();
        var list = new List<SampledPost>();
        while (r.Read())
        {
            var themes = r.IsDBNull(8) ? [] : r.GetString(8).Split(',').Select(byte.Parse).ToArray();
            list.Add(new SampledPost(r.GetInt64(0), r.GetInt32(1), r.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(3)).UtcDateTime, r.GetString(4), r.GetInt64(5),
                r.IsDBNull(6) ? null : (SentimentLabel)r.GetInt32(6), r.GetBoolean(7), themes));
        }
        return list;
    }

    /// <summary>The most-engaged original posts (no retweets), one per author.</summary>
    private static List<RepresentativePost> PickRepresentative(List<SampledPost> posts) =>
        posts.Where(p => !p.IsRetweet)
            .OrderByDescending(p => p.Engagement).ThenBy(p => p.Id)
            .DistinctBy(p => p.Handle)
            .Take(RepresentativeCount)
            .Select(p => new RepresentativePost(p.Handle, p.CreatedAtUtc, p.Text, p.Engagement, p.Sentiment))
            .ToList();

    private static List<ImportSource> ReadBatches(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = Command(c, tx, "SELECT Id, FileName, FinishedAtUtc, Imported, Updated, Layout FROM ImportBatches WHERE Status = $ok ORDER BY Id",
            ("$ok", (int)ImportStatus.Succeeded));
        using var r = cmd.ExecuteReader();
        var list = new List<ImportSource>();
        while (r.Read())
        {
            string? models = null;
            if (!r.IsDBNull(5))
            {
                var layout = r.GetString(5);
                var i = layout.LastIndexOf("models ", StringComparison.Ordinal);
                if (i >= 0) models = layout[(i + "models ".Length)..].Trim();
            }
            list.Add(new ImportSource(r.GetInt64(0), r.GetString(1),
                r.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)).UtcDateTime,
                r.GetInt64(3), r.GetInt64(4), models));
        }
        return list;
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
            if (sql.Contains(name, StringComparison.Ordinal)) cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return cmd;
    }

    private static T? Scalar<T>(SqliteConnection c, SqliteTransaction tx, string sql, params (string, object?)[] parameters)
    {
        using var cmd = Command(c, tx, sql, parameters);
        var v = cmd.ExecuteScalar();
        if (v is null or DBNull) return default;
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(v, target, Formats.Culture);
    }
}

/// <summary>Day numbers as stored: days since 1970-01-01 UTC.</summary>
public static class Days
{
    private static readonly int Epoch = new DateOnly(1970, 1, 1).DayNumber;
    public static int From(DateOnly d) => d.DayNumber - Epoch;
    public static DateOnly ToDate(int day) => DateOnly.FromDayNumber(day + Epoch);
}

public static class Bucketing
{
    /// <summary>Start dates of the buckets covering [from, to]: the first bucket starts at <paramref name="from"/>, later ones on Mondays / the 1st.</summary>
    public static List<DateOnly> Starts(DateOnly from, DateOnly to, Granularity g)
    {
        var list = new List<DateOnly> { from };
        var next = g switch
        {
            Granularity.Day => from.AddDays(1),
            Granularity.Week => from.AddDays(((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7 is 0 ? 7 : ((int)DayOfWeek.Monday - (int)from.DayOfWeek + 7) % 7),
            _ => new DateOnly(from.Year, from.Month, 1).AddMonths(1),
        };
        while (next <= to)
        {
            list.Add(next);
            next = g switch
            {
                Granularity.Day => next.AddDays(1),
                Granularity.Week => next.AddDays(7),
                _ => next.AddMonths(1),
            };
        }
        return list;
    }
}

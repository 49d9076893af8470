using System.Globalization;
using System.Net;
using System.Text;

namespace GenAITrends.Core.Sentiment;

/// <summary>What reading and cleaning a corpus did, for reporting.</summary>
public sealed class SentimentCorpusStats
{
    public int Files { get; set; }
    public int LinesRead { get; set; }
    public int Malformed { get; set; }
    public int Parsed { get; set; }
    /// <summary>Lines kept although their optional 4th column was not empty (it held a timestamp).</summary>
    public int ExtraColumnKept { get; set; }
    /// <summary>Rows dropped because an earlier row had the same id (same label).</summary>
    public int DuplicateIdRows { get; set; }
    /// <summary>Rows dropped because an earlier row had the same normalised text (same label).</summary>
    public int DuplicateTextRows { get; set; }
    /// <summary>Groups (same id or same text) whose labels disagreed and a strict majority label was kept.</summary>
    public int ConflictGroupsResolved { get; set; }
    /// <summary>Rows removed from conflicting groups (minority rows plus whole groups without a majority).</summary>
    public int ConflictRowsDropped { get; set; }
    /// <summary>Rows removed because their text matches a tuning/validation tweet.</summary>
    public int LeakRowsRemoved { get; set; }
    public int Final { get; set; }
    public Dictionary<string, int> LabelCounts { get; } = new(StringComparer.Ordinal);

    public override string ToString() =>
        $"files={Files} lines={LinesRead} malformed={Malformed} parsed={Parsed} extraColumnKept={ExtraColumnKept} dupId={DuplicateIdRows} " +
        $"dupText={DuplicateTextRows} conflictGroups={ConflictGroupsResolved} conflictRowsDropped={ConflictRowsDropped} " +
        $"leakRemoved={LeakRowsRemoved} final={Final} labels=[{string.Join(", ", LabelCounts.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}"))}]";
}

/// <summary>
/// Reads the SemEval-2013..2016 Task 4A files, the TweetEval sentiment split and the Sentiment140 manual test set.
/// Unescapes the JSON/CSV escapes the SemEval dumps carry, removes duplicate tweets and removes tweets that leak
/// into a tuning set.
/// </summary>
public static class SentimentCorpusReader
{
    /// <summary>Reads every file matching <paramref name="pattern"/> (id TAB label TAB text [TAB]) in a stable order,
    /// skipping malformed lines, then de-duplicates by id and by <see cref="MatchKey"/>.</summary>
    public static IReadOnlyList<SentimentExample> ReadSemEval(string directory, out SentimentCorpusStats stats,
        string pattern = "semeval_twitter-*.txt")
    {
        stats = new SentimentCorpusStats();
        var rows = new List<SentimentExample>();
        foreach (var path in Directory.GetFiles(directory, pattern).OrderBy(p => p, StringComparer.Ordinal))
        {
            stats.Files++;
            var lines = File.ReadAllLines(path, Encoding.UTF8);
            // Each file has one column layout (3, or 4 with an empty last column); a line with another count is a
            // record broken across physical lines.
            int columns = lines.Take(200).Select(l => l.Split('\t').Length)
                .GroupBy(x => x).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
            foreach (var line in lines)
            {
                stats.LinesRead++;
                if (line.Split('\t').Length == columns && TryParseSemEvalLine(line, out var example))
                {
                    rows.Add(example);
                    if (columns == 4 && line.Split('\t')[3].Trim().Length > 0) stats.ExtraColumnKept++;
                }
                else stats.Malformed++;
            }
        }
        stats.Parsed = rows.Count;
        var deduped = Deduplicate(rows, stats);
        FillLabels(stats, deduped);
        return deduped;
    }

    /// <summary>Parses one SemEval line. Valid lines have a numeric id, a known label, non-empty text, and at most
    /// one extra column (empty in the 2016 test file, except for a few lines where it holds a timestamp: ignored).</summary>
    public static bool TryParseSemEvalLine(string line, out SentimentExample example)
    {
        example = null!;
        var parts = line.Split('\t');
        if (parts.Length < 3 || parts.Length > 4) return false;
        string id = parts[0].Trim();
        if (id.Length == 0 || !ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return false;
        int label = SentimentLabels.IndexOf(parts[1]);
        if (label < 0) return false;
        string text = Unescape(parts[2]);
        if (text.Length == 0) return false;
        example = new SentimentExample(id, text, SentimentLabels.All[label]);
        return true;
    }

    /// <summary>Reads TweetEval's parallel text/label files (labels 0 negative, 1 neutral, 2 positive).</summary>
    public static IReadOnlyList<SentimentExample> ReadTweetEval(string textPath, string labelPath)
    {
        var texts = File.ReadAllLines(textPath, Encoding.UTF8);
        var labels = File.ReadAllLines(labelPath, Encoding.UTF8).Where(l => l.Trim().Length > 0).ToArray();
        if (texts.Length != labels.Length)
            throw new InvalidDataException($"TweetEval: {texts.Length} texts but {labels.Length} labels.");
        var result = new List<SentimentExample>(texts.Length);
        for (int i = 0; i < texts.Length; i++)
        {
            int label = int.Parse(labels[i].Trim(), CultureInfo.InvariantCulture);
            if (label is < 0 or > 2) throw new InvalidDataException($"TweetEval label '{labels[i]}' at line {i + 1}.");
            result.Add(new SentimentExample($"tweeteval-{i}", Unescape(texts[i]), SentimentLabels.All[label]));
        }
        return result;
    }

    /// <summary>Reads the Sentiment140 manual test CSV (no header, quoted: polarity 0/2/4, id, date, query, user, text).</summary>
    public static IReadOnlyList<SentimentExample> ReadSentiment140(string path, out int malformed)
    {
        malformed = 0;
        var result = new List<SentimentExample>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0) continue;
            var fields = ParseCsvLine(line);
            string? label = fields.Count == 6 ? fields[0] switch
            {
                "0" => SentimentLabels.Negative,
                "2" => SentimentLabels.Neutral,
                "4" => SentimentLabels.Positive,
                _ => null,
            } : null;
            if (label is null) { malformed++; continue; }
            result.Add(new SentimentExample(fields[1], WebUtility.HtmlDecode(fields[5]), label));
        }
        return result;
    }

    /// <summary>Removes every example whose <see cref="MatchKey"/> equals that of a tuning example.</summary>
    public static IReadOnlyList<SentimentExample> RemoveLeaks(IReadOnlyList<SentimentExample> train,
        IReadOnlyList<SentimentExample> tuning, SentimentCorpusStats stats, out int tuningMatched)
    {
        var tuningKeys = tuning.Select(t => MatchKey(t.Text)).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        var kept = new List<SentimentExample>(train.Count);
        var matched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ex in train)
        {
            string key = MatchKey(ex.Text);
            if (tuningKeys.Contains(key)) { matched.Add(key); stats.LeakRowsRemoved++; }
            else kept.Add(ex);
        }
        tuningMatched = matched.Count;
        FillLabels(stats, kept);
        return kept;
    }

    /// <summary>
    /// Undoes the escaping in the SemEval dumps: strips CSV-style outer quotes, turns \"" and "" into ",
    /// and decodes JSON escapes (\uXXXX, \", \\, \/). Unknown backslash sequences are kept as written.
    /// </summary>
    public static string Unescape(string raw)
    {
        string t = raw.Trim();
        if (t.Length >= 2 && t[0] == '"' && t[^1] == '"') t = t[1..^1];
        else if (t.StartsWith('"') || t.EndsWith('"')) t = t.Trim('"');
        if (t.Contains("\"\"", StringComparison.Ordinal)) t = t.Replace("\\\"\"", "\"").Replace("\"\"", "\"");
        if (!t.Contains('\\')) return t.Trim();

        var sb = new StringBuilder(t.Length);
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            if (c == '\\' && i + 1 < t.Length)
            {
                char next = t[i + 1];
                if (next == 'u' && i + 5 < t.Length &&
                    ushort.TryParse(t.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort code))
                {
                    sb.Append((char)code);
                    i += 5;
                    continue;
                }
                if (next is '"' or '\\' or '/' or '\'')
                {
                    sb.Append(next);
                    i++;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>
    /// Key under which two tweets count as the same: HTML-decoded, lower case, URLs dropped, every @mention as
    /// @user (TweetEval's anonymisation), a leading "rt" dropped, and only letters/digits kept, single-spaced.
    /// </summary>
    public static string MatchKey(string text)
    {
        string t = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
        var sb = new StringBuilder(t.Length);
        int i = 0;
        bool pendingSpace = false;
        while (i < t.Length)
        {
            char c = t[i];
            var rest = t.AsSpan(i);
            if ((rest.StartsWith("http", StringComparison.OrdinalIgnoreCase) && (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase))) ||
                rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
            {
                while (i < t.Length && !char.IsWhiteSpace(t[i])) i++;
                pendingSpace = true;
                continue;
            }
            if (c == '@' && i + 1 < t.Length && (char.IsLetterOrDigit(t[i + 1]) || t[i + 1] == '_'))
            {
                i++;
                while (i < t.Length && (char.IsLetterOrDigit(t[i]) || t[i] == '_')) i++;
                if (sb.Length > 0) sb.Append(' ');
                sb.Append("@user");
                pendingSpace = true;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c != '\'' && c != '\u2019')
            {
                pendingSpace = true;
            }
            i++;
        }
        string key = sb.ToString();
        if (key.StartsWith("rt ", StringComparison.Ordinal)) key = key[3..];
        return key;
    }

    /// <summary>
    /// Two passes: rows sharing an id, then rows sharing a <see cref="MatchKey"/>. Within a group, agreeing rows
    /// collapse to the first; disagreeing rows keep the first row with the strict majority label, or drop the group.
    /// </summary>
    public static List<SentimentExample> Deduplicate(IReadOnlyList<SentimentExample> rows, SentimentCorpusStats stats)
    {
        var byId = Collapse(rows, r => r.Id, stats, isIdPass: true);
        return Collapse(byId, r => MatchKey(r.Text), stats, isIdPass: false);
    }

    private static List<SentimentExample> Collapse(IReadOnlyList<SentimentExample> rows, Func<SentimentExample, string> key,
        SentimentCorpusStats stats, bool isIdPass)
    {
        var groups = new Dictionary<string, List<SentimentExample>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var r in rows)
        {
            string k = key(r);
            if (!groups.TryGetValue(k, out var list))
            {
                groups[k] = list = [];
                order.Add(k);
            }
            list.Add(r);
        }

        var result = new List<SentimentExample>(order.Count);
        foreach (var k in order)
        {
            var g = groups[k];
            if (g.Count == 1) { result.Add(g[0]); continue; }
            var votes = g.GroupBy(r => r.Label).Select(x => (Label: x.Key, Count: x.Count()))
                .OrderByDescending(x => x.Count).ToList();
            if (votes.Count == 1)
            {
                result.Add(g[0]);
                if (isIdPass) stats.DuplicateIdRows += g.Count - 1; else stats.DuplicateTextRows += g.Count - 1;
                continue;
            }
            if (votes[0].Count > votes[1].Count)
            {
                stats.ConflictGroupsResolved++;
                stats.ConflictRowsDropped += g.Count - votes[0].Count;
                if (isIdPass) stats.DuplicateIdRows += votes[0].Count - 1; else stats.DuplicateTextRows += votes[0].Count - 1;
                result.Add(g.First(r => r.Label == votes[0].Label));
            }
            else
            {
                stats.ConflictRowsDropped += g.Count;
            }
        }
        return result;
    }

    private static void FillLabels(SentimentCorpusStats stats, IReadOnlyList<SentimentExample> rows)
    {
        stats.Final = rows.Count;
        stats.LabelCounts.Clear();
        foreach (var r in rows) stats.LabelCounts[r.Label] = stats.LabelCounts.GetValueOrDefault(r.Label) + 1;
    }

    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var sb = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                    else quoted = false;
                }
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }
}

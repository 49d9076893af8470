using System.Text.Json;

namespace GenAITrends.Core.Classification;

/// <summary>Example weights per source (real labelled posts count more than team-written text).</summary>
public sealed record ThemeSourceWeights(float RealPost = 1f, float TeamWritten = 0.5f, float Background = 0.2f)
{
    public float For(ThemeExampleSource source) => source switch
    {
        ThemeExampleSource.RealPost => RealPost,
        ThemeExampleSource.TeamWritten => TeamWritten,
        ThemeExampleSource.Background => Background,
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}

/// <summary>Reads the labelled CSVs into <see cref="ThemeExample"/>s and assigns example weights.</summary>
public sealed class ThemeTrainingSet
{
    private readonly List<ThemeExample> _examples = [];

    public IReadOnlyList<ThemeExample> Examples => _examples;

    /// <summary>Real posts labelled by the team: <c>id,text,themes[,sentiment]</c>.</summary>
    public static IReadOnlyList<ThemeExample> ReadLabelledPosts(string path, ThemeExampleSource source = ThemeExampleSource.RealPost)
    {
        var list = new List<ThemeExample>();
        foreach (var row in CsvRecords.ReadWithHeader(path))
        {
            string text = row["text"];
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            row.TryGetValue("id", out var id);
            list.Add(new ThemeExample(text, ThemeIds.ParseList(row["themes"]), source, 1f, id));
        }

        return list;
    }

    /// <summary>One column of a headed CSV (e.g. the <c>text</c> of a post export).</summary>
    public static IEnumerable<string> ReadColumn(string path, string column) =>
        CsvRecords.ReadWithHeader(path).Select(row => row[column]);

    /// <summary>Team-written examples: <c>text,themes</c>.</summary>
    public static IReadOnlyList<ThemeExample> ReadTeamExamples(string path) =>
        ReadLabelledPosts(path, ThemeExampleSource.TeamWritten);

    /// <summary>
    /// Background negatives: general tweets from a tab-separated corpus (<c>id\tlabel\ttext</c>, e.g. SemEval sentiment
    /// tweets from before generative AI), taken as theme-less. Deterministic sample of <paramref name="count"/> rows.
    /// </summary>
    public static IReadOnlyList<ThemeExample> ReadBackgroundTweets(IEnumerable<string> paths, int count, int seed = 7)
    {
        var texts = new List<string>();
        foreach (var path in paths)
        {
            foreach (var line in File.ReadLines(path))
            {
                var parts = line.Split('\t');
                if (parts.Length >= 3 && !string.IsNullOrWhiteSpace(parts[2]))
                {
                    texts.Add(UnescapeJsonStyle(parts[2]));
                }
            }
        }

        var random = new Random(seed);
        return texts.Distinct(StringComparer.Ordinal).OrderBy(_ => random.Next()).Take(count)
            .Select(t => new ThemeExample(t, [], ThemeExampleSource.Background)).ToList();
    }

    private static string UnescapeJsonStyle(string text)
    {
        if (!text.Contains("\\u", StringComparison.Ordinal))
        {
            return text;
        }

        return System.Text.RegularExpressions.Regex.Replace(text, @"\\u([0-9a-fA-F]{4})",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
    }

    /// <summary>Reads the <c>text</c> field of a JSON-lines file (used for evaluation-only corpora).</summary>
    public static IReadOnlyList<string> ReadJsonLinesText(string path, string field = "text")
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.TryGetProperty(field, out var value) && value.GetString() is { } text)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    public ThemeTrainingSet Add(IEnumerable<ThemeExample> examples, ThemeSourceWeights weights)
    {
        foreach (var e in examples)
        {
            _examples.Add(e with { Weight = weights.For(e.Source) });
        }

        return this;
    }

    /// <summary>Drops exact duplicates (by normalised text), keeping the first; returns how many were dropped.</summary>
    public int RemoveDuplicates()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int before = _examples.Count;
        _examples.RemoveAll(e => !seen.Add(DedupeKey(e.Text)));
        return before - _examples.Count;
    }

    /// <summary>Removes examples whose text also occurs in <paramref name="reserved"/> (e.g. an evaluation set).</summary>
    public int RemoveOverlap(IEnumerable<string> reserved)
    {
        var keys = reserved.Select(DedupeKey).ToHashSet(StringComparer.Ordinal);
        return _examples.RemoveAll(e => keys.Contains(DedupeKey(e.Text)));
    }

    /// <summary>Key that groups retweets and copies of one text: normalised text without a leading "rt &lt;mention&gt;".</summary>
    public static string DedupeKey(string text)
    {
        var n = ThemeTextNormalizer.Normalize(text);
        const string Rt = "rt " + ThemeTextNormalizer.MentionToken + " ";
        return n.StartsWith(Rt, StringComparison.Ordinal) ? n[Rt.Length..] : n;
    }

    public string Describe()
    {
        var lines = new List<string>();
        foreach (var group in _examples.GroupBy(e => e.Source).OrderBy(g => g.Key))
        {
            var counts = ThemeIds.All.Select(t => $"{t}={group.Count(e => e.Has(t))}");
            lines.Add($"{group.Key}: {group.Count()} rows (weight {group.First().Weight:0.###}), theme-less {group.Count(e => e.IsThemeless)}, {string.Join(", ", counts)}");
        }

        return string.Join(Environment.NewLine, lines);
    }
}

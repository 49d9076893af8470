using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Our labels for real public posts are stored as keys, never as text (the posts are not ours to
/// redistribute): <c>file,key,themes,sentiment</c>, where key = the first 16 hex digits of the SHA-256
/// of the post's text field as exported. The texts are looked up in the original export files.
/// </summary>
public static class RealPostLabels
{
    private static readonly string[] TextColumns = ["text", "Post text", "Text"];

    public sealed record LabelledPost(string Key, string Text, string Themes, string Sentiment);

    public static string KeyOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    /// <summary>Joins the label file with the texts of the exports in <paramref name="postsDirectory"/>.</summary>
    public static IReadOnlyList<LabelledPost> Load(string labelsCsv, string postsDirectory)
    {
        var labels = CsvRecords.ReadWithHeader(labelsCsv).ToList();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in labels.Select(l => l["file"]).Distinct())
        {
            var path = Path.Combine(postsDirectory, file);
            if (!File.Exists(path)) throw new FileNotFoundException($"Labelled posts refer to {file}, not found in {postsDirectory}.", path);
            foreach (var text in ReadExportTexts(path))
            {
                texts.TryAdd(KeyOf(text), text);
            }
        }
        var result = new List<LabelledPost>(labels.Count);
        foreach (var l in labels)
            if (texts.TryGetValue(l["key"], out var text))
                result.Add(new LabelledPost(l["key"], text, l.GetValueOrDefault("themes") ?? "", l.GetValueOrDefault("sentiment") ?? ""));
        return result;
    }

    /// <summary>The post texts of an export file, in file order (its <c>text</c>, <c>Text</c> or <c>Post text</c> column).</summary>
    public static IReadOnlyList<string> ReadExportTexts(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var column = TextColumns.FirstOrDefault(c => reader.Header.ColNames.Contains(c))
            ?? throw new InvalidDataException($"{path} has no text column ({string.Join(", ", TextColumns)}).");
        var index = reader.Header.IndexOf(column);
        var texts = new List<string>();
        foreach (var row in reader)
        {
            if (index < row.ColCount)
            {
                texts.Add(row[index].ToString());
            }
        }

        return texts;
    }

    /// <summary>Writes <c>id,text,themes,sentiment</c> (the shape <c>evaluate</c> and the trainer read) to a scratch file.</summary>
    public static void WriteCsv(IEnumerable<LabelledPost> posts, string path)
    {
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        foreach (var p in posts)
        {
            using var row = writer.NewRow();
            row["id"].Set(p.Key);
            row["text"].Set(p.Text);
            row["themes"].Set(p.Themes);
            row["sentiment"].Set(p.Sentiment);
        }
    }
}

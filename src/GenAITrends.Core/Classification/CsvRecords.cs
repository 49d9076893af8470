using nietras.SeparatedValues;

namespace GenAITrends.Core.Classification;

/// <summary>Reads the small labelled CSV files (training and evaluation sets) with Sep.</summary>
public static class CsvRecords
{
    /// <summary>Every record of a headed, comma-separated UTF-8 file as column name → value.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(string path) => Read(path).Records;

    /// <summary>The column names and every record (a record shorter than the header lacks the last names).</summary>
    public static (IReadOnlyList<string> Header, List<IReadOnlyDictionary<string, string>> Records) Read(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        string[] names = [.. reader.Header.ColNames.Select(n => n.Trim('\uFEFF'))];
        var records = new List<IReadOnlyDictionary<string, string>>();
        foreach (var row in reader)
        {
            var record = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < names.Length && i < row.ColCount; i++)
                record[names[i]] = row[i].ToString();
            records.Add(record);
        }

        return (names, records);
    }
}

using nietras.SeparatedValues;

namespace GenAITrends.Core.Classification;

/// <summary>Reads the small labelled CSV files (training and evaluation sets) with Sep.</summary>
public static class CsvRecords
{
    /// <summary>The column names of a headed, comma-separated UTF-8 file.</summary>
    public static IReadOnlyList<string> ReadHeader(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        return [.. reader.Header.ColNames.Select(n => n.Trim('\uFEFF'))];
    }

    /// <summary>Every record of a headed, comma-separated UTF-8 file as column name → value.</summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadWithHeader(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        var names = reader.Header.ColNames;
        foreach (var row in reader)
        {
            var record = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < names.Count && i < row.ColCount; i++)
                record[names[i].Trim('\uFEFF')] = row[i].ToString();
            yield return record;
        }
    }
}

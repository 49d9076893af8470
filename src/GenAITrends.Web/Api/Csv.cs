using System.Globalization;
using System.Text;

namespace GenAITrends.Web.Api;

/// <summary>
/// RFC 4180 CSV for the data endpoints' <c>?format=csv</c>. Text cells are untrusted (post texts, handles,
/// terms): one starting with '=', '+', '-', '@', tab or carriage return is prefixed with an apostrophe so a
/// spreadsheet shows it as text instead of evaluating a formula. Numbers we compute are written as numbers.
/// </summary>
public sealed class Csv
{
    private readonly StringBuilder _sb = new();

    public Csv(params string[] header) => Row(header.Select(h => (object?)h).ToArray());

    public Csv Row(params object?[] cells)
    {
        for (int i = 0; i < cells.Length; i++)
        {
            if (i > 0) _sb.Append(',');
            _sb.Append(Cell(cells[i]));
        }
        _sb.Append("\r\n");
        return this;
    }

    public static string Cell(object? value) => value switch
    {
        null => "",
        string s => Quote(Infrastructure.CsvCells.DefuseFormula(s)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        double x => x.ToString("R", CultureInfo.InvariantCulture),
        float x => x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Infrastructure.CsvCells.DefuseFormula(value.ToString() ?? "")),
    };


    private static string Quote(string s) =>
        s.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    public IResult ToResult(string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(_sb.ToString()), "text/csv; charset=utf-8", fileName);

    public override string ToString() => _sb.ToString();
}

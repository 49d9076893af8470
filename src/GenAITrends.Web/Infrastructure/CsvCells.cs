using System.Text;

namespace GenAITrends.Web.Infrastructure;

/// <summary>
/// CSV for people who open it in a spreadsheet. Post texts are untrusted: a cell starting with =, +, -, @
/// (or a tab / carriage return) would run as a formula, so it gets a leading apostrophe (OWASP's advice);
/// every cell is quoted as RFC 4180 says.
/// </summary>
public static class CsvCells
{
    public static string Escape(string? value) => "\"" + DefuseFormula(value ?? "").Replace("\"", "\"\"") + "\"";

    /// <summary>The one formula rule for every CSV the app writes (also used by <c>Api.Csv</c>).</summary>
    public static string DefuseFormula(string s) =>
        s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    public static string Row(params object?[] cells) =>
        string.Join(',', cells.Select(c => Escape(c switch
        {
            null => "",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => c.ToString(),
        })));

    /// <summary>UTF-8 with a byte-order mark, so that spreadsheet programs read accents right.</summary>
    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
}

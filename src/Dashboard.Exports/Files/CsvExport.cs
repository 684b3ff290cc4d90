using System.Globalization;
using System.Text;
using Dashboard.Application.Exports;

namespace Dashboard.Exports.Files;

/// <summary>
/// CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents), the title and context in the first
/// lines, an empty line, then the header and the rows. Text that a spreadsheet would read as a formula (starting with
/// =, +, -, @, a tab or a carriage return) gets a leading apostrophe (OWASP's CSV-injection advice); numbers are
/// written as numbers, invariant, so a negative value stays a number.
/// </summary>
public static class CsvExport
{
    public static byte[] ToBytes(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        Line(text, [Text(table.Title)]);
        foreach (var (name, value) in table.Context)
        {
            Line(text, [Text(name), Text(value)]);
        }

        text.Append("\r\n");
        Line(text, [.. table.Columns.Select(c => Text(c.Header))]);
        foreach (var row in table.Rows)
        {
            Line(text, [.. table.Columns.Select((c, i) => Cell(c, row[i]))]);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Cell(ExportColumn column, object? value) => value switch
    {
        null => "",
        double d when column.Kind == ExportCellKind.Number => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
        long l when column.Kind == ExportCellKind.Number => l.ToString(CultureInfo.InvariantCulture),
        int i when column.Kind == ExportCellKind.Number => i.ToString(CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A text cell: neutralised if a spreadsheet would run it, quoted if it holds a separator, quote or line break.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder text, IEnumerable<string> cells) => text.Append(string.Join(',', cells)).Append("\r\n");
}

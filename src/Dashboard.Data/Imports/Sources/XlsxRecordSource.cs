using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Data.Imports.Sources;

/// <summary>
/// The first worksheet of an XLSX workbook, read row by row with the SDK's streaming reader, so a large sheet is
/// never held in memory. Cells become the text a CSV export of the sheet would hold: dates (numbers in a date
/// format) as YYYY-MM-DD, numbers without binary noise (7120.1234, not 7120.1233999999997), formulas as their
/// cached value. The first row is the header; fully empty rows are skipped.
/// </summary>
internal sealed class XlsxRecordSource : RecordSource
{
    private readonly SpreadsheetDocument _document;
    private readonly OpenXmlReader _reader;
    private readonly List<string> _sharedStrings;
    private readonly HashSet<uint> _dateStyles;
    private readonly List<string> _fields = [];
    private long _line;

    private XlsxRecordSource(SpreadsheetDocument document, WorksheetPart sheet)
    {
        _document = document;
        var workbook = document.WorkbookPart!;
        _sharedStrings = workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        _dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
        _reader = OpenXmlReader.Create(sheet);
        Header = ReadRow() ? [.. _fields] : [];
    }

    public static XlsxRecordSource Open(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw new RecordSourceException(1, "the file is not a readable XLSX workbook: " + ex.Message);
        }

        var workbook = document.WorkbookPart;
        var first = workbook?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
        if (workbook is null || first?.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart sheet)
        {
            document.Dispose();
            throw new RecordSourceException(1, "the workbook has no worksheet");
        }

        return new XlsxRecordSource(document, sheet);
    }

    public override IReadOnlyList<string> Header { get; }

    public override long Line => _line;

    public override int FieldCount => _fields.Count;

    public override bool Read()
    {
        while (ReadRow())
        {
            if (_fields.Exists(f => f.Length > 0))
            {
                // A row shorter than the header had empty trailing cells, which a sheet does not store.
                while (_fields.Count < Header.Count)
                {
                    _fields.Add("");
                }

                return true;
            }
        }

        return false;
    }

    public override string Field(int index) => _fields[index];

    public override void Dispose()
    {
        _reader.Dispose();
        _document.Dispose();
    }

    private bool ReadRow()
    {
        while (_reader.Read())
        {
            if (_reader.ElementType != typeof(Row) || !_reader.IsStartElement)
            {
                continue;
            }

            var row = (Row)_reader.LoadCurrentElement()!;
            _line = row.RowIndex?.Value is { } index ? index : _line + 1;
            _fields.Clear();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : _fields.Count;
                while (_fields.Count < column)
                {
                    _fields.Add("");
                }

                _fields.Add(Text(cell));
            }

            return true;
        }

        return false;
    }

    private string Text(Cell cell)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _sharedStrings.Count ? _sharedStrings[i] : raw;
        }

        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText ?? "";
        }

        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "true" : "false";
        }

        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date || raw.Length == 0)
        {
            return raw;
        }

        if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return raw;
        }

        if (cell.StyleIndex?.Value is { } style && _dateStyles.Contains(style))
        {
            var when = DateTime.FromOADate(number);
            return when.TimeOfDay == TimeSpan.Zero
                ? when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : when.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        // Twelve decimals drop the binary noise of a double and keep any value the standard formats allow (4 decimals for money).
        return number.ToString("0.############", CultureInfo.InvariantCulture);
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }

    /// <summary>Cell styles whose number format shows a date: the built-in date formats and custom ones with day/month/year codes.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is null)
        {
            return result;
        }

        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null && IsDateCode(f.FormatCode?.Value ?? ""))
            .Select(f => f.NumberFormatId!.Value)
            .ToHashSet() ?? [];
        uint i = 0;
        foreach (var format in styles.CellFormats.Elements<CellFormat>())
        {
            var id = format.NumberFormatId?.Value ?? 0;
            if (id is (>= 14 and <= 22) or (>= 45 and <= 47) || custom.Contains(id))
            {
                result.Add(i);
            }

            i++;
        }

        return result;
    }

    private static bool IsDateCode(string code)
    {
        // Quoted text and bracketed colours or locales are not date codes.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return plain.IndexOfAny(['y', 'Y', 'd', 'D']) >= 0 || (plain.Contains('m', StringComparison.OrdinalIgnoreCase) && !plain.Contains('0', StringComparison.Ordinal));
    }
}

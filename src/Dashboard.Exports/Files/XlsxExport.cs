using System.Globalization;
using Dashboard.Application.Exports;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.Exports.Files;

/// <summary>
/// Tables as one workbook, a sheet each: the title and context in the first rows, then the header and the rows, with
/// numbers stored as numbers in the column's number format and days as real dates. Text is written as inline strings,
/// never as formulas, so a cell beginning with "=" is shown, not run.
/// </summary>
public static class XlsxExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] ToBytes(IReadOnlyList<ExportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (tables.Count == 0)
        {
            throw new ArgumentException("A workbook needs at least one table.", nameof(tables));
        }

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = new Styles(tables);
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Sheet;
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < tables.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = Sheet(tables[i], styles);
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = SheetName(tables[i].Title, names) });
            }
        }

        return stream.ToArray();
    }

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook (case-insensitive).</summary>
    public static string SheetName(string title, ISet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(taken);
        var clean = new string([.. title.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? ' ' : c)]).Trim().Trim('\'');
        clean = clean.Length == 0 ? "Sheet" : clean;
        var name = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        for (var n = 2; !taken.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)].TrimEnd() : clean) + suffix;
        }

        return name;
    }

    private static Worksheet Sheet(ExportTable table, Styles styles)
    {
        var data = new SheetData();
        uint row = 1;
        data.Append(Row(row++, [Text(table.Title, Styles.Bold)]));
        foreach (var (name, value) in table.Context)
        {
            data.Append(Row(row++, [Text(name, Styles.Bold), Text(value, 0)]));
        }

        row++;
        data.Append(Row(row++, [.. table.Columns.Select(c => Text(c.Header, Styles.Bold))]));
        foreach (var values in table.Rows)
        {
            data.Append(Row(row++, [.. table.Columns.Select((c, i) => Cell(c, values[i], styles))]));
        }

        var widths = new Columns([.. table.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), CustomWidth = true,
            Width = Math.Clamp(Math.Max(c.Header.Length, i == 0 ? 14 : 10) + 2, 10, 48),
        })]);
        return new Worksheet(widths, data);
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }

        return row;
    }

    private static Cell Cell(ExportColumn column, object? value, Styles styles) => value switch
    {
        null => new Cell(),
        DateOnly day => Number((day.DayNumber - new DateOnly(1899, 12, 30).DayNumber), styles.For(column.Format ?? "yyyy-mm-dd")),
        double d when !double.IsFinite(d) => new Cell(),
        double d when column.Kind == ExportCellKind.Number => Number(d, styles.For(column.Format)),
        long l when column.Kind == ExportCellKind.Number => Number(l, styles.For(column.Format)),
        int i when column.Kind == ExportCellKind.Number => Number(i, styles.For(column.Format)),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", 0),
    };

    private static Cell Number(double value, uint style) => new()
    {
        DataType = CellValues.Number, CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = style,
    };

    private static Cell Text(string value, uint style) => new(new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString, StyleIndex = style,
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>The workbook's styles: 0 plain, 1 bold, then one per number format the tables use.</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, uint> _byFormat = new(StringComparer.Ordinal);

        public Styles(IReadOnlyList<ExportTable> tables)
        {
            var formats = tables.SelectMany(t => t.Columns).Select(c => c.Format ?? (c.Kind == ExportCellKind.Date ? "yyyy-mm-dd" : null))
                .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            var numbering = new NumberingFormats();
            var cellFormats = new CellFormats(
                new CellFormat { FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true });
            uint id = 164; // custom number formats start at 164
            foreach (var format in formats)
            {
                numbering.Append(new NumberingFormat { NumberFormatId = id, FormatCode = format });
                cellFormats.Append(new CellFormat { NumberFormatId = id, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true });
                _byFormat[format] = (uint)cellFormats.ChildElements.Count - 1;
                id++;
            }

            numbering.Count = (uint)formats.Count;
            cellFormats.Count = (uint)cellFormats.ChildElements.Count;
            Sheet = new Stylesheet(
                numbering,
                new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
                new Borders(new Border()) { Count = 1 },
                new CellStyleFormats(new CellFormat()) { Count = 1 },
                cellFormats);
        }

        public Stylesheet Sheet { get; }

        public const uint Bold = 1;

        public uint For(string? format) => format is null ? 0 : _byFormat[format];
    }
}

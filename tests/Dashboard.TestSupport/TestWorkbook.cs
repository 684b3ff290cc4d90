using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.TestSupport;

/// <summary>A cell of a test workbook: text (shared or inline), a number, or a date in a date format, as Excel writes them.</summary>
public abstract record WorkbookCell
{
    public static implicit operator WorkbookCell(string text) => new TextCell(text, Shared: true);

    public static implicit operator WorkbookCell(double number) => new NumberCell(number);

    public static implicit operator WorkbookCell(DateOnly date) => new DateCell(date);
}

public sealed record TextCell(string Text, bool Shared) : WorkbookCell;

public sealed record NumberCell(double Number) : WorkbookCell;

public sealed record DateCell(DateOnly Date) : WorkbookCell;

/// <summary>Writes small XLSX files the way a spreadsheet program saves them, to test reading them back.</summary>
public static class TestWorkbook
{
    /// <summary>One sheet; <c>null</c> cells are left out (as Excel does), and an all-null row becomes an empty row.</summary>
    public static void Write(string path, IReadOnlyList<IReadOnlyList<WorkbookCell?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();

        // Style 0 is the default; style 1 shows a date (built-in number format 14).
        styles.Stylesheet = new Stylesheet(
            new Fonts(new Font()), new Fills(new Fill(), new Fill()), new Borders(new Border()),
            new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
        var strings = new List<string>();
        var sheet = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Count; c++)
            {
                if (rows[r][c] is not { } value)
                {
                    continue;
                }

                var cell = new Cell { CellReference = ColumnName(c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                switch (value)
                {
                    case TextCell { Shared: true } text:
                        var index = strings.IndexOf(text.Text);
                        if (index < 0)
                        {
                            strings.Add(text.Text);
                            index = strings.Count - 1;
                        }

                        cell.DataType = CellValues.SharedString;
                        cell.CellValue = new CellValue(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case TextCell text:
                        cell.DataType = CellValues.InlineString;
                        cell.InlineString = new InlineString(new Text(text.Text));
                        break;
                    case NumberCell number:
                        cell.CellValue = new CellValue(number.Number.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
                        break;
                    case DateCell date:
                        cell.StyleIndex = 1;
                        cell.CellValue = new CellValue(date.Date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(System.Globalization.CultureInfo.InvariantCulture));
                        break;
                }

                row.Append(cell);
            }

            data.Append(row);
        }

        sheet.Worksheet = new Worksheet(data);
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable(strings.Select(s => new SharedStringItem(new Text(s))));
        workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = "Export" }));
        workbook.Workbook.Save();
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + ((i - 1) % 26)) + name;
        }

        return name;
    }
}

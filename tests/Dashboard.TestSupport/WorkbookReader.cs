using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Dashboard.TestSupport;

/// <summary>A cell as read back: its text (inline, shared or the number as written), whether it is a number, its number format, any formula.</summary>
public sealed record ReadCell(string Text, bool IsNumber, string? NumberFormat, string? Formula)
{
    public double Number => double.Parse(Text, CultureInfo.InvariantCulture);
}

/// <summary>A sheet as read back: its name and its rows (cells in column order; missing cells are null).</summary>
public sealed record ReadSheet(string Name, IReadOnlyList<IReadOnlyList<ReadCell?>> Rows);

/// <summary>Reads an XLSX file back with the OpenXml SDK, independently of the code that wrote it.</summary>
public static class WorkbookReader
{
    public static IReadOnlyList<ReadSheet> Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var stream = new MemoryStream(bytes);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var cellFormats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var sheets = new List<ReadSheet>();
        foreach (var sheet in workbook.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var rows = new List<IReadOnlyList<ReadCell?>>();
            foreach (var row in part.Worksheet.Descendants<Row>())
            {
                while (rows.Count < row.RowIndex!.Value - 1)
                {
                    rows.Add([]);
                }

                var cells = new List<ReadCell?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Column(cell.CellReference!.Value!);
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    var type = cell.DataType?.Value;
                    var text = type == CellValues.InlineString ? cell.InlineString?.InnerText ?? ""
                        : type == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
                        : cell.CellValue?.Text ?? "";
                    var isNumber = (type is null || type == CellValues.Number) && cell.CellValue is not null;
                    string? format = null;
                    if (cell.StyleIndex?.Value is { } style && style < cellFormats.Count && cellFormats[(int)style].NumberFormatId?.Value is { } id)
                    {
                        format = formats.GetValueOrDefault(id);
                    }

                    cells.Add(new ReadCell(text, isNumber, format, cell.CellFormula?.Text));
                }

                rows.Add(cells);
            }

            sheets.Add(new ReadSheet(sheet.Name!.Value!, rows));
        }

        return sheets;
    }

    private static int Column(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        return column - 1;
    }
}

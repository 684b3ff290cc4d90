using Dashboard.Metrics.Catalogue;

namespace Dashboard.Application.Exports;

public enum ExportCellKind
{
    Text,
    Number,

    /// <summary>A calendar day (a <see cref="DateOnly"/>): ISO 8601 in CSV, a real date in XLSX.</summary>
    Date,
}

/// <param name="Unit">Shown in brackets after the name: a currency, "actions", "%".</param>
/// <param name="Format">The spreadsheet number format the column keeps in XLSX ("#,##0", "0.0%"); null for General.</param>
public sealed record ExportColumn(string Name, ExportCellKind Kind, string? Unit = null, string? Format = null)
{
    public string Header => Unit is null ? Name : $"{Name} ({Unit})";

    public static ExportColumn Text(string name) => new(name, ExportCellKind.Text);

    public static ExportColumn Day(string name) => new(name, ExportCellKind.Date, Format: "yyyy-mm-dd");

    /// <summary>A column of a catalogue measure: its name, its unit (the currency for money) and its number format.</summary>
    public static ExportColumn Measure(MeasureDefinition measure, string currency, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(measure);
        var (unit, format) = measure.Unit switch
        {
            MeasureUnit.Money => (currency, "#,##0.00"),
            MeasureUnit.Rate => ("share", "0.00%"),
            MeasureUnit.Ratio => ("ratio", "0.00"),
            MeasureUnit.Index => ("index, 100 = par", "0"),
            _ => ((string?)"count", "#,##0"),
        };
        return new ExportColumn(name ?? measure.Name, ExportCellKind.Number, unit, format);
    }
}

/// <summary>
/// One table of figures as a file carries it: a title, the context that makes it unambiguous once pasted elsewhere
/// (markets, period, currency, data as of, who exported it when), the columns and the rows. Cells are strings for
/// text columns, doubles (or null for absent) for number columns and <see cref="DateOnly"/> for date columns.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<(string Name, string Value)> Context, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>The table with who exported it and when as its last context line.</summary>
    public ExportTable Stamped(string who, DateTimeOffset now) =>
        this with { Context = [.. Context, ("Exported", $"{now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC by {who}")] };
}

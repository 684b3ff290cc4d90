namespace Dashboard.Reports.Exports;

public enum ExportCellKind
{
    Text,
    Number,
}

/// <param name="Unit">Shown in brackets after the name: a currency, "actions", "%".</param>
public sealed record ExportColumn(string Name, ExportCellKind Kind, string? Unit = null)
{
    public string Header => Unit is null ? Name : $"{Name} ({Unit})";
}

/// <summary>
/// One table of figures as a file carries it: a title, the context that makes it unambiguous once pasted elsewhere
/// (markets, period, currency, data as of, who exported it when), the columns and the rows. Cells are strings for
/// text columns and doubles (or null for absent) for number columns.
/// </summary>
public sealed record ExportTable(string Title, IReadOnlyList<(string Name, string Value)> Context, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows);

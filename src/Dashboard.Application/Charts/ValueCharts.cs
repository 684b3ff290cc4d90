using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Micro-conversion value page's charts: the value of one more action per type with its interval, and engagement value by channel.</summary>
public static class ValueCharts
{
    public static ChartFigure PerAction(ValuePageModel m, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(format);
        var ordered = m.Valuation.Events.Where(e => e.Value is not null).OrderBy(e => e.Value).ToList();
        var title = $"Revenue of one more action ({m.Valuation.Currency}), with 90% intervals";
        var data = new List<ITrace>
        {
            new Scatter
            {
                Name = "value per action",
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = ordered.Select(e => (object)e.Value!).ToList(),
                Y = ordered.Select(e => (object)e.Name).ToList(),
                Marker = new() { Color = ChartPalette.Test, Size = 10 },
                ErrorX = new()
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorXLib.TypeEnum.Data, Symmetric = false,
                    Array = ordered.Select(e => (object)(e.High!.Value - e.Value!.Value)).ToList(),
                    ArrayMinus = ordered.Select(e => (object)(e.Value!.Value - e.Low!.Value)).ToList(),
                    Color = ChartPalette.Test,
                },
            },
        };
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Title = new Title { Text = title },
            Margin = new() { L = 170, R = 20, T = 50, B = 40 },
            XAxis = [new XAxis { ZeroLine = true, ZeroLineColor = "#555555", ZeroLineWidth = 1 }],
            ShowLegend = false,
        };
        var money = new ExportColumn("Value per action", ExportCellKind.Number, m.Valuation.Currency, "#,##0.00");
        var table = new ExportTable(title, [],
            [ExportColumn.Text("Type"), money, money with { Name = "90% low" }, money with { Name = "90% high" }],
            [.. ordered.Select(e => new object?[] { e.Name, e.Value, e.Low, e.High })]);
        return new ChartFigure("event-values", title, data, layout, table, [], 460);
    }

    public static ChartFigure ByChannel(ValuePageModel m, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(format);
        var title = m.Recent is { } range ? $"Engagement value by channel, {Formats.Date(range.From)} – {Formats.Date(range.To)}" : "Engagement value by channel";
        var data = new List<ITrace>
        {
            new Bar
            {
                X = m.Channels.Select(r => (object)r.Name).ToList(),
                Y = m.Channels.Select(r => (object)r.Value).ToList(),
                Marker = new() { Color = ChartPalette.Control },
            },
        };
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Title = new Title { Text = title },
            Margin = new() { L = 70, R = 50, T = 50, B = 110 },
            ShowLegend = false,
        };
        var table = new ExportTable(title, [],
            [ExportColumn.Text("Channel"), new ExportColumn("Engagement value", ExportCellKind.Number, m.Valuation.Currency, "#,##0")],
            [.. m.Channels.Select(c => new object?[] { c.Name, c.Value })]);
        return new ChartFigure("engagement-by-channel", title, data, layout, table, ["engagement_value"], 380);
    }
}

using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Attribution;
using Dashboard.Metrics.Query;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Attribution models page's chart: conversions credited to each channel, one bar group per channel and one bar per model.</summary>
public static class AttributionCharts
{
    public static ChartFigure Comparison(IReadOnlyList<AttributionResult> results, IReadOnlyList<AttributionChannelRow> channels, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(format);
        var data = results.Select((r, i) => (ITrace)new Bar
        {
            Name = r.Model.Name(),
            X = channels.Select(c => (object)c.Name).ToList(),
            Y = channels.Select(c => (object)c.Conversions[i]).ToList(),
            Marker = new() { Color = ChartPalette.At(i) },
        }).ToList();
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Title = new Title { Text = "Conversions credited to each channel, by model" },
            BarMode = BarModeEnum.Group,
            Margin = new() { L = 60, R = 20, T = 50, B = 80 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.25m }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "conversions" } }],
        };
        var table = new ExportTable("Conversions credited to each channel, by model", [],
            [ExportColumn.Text("Channel"), .. results.Select(r => new ExportColumn(r.Model.Name(), ExportCellKind.Number, "conversions", "#,##0.0"))],
            [.. channels.Select(c => new object?[] { c.Name }.Concat(c.Conversions.Select(v => (object?)v)).ToArray())]);
        return new ChartFigure("model-comparison", "Conversions credited to each channel, by model", data, layout, table, [], 440)
        {
            Breakdowns = [Dimension.Channel],
        };
    }
}

using Dashboard.Metrics.Catalogue;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Channels page's charts: the chosen measure by channel, and which channel drives which micro-conversion.</summary>
public static class ChannelsCharts
{
    /// <summary>Channels with a value, highest first: the bars' order (a click gives a bar's index).</summary>
    public static IReadOnlyList<ChannelRow> Ranked(ChannelsPageModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return [.. m.Channels.Where(c => c.Figures[m.Measure].Value is not null).OrderByDescending(c => c.Figures[m.Measure].Value)];
    }

    public static ChartFigure ByChannel(ChannelsPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var format = context.Preferences.Format;
        var measure = MeasureCatalogue.Find(m.Measure)!;
        var ordered = Ranked(m);
        var data = new List<ITrace>
        {
            new Bar
            {
                X = ordered.Select(c => (object)c.Name).ToList(),
                Y = ordered.Select(c => (object)c.Figures[m.Measure].Value!).ToList(),
                Marker = new() { Color = ChartPalette.At(0) },
                TextArray = ordered.Select(c => MeasureText.Value(measure, c.Figures[m.Measure].Value, format, m.Currency)).ToList(),
                TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
                HoverInfo = Plotly.Blazor.Traces.BarLib.HoverInfoFlag.X | Plotly.Blazor.Traces.BarLib.HoverInfoFlag.Text,
            },
        };
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Margin = new() { L = 60, R = 20, T = 20, B = 90 },
            ShowLegend = false,
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = measure.Unit == MeasureUnit.Money ? $"{measure.Name} ({m.Currency})" : measure.Name } }],
        };
        var title = $"{measure.Name} by channel";
        var context2 = ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf).Append(("Attribution model", m.Model)).ToList();

        // Every measure of the page, so the file answers the next question too; the charted one first.
        var measures = ChannelsPageModel.Measures.OrderBy(k => k == m.Measure ? 0 : 1).Select(k => MeasureCatalogue.Find(k)!).ToList();
        var table = new ExportTable(title, context2,
            [ExportColumn.Text("Channel"), ExportColumn.Text("Channel key"), .. measures.Select(d => ExportColumn.Measure(d, m.Currency))],
            [.. m.Channels.Select(c => new object?[] { c.Name, c.Key }.Concat(measures.Select(d => (object?)c.Figures[d.Key].Value)).ToArray())]);
        return new ChartFigure("channel-measure", title, data, layout, table, [.. measures.Select(d => d.Key)]);
    }

    public static ChartFigure Matrix(ChannelsPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var data = new List<ITrace>
        {
            new HeatMap
            {
                X = m.Events.Select(e => (object)e.Name).ToList(),
                Y = m.Channels.Select(c => (object)c.Name).ToList(),
                Z = m.MatrixShares.Select(row => (object)row.Select(v => (object?)v).ToList()).ToList(),
                ColorScale = "Blues", ReverseScale = true,
                ColorBar = new() { Title = new() { Text = "share of the channel's actions" }, TickFormat = ".0%" },
                HoverTemplate = "%{y} → %{x}: %{z:.1%} of its micro-conversions<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 100, R = 20, T = 20, B = 110 },
            XAxis = [new XAxis { TickAngle = -45, TickFont = new() { Size = 10 } }],
            YAxis = [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed }],
        };
        const string title = "Which channel drives which micro-conversion";
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Channel"), .. m.Events.Select(e => new ExportColumn(e.Name, ExportCellKind.Number, "micro-conversions", "#,##0"))],
            [.. m.Channels.Select((c, i) => new object?[] { c.Name }.Concat(m.Matrix[i].Select(v => (object?)v)).ToArray())]);
        return new ChartFigure("channel-matrix", title, data, layout, table, [MeasureCatalogue.MicroConversions]);
    }
}

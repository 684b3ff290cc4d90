using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Dashboard.Application.Charts;

/// <summary>The overview's chart: micro-conversions against revenue by day or week.</summary>
public static class OverviewCharts
{
    public static ChartFigure Trend(OverviewPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var format = context.Preferences.Format;
        var grain = m.Grain == Dimension.Day ? "day" : "week";
        var x = m.Trend.Select(p => (object)p.Period).ToList();
        var data = new List<ITrace>
        {
            new Scatter
            {
                Name = "micro-conversions", Mode = ModeFlag.Lines, X = x, Y = m.Trend.Select(p => (object?)p.MicroConversions).ToList()!,
                Line = new() { Color = ChartPalette.At(0), Width = 2 },
            },
            new Scatter
            {
                Name = $"revenue ({m.Currency})", Mode = ModeFlag.Lines, YAxis = "y2", X = x, Y = m.Trend.Select(p => (object?)p.Revenue).ToList()!,
                Line = new() { Color = ChartPalette.At(1), Width = 2 },
            },
        };
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Margin = new() { L = 70, R = 70, T = 20, B = 60 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.2m }],
            YAxis = ChartAxes.ActionsAndRevenue(m.Currency),
        };
        var table = new ExportTable($"Micro-conversions and revenue by {grain}", ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text(grain == "day" ? "Day" : "Week"), ExportColumn.Measure(MeasureCatalogue.Find(MeasureCatalogue.MicroConversions)!, m.Currency),
                ExportColumn.Measure(MeasureCatalogue.Find(MeasureCatalogue.Revenue)!, m.Currency)],
            [.. m.Trend.Select(p => new object?[] { p.Period, p.MicroConversions, p.Revenue })]);
        return new ChartFigure("overview-trend", table.Title, data, layout, table, [MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue], 380);
    }
}

using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Attribution.Incremental;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Experiments page's calibration chart: the channel's curve over the test markets before and after, with the test's point.</summary>
public static class CalibrationCharts
{
    /// <param name="usdPerUnit">USD per unit of the reporting currency.</param>
    public static ChartFigure Curve(CalibrationCurve curve, string channelName, string currency, double usdPerUnit, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentNullException.ThrowIfNull(format);
        static List<object> Of(IEnumerable<double> values, double rate) => [.. values.Select(v => (object)(v / rate))];
        var spend = Of(curve.SpendPerDay, usdPerUnit);
        var measured = curve.MeasuredPerDay.In(usdPerUnit);
        var data = new List<ITrace>
        {
            new Scatter
            {
                Name = "Before calibration", Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, X = spend, Y = Of(curve.Before, usdPerUnit),
                Line = new() { Color = ChartPalette.Control, Width = 2, Dash = "dash" },
            },
            new Scatter
            {
                Name = "Calibrated", Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, X = spend, Y = Of(curve.After, usdPerUnit),
                Line = new() { Color = ChartPalette.Test, Width = 3 },
            },
            new Scatter
            {
                Name = "What the test measured (90% interval)", Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                X = [curve.TestSpendPerDay / usdPerUnit], Y = [measured.Value],
                Marker = new() { Color = "#000000", Size = 10 },
                ErrorY = new()
                {
                    Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data, Symmetric = false,
                    Array = [measured.High - measured.Value], ArrayMinus = [measured.Value - measured.Low], Color = "#000000",
                },
            },
        };
        var title = $"{channelName} in the test markets: revenue per day added above the usual spend ({currency}, steady spend)";
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Title = new Title { Text = title },
            Margin = new() { L = 70, R = 20, T = 50, B = 50 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.2m }],
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"{channelName} spend per day in the test markets ({currency})" } }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = $"Revenue per day added ({currency})" } }],
            Shapes =
            [
                new Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line, XRef = "x", YRef = "paper", X0 = curve.UsualSpendPerDay / usdPerUnit, X1 = curve.UsualSpendPerDay / usdPerUnit,
                    Y0 = 0, Y1 = 1, Line = new() { Color = "#888888", Width = 1, Dash = "dot" },
                },
            ],
            Annotations =
            [
                new Annotation
                {
                    X = curve.UsualSpendPerDay / usdPerUnit, Y = 1, XRef = "x", YRef = "paper", Text = "usual spend", ShowArrow = false,
                    XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
                },
            ],
        };
        var table = new ExportTable(title, [],
            [
                new ExportColumn("Spend per day", ExportCellKind.Number, currency, "#,##0"),
                new ExportColumn("Added before calibration", ExportCellKind.Number, currency, "#,##0"),
                new ExportColumn("Added, calibrated", ExportCellKind.Number, currency, "#,##0"),
            ],
            [.. curve.SpendPerDay.Select((x, i) => new object?[] { x / usdPerUnit, curve.Before[i] / usdPerUnit, curve.After[i] / usdPerUnit })]);
        return new ChartFigure("calibration-curve", title, data, layout, table, [], 400);
    }
}

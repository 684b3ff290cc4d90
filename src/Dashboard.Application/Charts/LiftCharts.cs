using System.Globalization;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Attribution.Lift;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Experiments page's chart: the outcome per day in the test and control markets, the test period shaded.</summary>
public static class LiftCharts
{
    public static ChartFigure Series(HoldoutLiftResult r, string outcomeName, NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(format);
        static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var dates = r.Series.Select(d => (object)Day(d.Date)).ToList();
        var data = new List<ITrace>
        {
            new Scatter { Name = "Test markets", Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, X = dates, Y = r.Series.Select(d => (object)d.Test).ToList(), Line = new() { Color = ChartPalette.Test, Width = 2 } },
            new Scatter { Name = "Control markets", Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Lines, X = dates, Y = r.Series.Select(d => (object)d.Control).ToList(), Line = new() { Color = ChartPalette.Control, Width = 2, Dash = "dot" } },
        };
        var (start, end) = (Day(r.Definition.Start), Day(r.Definition.End));
        var title = $"{(r.Currency is null ? outcomeName : "Revenue (" + r.Currency + ", constant rates)")} per day: test vs control markets";
        var layout = new Layout
        {
            Separators = format.PlotlySeparators,
            Title = new Title { Text = title },
            Margin = new() { L = 60, R = 20, T = 50, B = 40 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15m }],
            YAxis = [new YAxis { RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
            Shapes =
            [
                new Shape
                {
                    Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, XRef = "x", YRef = "paper", X0 = start, X1 = end, Y0 = 0, Y1 = 1,
                    FillColor = "rgba(0,114,178,0.08)", Line = new() { Width = 0 },
                },
            ],
            Annotations =
            [
                new Annotation { X = start, Y = 1, XRef = "x", YRef = "paper", Text = "test period", ShowArrow = false, XAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left, YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom },
            ],
        };
        var unit = r.Currency ?? outcomeName;
        var table = new ExportTable(title, [],
            [ExportColumn.Day("Date"), new ExportColumn("Test markets", ExportCellKind.Number, unit, "#,##0"), new ExportColumn("Control markets", ExportCellKind.Number, unit, "#,##0")],
            [.. r.Series.Select(d => new object?[] { d.Date, d.Test, d.Control })]);
        return new ChartFigure("lift-series", title, data, layout, table, [], 420);
    }
}

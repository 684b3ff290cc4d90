using System.Globalization;
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

/// <summary>The Trends page's charts: the followed micro-conversions against revenue, and the lagged correlation.</summary>
public static class TrendsCharts
{
    public static string GrainKey(Dimension grain) => grain switch { Dimension.Week => "week", Dimension.Month => "month", _ => "day" };

    /// <param name="averages">Draw the 7- and 28-day averages (day grain only; the table always has them).</param>
    public static ChartFigure Trend(TrendsPageModel m, DashboardContext context, bool averages = true)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var x = m.Rows.Select(r => (object)Day(r.Start)).ToList();
        var data = new List<ITrace>
        {
            Line(PlotlyText.Escape(m.FocusName.ToLowerInvariant()), x, m.Rows.Select(r => r.Actions), ChartPalette.At(0), 2),
            Line($"revenue ({m.Currency})", x, m.Rows.Select(r => r.Revenue), ChartPalette.At(1), 2, "y2"),
        };
        if (m.ComparedWith is { } c)
        {
            var label = $"{Formats.Date(c.From)} – {Formats.Date(c.To)}";
            data.Add(Line($"micro-conversions, {label}", x, m.Rows.Select(r => r.ComparisonActions), ChartPalette.At(0), 1, dash: true));
            data.Add(Line($"revenue, {label}", x, m.Rows.Select(r => r.ComparisonRevenue), ChartPalette.At(1), 1, "y2", dash: true));
        }

        var daily = m.Grain == Dimension.Day;
        if (averages && daily)
        {
            data.Add(Line("7-day average", x, m.Rows.Select(r => r.ActionsAverage7), ChartPalette.At(2), 1.5));
            data.Add(Line("28-day average", x, m.Rows.Select(r => r.ActionsAverage28), ChartPalette.At(3), 1.5));
        }

        if (m.Anomalies.Count > 0)
        {
            data.Add(new Scatter
            {
                Name = "outside the expected band", Mode = ModeFlag.Markers,
                X = m.Anomalies.Select(a => x[a.Index]).ToList(), Y = m.Anomalies.Select(a => (object)a.Value).ToList(),
                Marker = new() { Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.X, Size = 11, Color = ChartPalette.At(5) },
            });
        }

        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 70, R = 70, T = 30, B = 50 },
            Legend = [new Legend { Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H, Y = -0.15m }],
            XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Date }],
            YAxis = ChartAxes.ActionsAndRevenue(m.Currency),

            // Flights as shaded periods, each with a hoverable label at the top.
            Shapes = [.. m.Flights.Select(f => new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Rect, XRef = "x", YRef = "paper",
                X0 = Day(f.Start), X1 = Day(f.End.AddDays(1)), Y0 = 0, Y1 = 1, FillColor = "rgba(86,180,233,0.12)",
                Layer = Plotly.Blazor.LayoutLib.ShapeLib.LayerEnum.Below, Line = new() { Width = 0 },
            })],
            Annotations = [.. m.Flights.Select((f, i) => new Annotation
            {
                XRef = "x", YRef = "paper", X = Day(f.Start), Y = 1.0 - (0.06 * (i % 3)),
                Text = "▮", ShowArrow = false, Font = new() { Size = 10, Color = "#0072B2" },
                HoverText = PlotlyText.Escape($"{f.Name} ({f.Channel}), {Formats.Date(f.Start)} – {Formats.Date(f.End)}"),
            })],
        };

        var actions = MeasureCatalogue.Find(MeasureCatalogue.MicroConversions)!;
        var revenue = MeasureCatalogue.Find(MeasureCatalogue.Revenue)!;
        var columns = new List<ExportColumn>
        {
            ExportColumn.Text(Capitalised(GrainKey(m.Grain))), ExportColumn.Day("Starts"), ExportColumn.Measure(actions, m.Currency, m.FocusName), ExportColumn.Measure(revenue, m.Currency),
        };
        if (daily)
        {
            columns.Add(ExportColumn.Measure(actions, m.Currency, "7-day average"));
            columns.Add(ExportColumn.Measure(actions, m.Currency, "28-day average"));
        }

        if (m.ComparedWith is not null)
        {
            columns.Add(ExportColumn.Measure(actions, m.Currency, $"{m.FocusName}, comparison period"));
            columns.Add(ExportColumn.Measure(revenue, m.Currency, "Revenue, comparison period"));
        }

        columns.Add(ExportColumn.Text("Outside the expected band"));
        var flagged = m.Anomalies.Select(a => a.Index).ToHashSet();
        var rows = m.Rows.Select((r, i) =>
        {
            var row = new List<object?> { r.Period, r.Start, r.Actions, r.Revenue };
            if (daily)
            {
                row.AddRange([r.ActionsAverage7, r.ActionsAverage28]);
            }

            if (m.ComparedWith is not null)
            {
                row.AddRange([r.ComparisonActions, r.ComparisonRevenue]);
            }

            row.Add(flagged.Contains(i) ? "yes" : "");
            return row.ToArray();
        }).ToList();
        var title = $"{m.FocusName} and revenue by {GrainKey(m.Grain)}";
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf), columns, rows);
        return new ChartFigure("trend", title, data, layout, table, [MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue], 420);
    }

    public static ChartFigure LagCorrelation(TrendsPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var best = m.Correlation.Where(c => c.R is not null).MaxBy(c => c.R);
        var data = new List<ITrace>
        {
            new Bar
            {
                X = m.Correlation.Select(c => (object)c.Lag).ToList(),
                Y = m.Correlation.Select(c => (object?)c.R).ToList()!,
                Marker = new() { ColorArray = m.Correlation.Select(c => (object)(c == best ? ChartPalette.At(5) : ChartPalette.At(0))).ToList() },
            },
        };
        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 60, R = 20, T = 10, B = 50 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "days the actions lead revenue" } }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "correlation r" }, Range = [-1, 1] }],
        };
        const string title = "Do actions lead sales? Correlation at each lag (days)";
        var context2 = ChartScope.Context(context, m.CorrelationRange, null, m.DataAsOf).Append(("Computed on", "7-day averages")).ToList();
        var table = new ExportTable(title, context2,
            [new ExportColumn("Lag", ExportCellKind.Number, "days", "0"), new ExportColumn("Correlation r", ExportCellKind.Number, "-1 to 1", "0.000"),
                new ExportColumn("Day pairs", ExportCellKind.Number, "count", "#,##0")],
            [.. m.Correlation.Select(c => new object?[] { (double)c.Lag, c.R, (double)c.Pairs })]);
        return new ChartFigure("lag-correlation", title, data, layout, table, [MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue], 320);
    }

    private static string Capitalised(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Scatter Line(string name, List<object> x, IEnumerable<double?> y, string color, double width, string? axis = null, bool dash = false) => new()
    {
        Name = name, Mode = ModeFlag.Lines, X = x, Y = y.Select(v => (object?)v).ToList()!, YAxis = axis,
        Line = new() { Color = color, Width = (decimal)width, Dash = dash ? "dash" : null },
    };
}

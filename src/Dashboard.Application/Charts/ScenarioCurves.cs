using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Dashboard.Application.Formatting;
using Dashboard.Attribution.Planning;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using Plotly.Blazor.Traces.ScatterLib.MarkerLib;

namespace Dashboard.Application.Charts;

/// <summary>
/// The Budget scenarios page's response curves: each channel's media revenue (or tracked micro-conversions) per day
/// against spend per day, with the current plan (circles) and the scenario (diamonds) on it.
/// </summary>
internal sealed class ScenarioCurves(ScenarioPageModel model)
{
    private const int CurvePoints = 41;

    // The curves change with the period only; a slider move moves the markers.
    private readonly Dictionary<(int Channel, PlanningPeriod Period, bool Actions), Scatter> _lines = [];
    private (PlanningPeriod Period, double[] Season)? _season;

    public (ChartFigure Figure, IReadOnlyList<(string Name, double Spend, double Value, double MarginalRoi)> Rows) Draw()
    {
        var (channels, currency, actions) = (model.Channels, model.Currency, model.CurvesOfActions);
        var data = new List<ITrace>();
        var rows = new List<(string, double, double, double)>();
        for (var c = 0; c < channels.Count; c++)
        {
            if (channels[c].Fit is null)
            {
                continue;
            }

            var colour = ChartPalette.At(c);
            data.Add(Line(c, colour));
            foreach (var (x, symbol, label) in new[] { (model.Current[c], SymbolEnum.Circle, "current"), (model.Spend[c], SymbolEnum.Diamond, "scenario") })
            {
                var y = Y(c, x);
                data.Add(new Scatter
                {
                    Name = $"{channels[c].Name}, {label}", Mode = ModeFlag.Markers, X = [x], Y = [y], ShowLegend = false, LegendGroup = channels[c].Channel,
                    Marker = new() { Color = colour, Size = 11, Symbol = symbol, Line = new() { Color = "#ffffff", Width = 1 } },
                    HoverTemplate = $"{PlotlyText.Escape(channels[c].Name)}, {label}: %{{x:,.0f}} per day → %{{y:,.0f}}<extra></extra>",
                });
                rows.Add((channels[c].Name, x, y, model.MarginalRoi(c) ?? double.NaN));
            }
        }

        var yTitle = actions ? "tracked micro-conversions per day" : $"media revenue per day ({currency})";
        var layout = new Layout
        {
            Separators = model.Format.PlotlySeparators,
            Margin = new() { L = 80, R = 20, T = 10, B = 50 },
            XAxis = [new Plotly.Blazor.LayoutLib.XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = $"spend per day ({currency})" }, RangeMode = Plotly.Blazor.LayoutLib.XAxisLib.RangeModeEnum.ToZero }],
            YAxis = [new Plotly.Blazor.LayoutLib.YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
        };
        var title = actions ? "Response curves: tracked micro-conversions per day against spend per day" : "Response curves: media revenue per day against spend per day";
        var table = new ExportTable(title, [],
            [ExportColumn.Text("Channel"), new ExportColumn("Spend per day", ExportCellKind.Number, currency, "#,##0"),
             new ExportColumn(actions ? "Micro-conversions per day" : "Media revenue per day", ExportCellKind.Number, actions ? "actions" : currency, "#,##0"),
             new ExportColumn("Marginal ROI", ExportCellKind.Number, "ratio", "0.00")],
            [.. rows.Select(r => new object?[] { r.Item1, r.Item2, r.Item3, double.IsFinite(r.Item4) ? r.Item4 : null })]);
        return (new ChartFigure("response-curves", title, data, layout, table, [], 420), rows);
    }

    /// <summary>A curve's height at a spend per day: media revenue or tracked micro-conversions per day, as chosen.</summary>
    private double Y(int c, double x)
    {
        var period = model.Period;
        var season = Season(period);
        return (model.CurvesOfActions
            ? model.Planner.MicroConversions(c, x, period, season)
            : model.Planner.IncrementalRevenue(c, x, period, season)) / period.Days;
    }

    private double[] Season(PlanningPeriod period)
    {
        if (_season is not { } s || s.Period != period)
        {
            _season = (period, model.Planner.SeasonFor(period));
        }

        return _season.Value.Season;
    }

    private Scatter Line(int c, string colour)
    {
        var period = model.Period;
        if (!_lines.TryGetValue((c, period, model.CurvesOfActions), out var line))
        {
            var name = model.Channels[c].Name;
            var xs = Enumerable.Range(0, CurvePoints).Select(i => model.SliderMax(c) * i / (CurvePoints - 1)).ToList();
            var marginal = xs.Select(x => model.Planner.MarginalRoi(c, x, period, Season(period))).ToList();
            line = new Scatter
            {
                Name = name, Mode = ModeFlag.Lines, X = xs.Cast<object>().ToList(), Y = xs.Select(x => (object)Y(c, x)).ToList(), Line = new() { Color = colour, Width = 2 },
                LegendGroup = model.Channels[c].Channel, CustomData = marginal.Cast<object>().ToList(),
                HoverTemplate = $"{PlotlyText.Escape(name)}: %{{x:,.0f}} per day → %{{y:,.0f}}; marginal ROI %{{customdata:.2f}}<extra></extra>",
            };
            _lines[(c, period, model.CurvesOfActions)] = line;
        }

        return line;
    }
}

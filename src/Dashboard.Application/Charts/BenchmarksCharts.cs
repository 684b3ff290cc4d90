using Dashboard.Metrics.Catalogue;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Exports;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace Dashboard.Application.Charts;

/// <summary>The Regional benchmarks page's charts: the index map, the market × micro-conversion index and tracking coverage.</summary>
public static class BenchmarksCharts
{
    private static readonly object[] Diverging = [new object[] { 0, "#D55E00" }, new object[] { 0.5, "#F7F7F7" }, new object[] { 1, "#0072B2" }];

    /// <summary>Markets on the map, in the order of the map's points (a click gives a point's index).</summary>
    public static IReadOnlyList<MarketBenchmark> Mapped(BenchmarksPageModel m) =>
        [.. (m ?? throw new ArgumentNullException(nameof(m))).Markets.Where(b => b.IndexVsGlobal is not null)];

    public static ChartFigure Map(BenchmarksPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var measure = MeasureCatalogue.Find(m.Measure)!;
        var indexed = Mapped(m);
        var data = new List<ITrace>
        {
            new Choropleth
            {
                LocationMode = Plotly.Blazor.Traces.ChoroplethLib.LocationModeEnum.CountryNames,
                Locations = indexed.Select(b => (object)b.Name).ToList(),
                Z = indexed.Select(b => (object)b.IndexVsGlobal!).ToList(),
                ZMid = 100, ColorScale = Diverging,
                ColorBar = new() { Title = new() { Text = "index" } },
                HoverTemplate = "%{location}: %{z:.0f}<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 0, R = 0, T = 0, B = 0 },
            Geo =
            [
                new Geo
                {
                    ShowFrame = false, ShowCoastlines = false, ShowCountries = true, CountryColor = "#BDBDBD", LandColor = "#EEEEEE", ShowLand = true,
                    Projection = new() { Type = Plotly.Blazor.LayoutLib.GeoLib.ProjectionLib.TypeEnum.NaturalEarth },
                },
            ],
        };
        var title = $"{measure.Name}, index vs global (100 = the world)";
        var index = new ExportColumn("Index", ExportCellKind.Number, "100 = par", "0");
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Market"), ExportColumn.Text("Market code"), ExportColumn.Text("Region"), ExportColumn.Measure(measure, m.Currency),
                index with { Name = "Index vs region" }, index with { Name = "Index vs global" }, ExportColumn.Text("Why absent")],
            [.. m.Markets.Select(b => new object?[]
            {
                b.Name, b.Code, b.Region, b.Value, b.IndexVsRegion, b.IndexVsGlobal, b.AbsentReason ?? b.GlobalAbsentReason ?? b.RegionAbsentReason ?? "",
            })]);
        return new ChartFigure("benchmark-map", title, data, layout, table, [m.Measure], 380);
    }

    public static ChartFigure EventIndex(BenchmarksPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var data = new List<ITrace>
        {
            new HeatMap
            {
                X = m.Events.Select(e => (object)e.Name).ToList(),
                Y = m.Markets.Select(b => (object)b.Name).ToList(),
                Z = m.EventIndex.Select(row => (object)row.Select(v => (object?)v).ToList()).ToList(),
                ZMid = 100, ColorScale = Diverging,
                ColorBar = new() { Title = new() { Text = "index" } },
                HoverTemplate = "%{y}, %{x}: %{z:.0f}<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 130, R = 20, T = 10, B = 110 },
            XAxis = [new XAxis { TickAngle = -35 }],
            YAxis = [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed }],
        };
        const string title = "Micro-conversions per session, index vs global, by market and type";
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Market"), .. m.Events.Select(e => new ExportColumn(e.Name, ExportCellKind.Number, "index, 100 = par", "0"))],
            [.. m.Markets.Select((b, i) => new object?[] { b.Name }.Concat(m.EventIndex[i].Select(v => (object?)v)).ToArray())]);
        return new ChartFigure("benchmark-events", title, data, layout, table, [MeasureCatalogue.MicroConversionRate], 620);
    }

    public static ChartFigure Coverage(BenchmarksPageModel m, DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(context);
        var data = new List<ITrace>
        {
            new HeatMap
            {
                X = m.Months.Select(mo => (object)mo).ToList(),
                Y = m.Events.Select(e => (object)e.Name).ToList(),
                Z = m.Coverage.Select(row => (object)row.Select(v => (object?)v).ToList()).ToList(),
                ZMin = 0, ZMax = 1, ColorScale = "Blues", ReverseScale = true,
                ColorBar = new() { Title = new() { Text = "share of markets" }, TickFormat = ".0%" },
                HoverTemplate = "%{y}, %{x}: %{z:.0%} of markets<extra></extra>",
            },
        };
        var layout = new Layout
        {
            Separators = context.Preferences.Format.PlotlySeparators,
            Margin = new() { L = 150, R = 20, T = 10, B = 50 },
            YAxis = [new YAxis { AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed }],
        };
        const string title = "Tracking coverage: share of markets reporting each definition, by month";
        var coverage = MeasureCatalogue.Find(MeasureCatalogue.TrackingCoverage)!;
        var table = new ExportTable(title, ChartScope.Context(context, m.Range, m.ComparedWith, m.DataAsOf),
            [ExportColumn.Text("Definition"), .. m.Months.Select(mo => ExportColumn.Measure(coverage, m.Currency, mo) with { Unit = "share of markets" })],
            [.. m.Events.Select((e, i) => new object?[] { e.Name }.Concat(m.Coverage[i].Select(v => (object?)v)).ToArray())]);
        return new ChartFigure("benchmark-coverage", title, data, layout, table, [MeasureCatalogue.TrackingCoverage], 380);
    }
}

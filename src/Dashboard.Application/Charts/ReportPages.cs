using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Application.Dashboards;

namespace Dashboard.Application.Charts;

/// <summary>A dashboard page's charts for one view, with the period they cover.</summary>
public sealed record PageReport(ReportPage Page, DateRange Range, DateRange? ComparedWith, DateOnly? DataAsOf, IReadOnlyList<ChartFigure> Charts);

/// <summary>A dashboard page that files can be made from: its key (the URL path), its title, and how its charts are built.</summary>
/// <param name="Charts">The page's charts by id, with a title for choosing them (the drawn title may name the view's measure).</param>
public sealed record ReportPage(string Key, string Title, IReadOnlyList<(string Id, string Title)> Charts, Func<DashboardContext, PageReport?> Build)
{
    /// <summary>The page's address in the app (the overview is the home page).</summary>
    public string Path => Key == "overview" ? "/" : "/" + Key;
}

/// <summary>
/// The dashboard pages whose charts leave the app as files (data workbooks, decks, reports), each built from the same
/// page model and figure definitions the page draws, for any view and scope.
/// </summary>
public static class ReportPages
{
    public static ReportPage Overview { get; } = new("overview", "Overview", [("overview-trend", "Micro-conversions and revenue")], c => OverviewPageModel.Build(c.Analysis, c.Scope, c.View, c.Preferences, c.Time) is { } m
        ? new PageReport(Overview!, m.Range, m.ComparedWith, m.DataAsOf, [OverviewCharts.Trend(m, c) with { Breakdowns = [Dimension.Market, Dimension.Channel] }])
        : null);

    public static ReportPage Trends { get; } = new("trends", "Trends", [("trend", "Micro-conversions and revenue over time"), ("lag-correlation", "Correlation of actions and sales by lag")], c => TrendsPageModel.Build(c) is { } m
        ? new PageReport(Trends!, m.Range, m.ComparedWith, m.DataAsOf, [TrendsCharts.Trend(m, c), TrendsCharts.LagCorrelation(m, c)])
        : null);

    public static ReportPage Benchmarks { get; } = new("benchmarks", "Regional benchmarks",
        [("benchmark-map", "Index vs global, map"), ("benchmark-events", "Index by market and micro-conversion"), ("benchmark-coverage", "Tracking coverage by month")], c => BenchmarksPageModel.Build(c) is { } m
        ? new PageReport(Benchmarks!, m.Range, m.ComparedWith, m.DataAsOf,
            [BenchmarksCharts.Map(m, c), BenchmarksCharts.EventIndex(m, c) with { Breakdowns = [Dimension.Market, Dimension.Event] }, BenchmarksCharts.Coverage(m, c)])
        : null);

    public static ReportPage Channels { get; } = new("channels", "Channels", [("channel-measure", "Chosen measure by channel"), ("channel-matrix", "Which channel drives which micro-conversion")], c => ChannelsPageModel.Build(c) is { Channels.Count: > 0 } m
        ? new PageReport(Channels!, m.Range, m.ComparedWith, m.DataAsOf,
            [ChannelsCharts.ByChannel(m, c) with { Breakdowns = [Dimension.Channel] }, ChannelsCharts.Matrix(m, c) with { Breakdowns = [Dimension.Channel, Dimension.Event] }])
        : null);

    public static ReportPage Funnel { get; } = new("funnel", "Funnel and intent",
        [("funnel", "From sessions to purchase"), ("intent-flows", "Intent flows"), ("intent-categories", "Micro-conversions by intent and category")], c => FunnelPageModel.Build(c) is { } m
        ? new PageReport(Funnel!, m.Range, m.ComparedWith, m.DataAsOf,
            [FunnelCharts.Funnel(m, c), FunnelCharts.IntentFlows(m, c), FunnelCharts.IntentCategories(m, c) with { Breakdowns = [Dimension.Category] }])
        : null);

    public static IReadOnlyList<ReportPage> All { get; } = [Overview, Trends, Benchmarks, Channels, Funnel];

    public static ReportPage? Find(string key) => All.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page at an address of the app ("/", "/trends"), or null.</summary>
    public static ReportPage? AtPath(string path) => All.FirstOrDefault(p => string.Equals(p.Path, "/" + (path ?? "").Trim('/'), StringComparison.OrdinalIgnoreCase));
}

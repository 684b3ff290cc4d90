namespace Dashboard.BrowserBenchmarks;

/// <summary>A dashboard page as the benchmark drives it: its address, the Plotly charts it draws, its filter-change bar.</summary>
internal sealed record DashboardCase(string Name, string Path, string[] ChartIds, double FilterChangeBarMs)
{
    /// <summary>
    /// The five dashboards of issue 6 with their Plotly chart ids. The bars are the issue's: 200 ms median for a filter
    /// change on pages with up to 6 charts, 400 ms on the map page; first load 1,500 ms warm, 3,000 ms cold.
    /// </summary>
    public static IReadOnlyList<DashboardCase> All { get; } =
    [
        new("Overview", "", ["overview-trend"], 200),
        new("Trends", "trends", ["trend", "lag-correlation"], 200),
        new("Regional benchmarks (map)", "benchmarks", ["benchmark-map", "benchmark-events", "benchmark-coverage"], 400),
        new("Channel effectiveness", "channels", ["channel-measure", "channel-matrix"], 200),
        new("Funnel and intent", "funnel", ["funnel", "intent-flows", "intent-categories"], 200),
    ];

    public const double WarmLoadBarMs = 1_500;

    public const double ColdLoadBarMs = 3_000;

    /// <summary>The bar for a filter change on the large data, on every page.</summary>
    public const double LargeFilterChangeBarMs = 400;
}

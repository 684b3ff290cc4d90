using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

/// <summary>Index measures on the hand-made snapshot (March 2025): rates per market against pooled benchmarks.</summary>
public sealed class IndexMeasureTests
{
    private static readonly MetricsEngine Engine = new(SmallSnapshot.Build());
    private const string Global = "index_vs_global(micro_conversion_rate)";
    private const string Regional = "index_vs_region(micro_conversion_rate)";

    private static MetricsAnswer ByMarket(AccessScope scope, params string[] measures) => Engine.Run(new MetricsQuery
    {
        Range = new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
        Measures = measures,
        By = [Dimension.Market],
        Scope = scope,
    });

    private static MeasureValue Of(MetricsAnswer answer, string market, string measure) =>
        answer.Rows.Single(r => r.Group[Dimension.Market] == market).Values[measure];

    [Fact]
    public void A_market_rate_is_indexed_against_all_markets_and_against_its_region()
    {
        var answer = ByMarket(AccessScope.All, Global, Regional);

        // DE: 15 actions / 150 sessions. Global: 45 / 420. EMEA (DE, FR, GB): 25 / 220. North America is US alone.
        Assert.Equal(0.1 / (45.0 / 420) * 100, Of(answer, "DE", Global).Value!.Value, 9);
        Assert.Equal(0.1 / (25.0 / 220) * 100, Of(answer, "DE", Regional).Value!.Value, 9);
        Assert.Equal(100, Of(answer, "US", Regional).Value!.Value, 9);
    }

    [Fact]
    public void A_benchmark_pooling_fewer_than_three_hidden_markets_is_withheld()
    {
        var answer = ByMarket(AccessScope.Only(["DE"]), Global, Regional);

        // Global pools FR, US and GB outside the scope: shown. EMEA pools only FR and GB outside it: withheld.
        Assert.Equal(0.1 / (45.0 / 420) * 100, Of(answer, "DE", Global).Value!.Value, 9);
        Assert.Null(Of(answer, "DE", Regional).Value);
        Assert.Contains("only 2 market(s) outside your access", Of(answer, "DE", Regional).AbsentReason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_benchmark_ignores_market_filters_so_a_filtered_view_keeps_its_index()
    {
        var answer = Engine.Run(new MetricsQuery
        {
            Range = new DateRange(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31)),
            Measures = [Global],
            By = [Dimension.Market],
            Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Market] = ["DE"] },
            Scope = AccessScope.All,
        });

        Assert.Equal(0.1 / (45.0 / 420) * 100, Of(answer, "DE", Global).Value!.Value, 9);
    }

    [Fact]
    public void Sums_have_no_index()
    {
        var answer = ByMarket(AccessScope.All, "index_vs_global(micro_conversions)");

        Assert.All(answer.Rows, r => Assert.Contains("sums have no index", r.Values["index_vs_global(micro_conversions)"].AbsentReason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_market_without_sessions_has_no_index()
    {
        var answer = ByMarket(AccessScope.All, Global);

        Assert.Null(Of(answer, "GB", Global).Value);
    }
}

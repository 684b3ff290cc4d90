using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>A market against its region and the world for one measure, with its weekly shape.</summary>
public sealed record MarketBenchmark(
    string Code, string Name, string Region, double? Value, string? AbsentReason, double? IndexVsRegion, string? RegionAbsentReason,
    double? IndexVsGlobal, string? GlobalAbsentReason, IReadOnlyList<double?> Sparkline);

/// <summary>
/// Regional benchmarks as plain data, from the engine: every market of the user's scope for a rate or ratio, indexed
/// against its region and the world (100 = par; the engine pools at least three hidden markets before it answers),
/// the market × micro-conversion index, and tracking coverage of each definition by month.
/// </summary>
public sealed record BenchmarksPageModel(
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    string Currency,
    string Measure,
    IReadOnlyList<MarketBenchmark> Markets,
    IReadOnlyList<(string Key, string Name)> Events,
    IReadOnlyList<IReadOnlyList<double?>> EventIndex,
    IReadOnlyList<string> Months,
    IReadOnlyList<IReadOnlyList<double?>> Coverage)
{
    /// <summary>Measures with an index (rates and ratios; a sum would rank big markets first).</summary>
    public static IReadOnlyList<string> Measures { get; } =
    [
        MeasureCatalogue.MicroConversionRate, MeasureCatalogue.ConversionRate, MeasureCatalogue.TrueConversionRate,
        MeasureCatalogue.CostPerMicroConversion, MeasureCatalogue.Roas, MeasureCatalogue.Roi,
    ];

    public const string DefaultMeasure = MeasureCatalogue.MicroConversionRate;

    public static BenchmarksPageModel? Build(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (analysis, view) = (context.Analysis, context.View);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var range = view.Range(context.Time, last);
        var measure = view.Measure is { } chosen && Measures.Contains(chosen) ? chosen : DefaultMeasure;
        var vsRegion = $"index_vs_region({measure})";
        var vsGlobal = $"index_vs_global({measure})";
        var query = new MetricsQuery
        {
            Range = range, Measures = [measure, vsRegion, vsGlobal], By = [Dimension.Market], Filters = view.Filters(), Scope = context.Scope,
            Currency = context.Preferences.Currency, Compare = view.Compare, AttributionModel = view.Model ?? "markov",
        };
        var engine = analysis.Engine;
        var answer = engine.Run(query);
        var weekly = engine.Run(query with { Measures = [measure], By = [Dimension.Market, Dimension.Week], Compare = Comparison.None });
        var sparklines = weekly.Rows.GroupBy(r => r.Group[Dimension.Market])
            .ToDictionary(g => g.Key, g => (IReadOnlyList<double?>)[.. g.Select(r => r.Values[measure].Value)]);
        var reference = analysis.Snapshot.Reference;
        var markets = answer.Rows.Select(r =>
        {
            var code = r.Group[Dimension.Market];
            var market = reference.Markets[reference.MarketByCode[code]];
            return new MarketBenchmark(code, market.Name, reference.Regions[market.Region].Name,
                r.Values[measure].Value, r.Values[measure].AbsentReason,
                r.Values[vsRegion].Value, r.Values[vsRegion].AbsentReason,
                r.Values[vsGlobal].Value, r.Values[vsGlobal].AbsentReason,
                sparklines.GetValueOrDefault(code, []));
        }).OrderByDescending(m => m.IndexVsGlobal ?? double.MinValue).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();

        // Which market over- or under-indexes on which action (micro-conversions per session, against the world).
        var byEvent = engine.Run(query with
        {
            Measures = [$"index_vs_global({MeasureCatalogue.MicroConversionRate})"], By = [Dimension.Market, Dimension.Event], Compare = Comparison.None,
        });
        var cells = byEvent.Rows.ToDictionary(r => (r.Group[Dimension.Market], r.Group[Dimension.Event]), r => r.Values.Values.First().Value);
        var events = reference.Events.Select(e => (e.Key, e.Name)).ToList();
        IReadOnlyList<IReadOnlyList<double?>> eventIndex = [.. markets.Select(m => (IReadOnlyList<double?>)[.. events.Select(e => cells.GetValueOrDefault((m.Code, e.Key)))])];

        // Tracking coverage by definition and month over the last year to the view's end: the rollout of the standard.
        var year = new DateRange(new DateOnly(range.To.Year, range.To.Month, 1).AddMonths(-11), range.To);
        var coverage = engine.Run(query with
        {
            Range = year, Measures = [MeasureCatalogue.TrackingCoverage], By = [Dimension.Event, Dimension.Month], Compare = Comparison.None,
        });
        var months = coverage.Rows.Select(r => r.Group[Dimension.Month]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var coverageCells = coverage.Rows.ToDictionary(r => (r.Group[Dimension.Event], r.Group[Dimension.Month]), r => r.Values[MeasureCatalogue.TrackingCoverage].Value);
        IReadOnlyList<IReadOnlyList<double?>> coverageGrid = [.. events.Select(e => (IReadOnlyList<double?>)[.. months.Select(mo => coverageCells.GetValueOrDefault((e.Key, mo)))])];
        return new BenchmarksPageModel(range, answer.ComparisonRange, last, answer.Currency, measure, markets, events, eventIndex, months, coverageGrid);
    }
}

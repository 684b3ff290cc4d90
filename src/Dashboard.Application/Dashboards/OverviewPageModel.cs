using Dashboard.Application.Analysis;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Narrative;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Application.Filters;
using Dashboard.Application.Preferences;

namespace Dashboard.Application.Dashboards;

/// <summary>A point of the overview's trend: micro-conversions and revenue of one day or week.</summary>
public sealed record TrendPoint(string Period, double? MicroConversions, double? Revenue);

/// <summary>
/// The overview page as plain data, from the engine: five KPI cards with sparklines (the sixth, media's incremental ROI,
/// comes from the media model: <see cref="IncrementalPanel"/>), the trend of micro-conversions against revenue, the top
/// movers and a narrative of what moved.
/// </summary>
public sealed record OverviewPageModel(
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    string Currency,
    IReadOnlyList<Kpi> Kpis,
    Dimension Grain,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<Movement> Movers,
    IReadOnlyList<string> Narrative,
    Func<Dimension, string, string> Label)
{
    public static IReadOnlyList<string> KpiMeasures { get; } =
    [
        MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue, MeasureCatalogue.Spend,
        MeasureCatalogue.CostPerMicroConversion, MeasureCatalogue.MicroConversionRate,
    ];

    /// <summary>Null when the scope holds no data at all.</summary>
    public static OverviewPageModel? Build(SnapshotAnalysis analysis, AccessScope scope, DashboardView view, DisplayPreferences preferences, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(preferences);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var range = view.Range(time, last);
        var query = new MetricsQuery
        {
            Range = range, Measures = KpiMeasures, Filters = view.Filters(), Compare = view.Compare, Scope = scope,
            Currency = preferences.Currency, AttributionModel = view.Model ?? "markov",
        };
        var engine = analysis.Engine;
        var totals = engine.Run(query);

        // Days for up to about three months, weeks beyond: a chart of at most a few hundred points.
        var grain = range.Days <= 92 ? Dimension.Day : Dimension.Week;
        var series = engine.Run(query with { By = [grain], Compare = Comparison.None });
        var kpis = KpiMeasures.Select(m => new Kpi(
            MeasureCatalogue.Find(m)!,
            totals.Totals.Values[m].Value,
            totals.Totals.Values[m].AbsentReason,
            totals.Totals.Comparison?[m].Value,
            totals.Totals.Change?[m].Value,
            totals.Totals.ChangePoints?.GetValueOrDefault(m).Value,
            [.. series.Rows.Select(r => r.Values[m].Value)])).ToList();
        var trend = series.Rows.Select(r => new TrendPoint(r.Group[grain], r.Values[MeasureCatalogue.MicroConversions].Value, r.Values[MeasureCatalogue.Revenue].Value)).ToList();

        IReadOnlyList<Movement> movers = view.Compare == Comparison.None
            ? []
            : MovementFinder.Find(engine, query with { Measures = [MeasureCatalogue.MicroConversions, MeasureCatalogue.Revenue] }, [Dimension.Market, Dimension.Channel, Dimension.Event]);

        // A group that is the whole scope (the one market chosen, say) repeats the scope's own sentence.
        movers = [.. movers.Where(m => m.Dimension is null || !movers.Any(t => t.Dimension is null && t.Measure == m.Measure && t.Value.Equals(m.Value)))];
        var label = GroupLabels.For(analysis.Snapshot.Reference);
        var comparisonName = view.Compare == Comparison.SamePeriodLastYear ? "the same period last year" : "the previous period";
        var narrative = NarrativeWriter.Write(movers, label, comparisonName, preferences.Format, preferences.Currency);
        return new OverviewPageModel(range, totals.ComparisonRange, last, totals.Currency, kpis, grain, trend, movers, narrative, label);
    }
}

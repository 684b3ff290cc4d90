using Dashboard.Domain.Reference;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Catalogue.MeasureCatalogue;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// The one shared metrics engine. Every page, export, API answer and command-line answer asks it, so a figure is
/// the same wherever it appears. It reads an immutable snapshot and takes no lock.
/// </summary>
public sealed class MetricsEngine(FactSnapshot snapshot)
{
    /// <summary>Dimensions a table without event columns (traffic, spend) drops when it feeds a ratio by event.</summary>
    private static readonly HashSet<Dimension> EventDimensions = [Dimension.Event, Dimension.Category, Dimension.IntentGroup, Dimension.Source];

    private static readonly HashSet<Dimension> MicroDimensions = [Dimension.Channel, Dimension.Campaign, .. EventDimensions];
    private static readonly HashSet<Dimension> TrafficDimensions = [Dimension.Channel];
    private static readonly HashSet<Dimension> SalesDimensions = [Dimension.Brand, Dimension.Sku];
    private static readonly HashSet<Dimension> SpendDimensions = [Dimension.Channel, Dimension.Campaign];

    private const string NeedsAttribution = "needs the attribution service's credit shares, which are not available yet";

    public FactSnapshot Snapshot => snapshot;

    public MetricsAnswer Run(MetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var measures = query.Measures.Select(k => Find(k) ?? throw new MetricsQueryException(
            $"'{k}' is not a measure (known: {string.Join(", ", All.Select(m => m.Key))})")).ToList();
        if (query.By.Count(d => d.IsTime()) > 1)
        {
            throw new MetricsQueryException("group by at most one time dimension (day, week, month, quarter or year)");
        }

        if (query.By.Distinct().Count() != query.By.Count)
        {
            throw new MetricsQueryException("a dimension appears twice in the grouping");
        }

        var reference = snapshot.Reference;
        var currency = query.Currency.ToUpperInvariant();
        if (currency != "USD" && !reference.Currencies.Contains(currency) && !snapshot.Fx.Currencies.Contains(currency))
        {
            throw new MetricsQueryException($"'{query.Currency}' has no exchange rates: pick a currency with rates");
        }

        var timeDimension = query.By.Where(d => d.IsTime()).Cast<Dimension?>().FirstOrDefault();
        var buckets = timeDimension is { } t ? PeriodBuckets.For(query.Range, Grain(t)) : null;
        var layout = new GroupLayout(query.By, reference, buckets);
        var maps = ColumnMaps.Build(query, reference, layout);
        var used = query.By.Concat(query.Filters.Where(f => f.Value.Count > 0).Select(f => f.Key)).ToHashSet();
        var unsupported = measures.ToDictionary(m => m.Key, m => Unsupported(m, used));
        var notes = new SortedSet<string>(StringComparer.Ordinal);

        var main = Aggregate(PeriodMap.Main(query.Range, layout, timeDimension), measures, unsupported, layout, maps, currency, notes);
        var comparisonRange = ComparisonRanges.For(query.Range, query.Compare, query.MatchWeekday);
        Accumulators? comparison = null;
        if (comparisonRange is { } cr)
        {
            var period = PeriodMap.Comparison(cr, layout, timeDimension, query.Compare, query.MatchWeekday);
            comparison = Aggregate(period, measures, unsupported, layout, maps, currency, notes);
        }

        var rows = new List<AnswerRow>();
        for (var cell = 0; cell < layout.Cells; cell++)
        {
            if (main.Present[cell] || (comparison?.Present[cell] ?? false))
            {
                rows.Add(Row(cell, layout, reference, measures, unsupported, main, comparison));
            }
        }

        // Totals are a query of their own without grouping: ratios and coverage are not sums of the rows' values.
        var totals = query.By.Count == 0
            ? Row(0, layout, reference, measures, unsupported, main, comparison)
            : Run(query with { By = [] }).Totals;
        return new MetricsAnswer(currency, query.Range, comparisonRange, query.By, rows, totals, notes.ToList());
    }

    private Accumulators Aggregate(
        PeriodMap period, List<MeasureDefinition> measures, Dictionary<string, string?> unsupported, GroupLayout layout,
        ColumnMaps maps, string currency, ICollection<string> notes)
    {
        var needed = measures.Where(m => unsupported[m.Key] is null).Select(m => m.Key).ToHashSet();
        var acc = new Accumulators { Present = new bool[layout.Cells] };
        var grouped = layout.By.Where(d => !Dimensions.Universal.Contains(d)).ToHashSet();
        var cells = layout.Cells;
        if (needed.Overlaps([MicroConversions, MicroConversionRate, CostPerMicroConversion]))
        {
            Aggregator.Micro(snapshot.MicroConversions, period, maps, cells, acc, grouped.IsSubsetOf(MicroDimensions));
        }

        if (needed.Overlaps([Sessions, MicroConversionRate, ConversionRate, TrueConversionRate]))
        {
            Aggregator.Traffic(snapshot.Traffic, period, maps, cells, acc, grouped.IsSubsetOf(TrafficDimensions));
        }

        if (needed.Overlaps([Orders, Units, Revenue, ConversionRate, TrueConversionRate]))
        {
            var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency, period.FirstDay, period.LastDay, notes);
            Aggregator.Sales(snapshot.Sales, period, maps, fx, cells, acc, grouped.IsSubsetOf(SalesDimensions));
        }

        if (needed.Overlaps([Spend, CostPerMicroConversion]))
        {
            var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency, period.FirstDay, period.LastDay, notes);
            Aggregator.Spend(snapshot.Spend, period, maps, fx, cells, acc, grouped.IsSubsetOf(SpendDimensions));
        }

        if (needed.Contains(TrackingCoverage))
        {
            Aggregator.Coverage(snapshot.MicroConversions, period, maps, layout, snapshot.Reference.Markets.Count, acc);
        }

        return acc;
    }

    private static AnswerRow Row(
        int cell, GroupLayout layout, ReferenceSet reference, List<MeasureDefinition> measures, Dictionary<string, string?> unsupported,
        Accumulators main, Accumulators? comparison)
    {
        var group = new Dictionary<Dimension, string>();
        foreach (var d in layout.By)
        {
            group[d] = KeyOf(d, layout.CodeOf(cell, d), reference, layout);
        }

        var values = new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
        var compared = comparison is null ? null : new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
        var change = comparison is null ? null : new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
        var points = comparison is null ? null : new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            var value = unsupported[measure.Key] is { } reason ? MeasureValue.Absent(reason) : Compute(measure.Key, cell, layout, main);
            values[measure.Key] = value;
            if (comparison is null)
            {
                continue;
            }

            var before = unsupported[measure.Key] is { } r2 ? MeasureValue.Absent(r2) : Compute(measure.Key, cell, layout, comparison);
            compared![measure.Key] = before;
            change![measure.Key] = Changed(Change.Relative(value.Value, before.Value), value, before, "the comparison is 0");
            if (measure.HasPointChange)
            {
                points![measure.Key] = Changed(Change.Points(value.Value, before.Value), value, before, null);
            }
        }

        return new AnswerRow(group, values, compared, change, points);
    }

    private static MeasureValue Changed(double? change, MeasureValue value, MeasureValue before, string? zeroReason) =>
        change is { } c ? MeasureValue.Of(c)
        : MeasureValue.Absent(value.AbsentReason ?? (before.AbsentReason is { } r ? "no comparison: " + r : zeroReason ?? "no comparison value"));

    private static MeasureValue Compute(string measure, int cell, GroupLayout layout, Accumulators a)
    {
        var eventless = layout.Project(cell, EventDimensions);
        return measure switch
        {
            MicroConversions => MeasureValue.Of(a.Actions![cell]),
            Sessions => MeasureValue.Of(a.Sessions![cell]),
            MicroConversionRate => Ratio(a.Actions![cell], a.Sessions![eventless], "there are no sessions in this scope"),
            Orders => MeasureValue.Of(a.Orders![cell]),
            Units => MeasureValue.Of(a.Units![cell]),
            Revenue => a.RevenueFxMissing![cell] ? FxMissing : MeasureValue.Of(a.Revenue![cell]),
            ConversionRate => Ratio(a.Orders![cell], a.Sessions![cell], "there are no sessions in this scope"),
            TrueConversionRate => Ratio(a.Orders![cell], a.Sessions![cell] - a.NonPurchaseSessions![cell], "there are no sessions with purchase intent in this scope"),
            Spend => a.SpendFxMissing![cell] ? FxMissing : MeasureValue.Of(a.Spend![cell]),
            CostPerMicroConversion => a.SpendFxMissing![eventless] ? FxMissing
                : Ratio(a.Spend![eventless], a.Actions![cell], "there are no micro-conversions in this scope"),
            TrackingCoverage => Ratio(a.CoverageReporting![cell], a.CoverageAny![layout.Project(cell, EventDimensions)], "no market in scope reported any micro-conversion"),
            AttributedRevenue or Roas or Roi or EngagementValue => MeasureValue.Absent(NeedsAttribution),
            _ => throw new InvalidOperationException("no formula for " + measure),
        };
    }

    private static readonly MeasureValue FxMissing = MeasureValue.Absent("some rows have no exchange rate for their month or any month before it");

    private static MeasureValue Ratio(double numerator, double denominator, string zeroReason) =>
        denominator > 0 ? MeasureValue.Of(numerator / denominator) : MeasureValue.Absent(zeroReason);

    private static string? Unsupported(MeasureDefinition measure, IReadOnlySet<Dimension> used)
    {
        var missing = used.Where(d => !measure.IsSupported(d)).Select(d => d.Key()).ToList();
        return missing.Count == 0 ? null
            : $"{measure.Name} is not available by {string.Join(", ", missing)}: {measure.NotSupportedHint ?? "not recorded at that level"}";
    }

    private static string KeyOf(Dimension d, int code, ReferenceSet reference, GroupLayout layout) => d switch
    {
        Dimension.Region => reference.Regions[code].Key,
        Dimension.Market => reference.Markets[code].Code,
        Dimension.Channel => reference.Channels[code].Key,
        Dimension.Campaign => reference.Campaigns[code],
        Dimension.Brand => reference.Brands[code].Key,
        Dimension.Sku => reference.Skus[code],
        Dimension.Event => reference.Events[code].Key,
        Dimension.Category => ((Category)code).ToKey(),
        Dimension.IntentGroup => ((IntentGroup)code).ToKey(),
        Dimension.Source => ((SourceSystem)code).ToKey(),
        _ => layout.Buckets![code].Key,
    };

    private static TimeGrain Grain(Dimension d) => d switch
    {
        Dimension.Day => TimeGrain.Day,
        Dimension.Week => TimeGrain.Week,
        Dimension.Month => TimeGrain.Month,
        Dimension.Quarter => TimeGrain.Quarter,
        _ => TimeGrain.Year,
    };
}

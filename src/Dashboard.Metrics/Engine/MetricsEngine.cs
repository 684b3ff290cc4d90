using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Catalogue.MeasureCatalogue;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// The one shared metrics engine. Every page, export, API answer and command-line answer asks it, so a figure is
/// the same wherever it appears. It reads an immutable snapshot and takes no lock.
/// </summary>
public sealed class MetricsEngine(FactSnapshot snapshot, IChannelCreditSource? credit = null, IEventValueSource? values = null)
{
    /// <summary>Dimensions a table without event columns (traffic, spend) drops when it feeds a ratio by event.</summary>
    private static readonly HashSet<Dimension> EventDimensions = [Dimension.Event, Dimension.Category, Dimension.IntentGroup, Dimension.Source];

    private static readonly HashSet<Dimension> MicroDimensions = [Dimension.Channel, Dimension.Campaign, .. EventDimensions];
    private static readonly HashSet<Dimension> TrafficDimensions = [Dimension.Channel];
    private static readonly HashSet<Dimension> SalesDimensions = [Dimension.Brand, Dimension.Sku];
    private static readonly HashSet<Dimension> SpendDimensions = [Dimension.Channel, Dimension.Campaign];

    private const string NeedsAttribution = "needs the attribution service's credit shares, which this engine was not given";
    private const string NeedsValuation = "needs the valuation of micro-conversions, which this engine was not given";
    private const string NoJourneyConversions = "the journeys of this scope hold no conversion to share revenue by";

    /// <summary>Brand gross margin of ROI when the scope has no revenue to weight margins by (METRICS.md).</summary>
    public const double DefaultGrossMargin = 0.40;

    private static readonly HashSet<Dimension> ChannelDimensions = [Dimension.Channel, Dimension.Campaign];

    public FactSnapshot Snapshot => snapshot;

    /// <summary>Where attributed revenue, ROAS and ROI get their channel shares; null = those measures are absent.</summary>
    public IChannelCreditSource? Credit => credit;

    public MetricsAnswer Run(MetricsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var requests = query.Measures.Select(MeasureRequest.Parse).ToList();
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
        var unsupported = requests.ToDictionary(r => r.Key, r => Unsupported(r, used));
        var needed = requests.Where(r => unsupported[r.Key] is null).Select(r => r.Base.Key).ToHashSet();
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var comparisonRange = ComparisonRanges.For(query.Range, query.Compare, query.MatchWeekday);

        var main = Aggregate(PeriodMap.Main(query.Range, layout, timeDimension), needed, layout, maps, query, notes);
        var comparison = comparisonRange is { } cr
            ? Aggregate(PeriodMap.Comparison(cr, layout, timeDimension, query.Compare, query.MatchWeekday), needed, layout, maps, query, notes)
            : null;
        var benchmarks = requests.Where(r => r.Index is not null && unsupported[r.Key] is null).Select(r => r.Index!.Value).Distinct()
            .ToDictionary(k => k, k => BuildBenchmark(k, query, needed, buckets, timeDimension, comparisonRange, currency, notes));
        var run = new RunContext(layout, reference, requests, unsupported, main, comparison, benchmarks, maps.ScopeMarkets);

        var rows = new List<AnswerRow>();
        for (var cell = 0; cell < layout.Cells; cell++)
        {
            if (main.Present[cell] || (comparison?.Present[cell] ?? false))
            {
                rows.Add(Row(cell, run));
            }
        }

        // Every row lands in exactly one cell, so summing a quantity over all cells gives the scope's total: totals
        // come from the same pass. Coverage, indexes and credit shares are not sums of cells: for them totals are a
        // query of their own.
        var totals = query.By.Count == 0 ? Row(0, run)
            : needed.Contains(TrackingCoverage) || benchmarks.Count > 0 || needed.Overlaps(AttributionMeasures)
                ? KeepUnsupported(Run(query with { By = [] }).Totals, unsupported)
            : Row(0, run with { Layout = new GroupLayout([], reference, null), Main = main.Total(), Comparison = comparison?.Total() });
        return new MetricsAnswer(currency, query.Range, comparisonRange, query.By, rows, totals, notes.ToList());
    }

    /// <summary>
    /// A measure the grouping does not support is absent in the rows, so it is absent in the totals too, even where
    /// the ungrouped query that computed them could answer it (sessions of a query by event, say).
    /// </summary>
    private static AnswerRow KeepUnsupported(AnswerRow totals, Dictionary<string, string?> unsupported)
    {
        Dictionary<string, MeasureValue>? Absent(IReadOnlyDictionary<string, MeasureValue>? values) =>
            values?.ToDictionary(v => v.Key, v => unsupported[v.Key] is { } reason ? MeasureValue.Absent(reason) : v.Value, StringComparer.Ordinal);
        return totals with
        {
            Values = Absent(totals.Values)!, Comparison = Absent(totals.Comparison), Change = Absent(totals.Change), ChangePoints = Absent(totals.ChangePoints),
        };
    }

    private sealed record RunContext(
        GroupLayout Layout, ReferenceSet Reference, IReadOnlyList<MeasureRequest> Requests, IReadOnlyDictionary<string, string?> Unsupported,
        Accumulators Main, Accumulators? Comparison, IReadOnlyDictionary<IndexKind, Benchmark> Benchmarks, IReadOnlyList<int> ScopeMarkets);

    private Benchmark BuildBenchmark(
        IndexKind kind, MetricsQuery query, IReadOnlySet<string> needed, PeriodBuckets? buckets, Dimension? timeDimension,
        DateRange? comparisonRange, string currency, ICollection<string> notes)
    {
        // Every market, whatever the user may see or filter: the pooling rule decides what may be shown.
        var benchmarkQuery = query with
        {
            By = Benchmark.GroupingFor(kind, query.By),
            Filters = query.Filters.Where(f => f.Key is not (Dimension.Market or Dimension.Region)).ToDictionary(),
            Scope = AccessScope.All,
        };
        var layout = new GroupLayout(benchmarkQuery.By, snapshot.Reference, buckets);
        var maps = ColumnMaps.Build(benchmarkQuery, snapshot.Reference, layout);
        return new Benchmark
        {
            Kind = kind,
            Layout = layout,
            Main = Aggregate(PeriodMap.Main(query.Range, layout, timeDimension), needed, layout, maps, query, notes),
            Comparison = comparisonRange is { } cr
                ? Aggregate(PeriodMap.Comparison(cr, layout, timeDimension, query.Compare, query.MatchWeekday), needed, layout, maps, query, notes)
                : null,
            Withheld = Benchmark.PoolingRule(kind, snapshot.Reference, query.Scope),
        };
    }

    private Accumulators Aggregate(PeriodMap period, IReadOnlySet<string> needed, GroupLayout layout, ColumnMaps maps, MetricsQuery query, ICollection<string> notes)
    {
        var currency = query.Currency.ToUpperInvariant();
        var acc = new Accumulators { Present = new bool[layout.Cells] };
        var grouped = layout.By.Where(d => !Dimensions.Universal.Contains(d)).ToHashSet();
        var cells = layout.Cells;
        if (needed.Overlaps([MicroConversions, MicroConversionRate, CostPerMicroConversion]))
        {
            MicroAggregator.Run(snapshot.MicroConversions, period, maps, cells, acc, grouped.IsSubsetOf(MicroDimensions));
        }

        if (needed.Overlaps([Sessions, MicroConversionRate, ConversionRate, TrueConversionRate]))
        {
            Aggregator.Traffic(snapshot.Traffic, period, maps, cells, acc, grouped.IsSubsetOf(TrafficDimensions));
        }

        if (needed.Overlaps([Orders, Units, Revenue, ConversionRate, TrueConversionRate, .. AttributionMeasures]))
        {
            var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency, period.FirstDay, period.LastDay, notes);
            if (needed.Contains(Roi))
            {
                acc.MarginRevenue = new double[cells];
            }

            var margins = snapshot.Reference.Brands.Select(b => b.GrossMargin).ToArray();
            Aggregator.Sales(snapshot.Sales, period, maps, fx, margins, cells, acc, grouped.IsSubsetOf(SalesDimensions));
        }

        if (needed.Overlaps(AttributionMeasures) && credit is not null)
        {
            CreditShares(period, layout, maps, query, acc, notes);
        }

        if (needed.Overlaps([Spend, CostPerMicroConversion, Roas, Roi]))
        {
            var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency, period.FirstDay, period.LastDay, notes);
            Aggregator.Spend(snapshot.Spend, period, maps, fx, cells, acc, grouped.IsSubsetOf(SpendDimensions));
        }

        if (needed.Contains(EngagementValue) && values is not null)
        {
            // USD → reporting currency at each day's month (NaN: no rate for that month or before).
            var byDay = Enumerable.Range(period.FirstDay, period.LastDay - period.FirstDay + 1).Select(day => snapshot.Fx.Resolve(currency, FxRates.MonthIndex(day)))
                .Select(r => r.Source == FxRateSource.Missing ? double.NaN : 1 / r.UsdPerUnit).ToArray();
            Aggregator.Engagement(snapshot.MicroConversions, period, maps, byDay, UsdPerAction(notes), cells, acc, grouped.IsSubsetOf(MicroDimensions));
        }

        if (needed.Contains(TrackingCoverage))
        {
            Aggregator.Coverage(snapshot.MicroConversions, period, maps, layout, snapshot.Reference.Markets.Count, acc);
        }

        return acc;
    }

    private static AnswerRow Row(int cell, RunContext run)
    {
        var group = new Dictionary<Dimension, string>();
        foreach (var d in run.Layout.By)
        {
            group[d] = KeyOf(d, run.Layout.CodeOf(cell, d), run.Reference, run.Layout);
        }

        var compared = run.Comparison is not null;
        var values = new Dictionary<string, MeasureValue>(StringComparer.Ordinal);
        var before = compared ? new Dictionary<string, MeasureValue>(StringComparer.Ordinal) : null;
        var change = compared ? new Dictionary<string, MeasureValue>(StringComparer.Ordinal) : null;
        var points = compared ? new Dictionary<string, MeasureValue>(StringComparer.Ordinal) : null;
        foreach (var request in run.Requests)
        {
            var value = Value(request, cell, run, comparison: false);
            values[request.Key] = value;
            if (!compared)
            {
                continue;
            }

            var earlier = Value(request, cell, run, comparison: true);
            before![request.Key] = earlier;
            change![request.Key] = Changed(Change.Relative(value.Value, earlier.Value), value, earlier, "the comparison is 0");
            if (request.Definition.HasPointChange)
            {
                points![request.Key] = Changed(Change.Points(value.Value, earlier.Value), value, earlier, null);
            }
        }

        return new AnswerRow(group, values, before, change, points);
    }

    private static MeasureValue Value(MeasureRequest request, int cell, RunContext run, bool comparison)
    {
        if (run.Unsupported[request.Key] is { } reason)
        {
            return MeasureValue.Absent(reason);
        }

        var acc = comparison ? run.Comparison! : run.Main;
        var value = Compute(request.Base.Key, cell, run.Layout, acc);
        if (request.Index is not { } kind || value.IsAbsent)
        {
            return value;
        }

        var benchmark = run.Benchmarks[kind];
        var (benchmarkCell, withheld) = benchmark.CellOf(cell, run.Layout, run.Reference, run.ScopeMarkets);
        if (withheld is not null)
        {
            return MeasureValue.Absent(withheld);
        }

        var pooled = Compute(request.Base.Key, benchmarkCell, benchmark.Layout, comparison ? benchmark.Comparison! : benchmark.Main);
        return pooled.Value is > 0 ? MeasureValue.Of(value.Value!.Value / pooled.Value.Value * 100)
            : MeasureValue.Absent(pooled.AbsentReason is { } r ? "no benchmark: " + r : "the benchmark is 0");
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
            AttributedRevenue or Roas or Roi => Attributed(measure, cell, layout, a),
            EngagementValue => a.Engagement is null ? MeasureValue.Absent(NeedsValuation)
                : a.EngagementFxMissing![cell] ? FxMissing : MeasureValue.Of(a.Engagement[cell]),
            _ => throw new InvalidOperationException("no formula for " + measure),
        };
    }

    private static readonly string[] AttributionMeasures = [AttributedRevenue, Roas, Roi];

    /// <summary>The valuation's USD per action by event code; a type without a value counts 0, and a note says so.</summary>
    private double[] UsdPerAction(ICollection<string> notes)
    {
        var perAction = values!.UsdPerAction();
        var missing = Enumerable.Range(0, perAction.Count).Where(e => perAction[e] is null).Select(e => snapshot.Reference.Events[e].Key).ToList();
        if (missing.Count > 0)
        {
            notes.Add($"engagement value counts no value for {string.Join(", ", missing)}: the valuation could not estimate one");
        }

        return [.. perAction.Select(v => v ?? 0)];
    }

    /// <summary>
    /// Attributed revenue = the group's sales revenue × its channel's credit share (or, without a channel grouping,
    /// the shares of the channels the filters keep), the shares coming from the journeys of the group's own dates and
    /// markets; ROAS and ROI divide by the group's spend.
    /// </summary>
    private static MeasureValue Attributed(string measure, int cell, GroupLayout layout, Accumulators a)
    {
        if (a.CreditShares is null)
        {
            return MeasureValue.Absent(NeedsAttribution);
        }

        var salesCell = layout.Project(cell, ChannelDimensions);
        if (a.RevenueFxMissing![salesCell])
        {
            return FxMissing;
        }

        if (a.CreditScopeOfCell![cell] is var scope && (scope < 0 || a.CreditShares[scope] is null))
        {
            return MeasureValue.Absent(NoJourneyConversions);
        }

        if (a.CreditShares[scope] is not { } shares)
        {
            return MeasureValue.Absent(NoJourneyConversions);
        }

        var share = 0.0;
        if (layout.Groups(Dimension.Channel))
        {
            share = shares[layout.CodeOf(cell, Dimension.Channel)];
        }
        else
        {
            for (var c = 0; c < shares.Length; c++)
            {
                share += a.ChannelKept![c] ? shares[c] : 0;
            }
        }

        var attributed = a.Revenue![salesCell] * share;
        if (measure == AttributedRevenue)
        {
            return MeasureValue.Of(attributed);
        }

        if (a.SpendFxMissing![cell])
        {
            return FxMissing;
        }

        var spend = a.Spend![cell];
        if (!(spend > 0))
        {
            return MeasureValue.Absent("there is no spend in this scope");
        }

        if (measure == Roas)
        {
            return MeasureValue.Of(attributed / spend);
        }

        var revenue = a.Revenue[salesCell];
        var margin = revenue > 0 ? a.MarginRevenue![salesCell] / revenue : DefaultGrossMargin;
        return MeasureValue.Of(((attributed * margin) - spend) / spend);
    }

    /// <summary>
    /// Splits the pass's (day, market) space into one credit scope per (time group, geography group), asks the credit
    /// source for each scope's shares, and notes each cell's scope.
    /// </summary>
    private void CreditShares(PeriodMap period, GroupLayout layout, ColumnMaps maps, MetricsQuery query, Accumulators acc, ICollection<string> notes)
    {
        var timeDimension = layout.By.FirstOrDefault(d => d.IsTime());
        var timeStride = layout.Groups(timeDimension) && timeDimension.IsTime() ? layout.Stride(timeDimension) : 0;
        var dayGroup = period.DayContribution.Select(c => c < 0 ? -1 : timeStride == 0 ? 0 : c / timeStride).ToArray();
        var dayGroups = timeStride == 0 ? 1 : layout.Buckets!.Count;

        // Markets with the same geography contribution (same market, or same region, or all) share a scope.
        var geography = new Dictionary<int, int>();
        var marketGroup = maps.Market.Select(m => m < 0 ? -1 : geography.TryGetValue(m, out var g) ? g : geography[m] = geography.Count).ToArray();
        var partition = new CreditPartition(period.FirstDay, dayGroup, dayGroups, marketGroup, Math.Max(geography.Count, 1));
        acc.CreditShares = credit!.Shares(partition, query.AttributionModel, query.Currency.ToUpperInvariant(), notes);
        acc.ChannelKept = [.. maps.Channel.Select(c => c >= 0)];

        var scopeOfCell = new int[layout.Cells];
        for (var cell = 0; cell < scopeOfCell.Length; cell++)
        {
            var time = timeStride == 0 ? 0 : layout.CodeOf(cell, timeDimension);
            var geo = (layout.CodeOf(cell, Dimension.Market) * layout.Stride(Dimension.Market)) + (layout.CodeOf(cell, Dimension.Region) * layout.Stride(Dimension.Region));
            scopeOfCell[cell] = geography.TryGetValue(geo, out var g) ? (time * partition.MarketGroups) + g : -1;
        }

        acc.CreditScopeOfCell = scopeOfCell;

        // A channel with credited revenue is a group even where it has no spend (organic, say).
        var grouped = layout.By.Where(d => !Dimensions.Universal.Contains(d)).ToHashSet();
        if (!grouped.IsSubsetOf(ChannelDimensions) || grouped.Contains(Dimension.Campaign) || acc.Revenue is not { } revenue)
        {
            return;
        }

        for (var cell = 0; cell < scopeOfCell.Length; cell++)
        {
            var channel = layout.CodeOf(cell, Dimension.Channel);
            if (scopeOfCell[cell] >= 0 && acc.CreditShares[scopeOfCell[cell]] is { } shares && acc.ChannelKept[channel]
                && (!layout.Groups(Dimension.Channel) || shares[channel] > 0) && revenue[layout.Project(cell, ChannelDimensions)] != 0)
            {
                acc.Present[cell] = true;
            }
        }
    }

    private static readonly MeasureValue FxMissing = MeasureValue.Absent("some rows have no exchange rate for their month or any month before it");

    private static MeasureValue Ratio(double numerator, double denominator, string zeroReason) =>
        denominator > 0 ? MeasureValue.Of(numerator / denominator) : MeasureValue.Absent(zeroReason);

    private static string? Unsupported(MeasureRequest request, IReadOnlySet<Dimension> used)
    {
        if (request.Index is not null && !request.IsIndexable)
        {
            return $"{request.Base.Name} is a sum: sums have no index (a big market is not better than a small one); index a rate or ratio";
        }

        var measure = request.Base;
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

using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The daily market series a valuation fits on: sales in USD, reported actions per type (with the lag window before
/// the first day), context and holidays, and which market-days are complete (every valued type reported throughout
/// the lag window).
/// </summary>
internal sealed class ValuationData
{
    public readonly record struct Row(int Market, int Day, int Offset, double Revenue, double PastRevenue, bool Holiday, bool Promotion, bool StockOut, double PriceChange);

    /// <summary>
    /// Days of sales before a row whose average is a control: some actions follow sales (people who just bought follow
    /// the brand), and without it such a type takes credit, or blame, for the sales that caused it.
    /// </summary>
    public const int FeedbackDays = 7;

    public required DateRange Range { get; init; }
    public required List<Row> Rows { get; init; }

    /// <summary>Market code → column of the markets that have rows.</summary>
    public required Dictionary<int, int> MarketIndex { get; init; }

    public required double[] Scale { get; init; }
    public required Hemisphere[] Hemisphere { get; init; }

    /// <summary>[market code][event code][day − (first day − max lag)]: reported actions.</summary>
    public required double[][][] Actions { get; init; }

    /// <summary>Event codes with a value to fit (reported by some market in scope).</summary>
    public required List<int> Valued { get; init; }

    /// <summary>Reported actions per event code over the scope's markets and days.</summary>
    public required long[] Volume { get; init; }

    public required double UsdToCurrency { get; init; }

    public int Markets => MarketIndex.Count;

    public static ValuationData Build(FactSnapshot snapshot, ValuationQuery query, ICollection<string> notes)
    {
        var reference = snapshot.Reference;
        var allowed = ScopeMarkets.Resolve(reference, query.Scope, query.Filters);
        var sales = snapshot.Sales;
        var micro = snapshot.MicroConversions;
        var range = query.Range ?? (sales.Count == 0
            ? throw new MetricsQueryException("there are no sales to value micro-conversions against")
            : new DateRange(DateOnly.FromDayNumber(sales.Day[0]), DateOnly.FromDayNumber(sales.Day[^1])));
        var (from, to) = (range.From.DayNumber, range.To.DayNumber);
        var lag = query.MaxLagDays;
        var days = to - from + 1;
        var (markets, events) = (reference.Markets.Count, reference.Events.Count);

        var usd = new FxFactors(snapshot.Fx, reference, "USD", from, to, notes);
        var revenue = new double[markets][];
        for (var m = 0; m < markets; m++)
        {
            revenue[m] = allowed[m] ? new double[days + FeedbackDays] : [];
        }

        var (salesStart, salesEnd) = sales.Slice(from - FeedbackDays, to);
        for (var i = salesStart; i < salesEnd; i++)
        {
            var m = sales.Market[i];
            if (allowed[m])
            {
                var factor = usd.Factor(sales.Currency[i], sales.Day[i]);
                revenue[m][sales.Day[i] - from + FeedbackDays] += double.IsNaN(factor) ? double.NaN : sales.Revenue[i] * factor;
            }
        }

        // First day each market reported each type, over all the data: before it, its actions are unknown, not zero.
        var trackedFrom = new int[markets * events];
        Array.Fill(trackedFrom, int.MaxValue);
        var actions = new double[markets][][];
        for (var m = 0; m < markets; m++)
        {
            actions[m] = allowed[m] ? [.. Enumerable.Range(0, events).Select(_ => new double[days + lag])] : [];
        }

        var volume = new long[events];
        for (var i = 0; i < micro.Count; i++)
        {
            var (m, e, day) = (micro.Market[i], micro.Event[i], micro.Day[i]);
            ref var first = ref trackedFrom[(m * events) + e];
            first = Math.Min(first, day);
            if (allowed[m] && day >= from - lag && day <= to)
            {
                actions[m][e][day - from + lag] += micro.Actions[i];
                volume[e] += day >= from ? micro.Actions[i] : 0;
            }
        }

        var valued = Enumerable.Range(0, events)
            .Where(e => Enumerable.Range(0, markets).Any(m => allowed[m] && trackedFrom[(m * events) + e] <= to - lag)).ToList();

        var context = new Dictionary<(int, int), (bool Promo, bool StockOut, double Price)>();
        foreach (var c in snapshot.Context.Rows)
        {
            if (c.Day < from || c.Day > to || !allowed[c.Market])
            {
                continue;
            }

            var current = context.GetValueOrDefault((c.Market, c.Day));
            context[(c.Market, c.Day)] = c.Type switch
            {
                "competitor_promo" => current with { Promo = true },
                "stock_out" => current with { StockOut = true },
                "price_change" => current with { Price = current.Price + (c.Value ?? 0) },
                _ => current,
            };
        }

        var rows = new List<Row>();
        var (spikeDays, screened) = (0, 0);
        var index = new Dictionary<int, int>();
        var scale = new double[markets];
        var left = new List<string>();
        for (var m = 0; m < markets; m++)
        {
            if (!allowed[m])
            {
                continue;
            }

            var complete = valued.Select(e => trackedFrom[(m * events) + e]).DefaultIfEmpty(from).Max();
            if (complete == int.MaxValue)
            {
                left.Add(reference.Markets[m].Code);
                continue;
            }

            var start = Math.Max(from, complete + lag);
            var spikes = SpikeDays(actions[m], valued, start - from, lag);
            spikeDays += spikes.Count(s => s);
            var before = rows.Count;
            var sinceSpike = int.MaxValue;
            for (var day = start - lag; day <= to; day++)
            {
                // A day whose lag window holds a spike is left out: the glitch would act on it through the lags.
                sinceSpike = spikes[day - from + lag] ? 0 : sinceSpike == int.MaxValue ? int.MaxValue : sinceSpike + 1;
                if (day < start || sinceSpike <= lag)
                {
                    screened += day >= start && sinceSpike <= lag ? 1 : 0;
                    continue;
                }

                var r = revenue[m][day - from + FeedbackDays];
                var past = revenue[m].AsSpan(day - from, FeedbackDays);
                if (!(r > 0) || !AllPositive(past))
                {
                    continue;
                }

                var c = context.GetValueOrDefault((m, day));
                rows.Add(new Row(m, day, day - from + lag, r, Average(past), snapshot.Context.IsHoliday(m, day), c.Promo, c.StockOut, c.Price));
            }

            if (rows.Count > before)
            {
                index[m] = index.Count;
                scale[m] = rows.Skip(before).Average(x => x.Revenue);
            }
        }

        if (spikeDays > 0)
        {
            notes.Add($"{screened} market-days left out around {spikeDays} day(s) on which a type's count was over {SpikeFactor} times its market's median: likely tracking glitches (see data quality)");
        }

        if (left.Count > 0)
        {
            notes.Add($"left out of the fit because they never reported some micro-conversion: {string.Join(", ", left)}");
        }

        var target = snapshot.Fx.Resolve(query.Currency.ToUpperInvariant(), FxRates.MonthIndex(range.To));
        if (target.Source == FxRateSource.Missing)
        {
            throw new MetricsQueryException($"'{query.Currency}' has no exchange rates: pick a currency with rates");
        }

        return new ValuationData
        {
            Range = range, Rows = rows, MarketIndex = index, Scale = scale,
            Hemisphere = [.. reference.Markets.Select(x => x.Hemisphere)], Actions = actions, Valued = valued, Volume = volume,
            UsdToCurrency = 1 / target.UsdPerUnit,
        };
    }

    /// <summary>A count this many times its market's median for the type (and at least <see cref="SpikeFloor"/>) is a spike.</summary>
    public const double SpikeFactor = 10;

    private const double SpikeFloor = 100;

    /// <summary>
    /// Per offset of the action series: whether some valued type's count is a spike. One such day in one market has the
    /// leverage to move a type's value across every market (a glitch of 200,000 sign-ups on one day of 6,185 took the
    /// sign-up value from 3.8 to −0.05), and no weighting of residuals undoes leverage. Campaign bursts stay far below.
    /// </summary>
    private static bool[] SpikeDays(double[][] actions, List<int> valued, int firstOffset, int lag)
    {
        var length = actions.Length == 0 ? 0 : actions[0].Length;
        var spikes = new bool[length];
        foreach (var e in valued)
        {
            var series = actions[e];
            var tracked = series.AsSpan(Math.Max(0, firstOffset - lag)).ToArray();
            if (tracked.Length == 0)
            {
                continue;
            }

            Array.Sort(tracked);
            var limit = Math.Max(SpikeFloor, SpikeFactor * tracked[tracked.Length / 2]);
            for (var i = 0; i < length; i++)
            {
                spikes[i] |= series[i] > limit;
            }
        }

        return spikes;
    }

    private static bool AllPositive(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (!(v > 0))
            {
                return false;
            }
        }

        return true;
    }

    private static double Average(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}

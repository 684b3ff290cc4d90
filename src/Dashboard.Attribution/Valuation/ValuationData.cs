using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The daily series of each market in scope that a valuation reads: sales and spend in USD, reported actions per type
/// from the lag window before the first day, when each market started reporting each type, context and holidays.
/// Day index d runs over the fitted days; series with a lag window are offset by <see cref="Lag"/>.
/// </summary>
internal sealed class ValuationData
{
    public required DateRange Range { get; init; }

    /// <summary>Longest lag (days) an action or spend may act over.</summary>
    public required int Lag { get; init; }

    public int Days => Range.To.DayNumber - Range.From.DayNumber + 1;

    public int First => Range.From.DayNumber;

    /// <summary>Snapshot market code of each market in the fit.</summary>
    public required int[] MarketCodes { get; init; }

    public required Hemisphere[] Hemisphere { get; init; }

    /// <summary>[market][d]: sales in USD, NaN where a rate is missing.</summary>
    public required double[][] Revenue { get; init; }

    /// <summary>[market][event code][d + Lag]: reported actions (0 before the market reported the type).</summary>
    public required double[][][] Actions { get; init; }

    /// <summary>[market][event code]: first day number the market reported the type (all data), int.MaxValue = never.</summary>
    public required int[][] TrackedFrom { get; init; }

    /// <summary>[market][paid channel slot][d + Lag]: spend in USD.</summary>
    public required double[][][] Spend { get; init; }

    /// <summary>Channel codes of <see cref="Spend"/>'s slots: paid channels with spend in scope.</summary>
    public required int[] SpendChannels { get; init; }

    /// <summary>[market][d]: public holiday.</summary>
    public required bool[][] Holiday { get; init; }

    /// <summary>[market][d]: competitor promotion, stock-out, other context, and the summed price change.</summary>
    public required (bool Promotion, bool StockOut, bool Other, double Price)[][] Context { get; init; }

    /// <summary>[market][d]: a day whose lag window holds a tracking glitch (left out).</summary>
    public required bool[][] Screened { get; init; }

    /// <summary>Event codes reported by some market in scope early enough to be fitted.</summary>
    public required List<int> Reported { get; init; }

    /// <summary>[market][event code]: reported actions over the fitted days.</summary>
    public required long[][] Volume { get; init; }

    public required double UsdToCurrency { get; init; }

    public int Markets => MarketCodes.Length;

    /// <summary>Reported actions of a type over the markets and days of the fit.</summary>
    public long TotalVolume(int e) => Volume.Sum(v => v[e]);

    public static ValuationData Build(FactSnapshot snapshot, ValuationQuery query, ICollection<string> notes)
    {
        var reference = snapshot.Reference;
        var allowed = ScopeMarkets.Resolve(reference, query.Scope, query.Filters);
        var sales = snapshot.Sales;
        var range = query.Range ?? (sales.Count == 0
            ? throw new MetricsQueryException("there are no sales to value micro-conversions against")
            : new DateRange(DateOnly.FromDayNumber(sales.Day[0]), DateOnly.FromDayNumber(sales.Day[^1])));
        var (from, to) = (range.From.DayNumber, range.To.DayNumber);
        var lag = query.MaxLagDays;
        var days = to - from + 1;
        var (allMarkets, events) = (reference.Markets.Count, reference.Events.Count);
        var usd = new FxFactors(snapshot.Fx, reference, "USD", from - lag, to, notes);

        // The markets in scope with sales in the range.
        var hasSales = new bool[allMarkets];
        var (salesStart, salesEnd) = sales.Slice(from, to);
        for (var i = salesStart; i < salesEnd; i++)
        {
            hasSales[sales.Market[i]] |= allowed[sales.Market[i]];
        }

        var codes = Enumerable.Range(0, allMarkets).Where(m => hasSales[m]).ToArray();
        var slot = Enumerable.Repeat(-1, allMarkets).ToArray();
        for (var j = 0; j < codes.Length; j++)
        {
            slot[codes[j]] = j;
        }

        var revenue = codes.Select(_ => new double[days]).ToArray();
        for (var i = salesStart; i < salesEnd; i++)
        {
            var j = slot[sales.Market[i]];
            if (j >= 0)
            {
                var factor = usd.Factor(sales.Currency[i], sales.Day[i]);
                revenue[j][sales.Day[i] - from] += double.IsNaN(factor) ? double.NaN : sales.Revenue[i] * factor;
            }
        }

        // First day each market reported each type, over all the data: before it its actions are unknown, not zero.
        var micro = snapshot.MicroConversions;
        var tracked = codes.Select(_ => Enumerable.Repeat(int.MaxValue, events).ToArray()).ToArray();
        var actions = codes.Select(_ => Enumerable.Range(0, events).Select(_ => new double[days + lag]).ToArray()).ToArray();
        var volume = codes.Select(_ => new long[events]).ToArray();
        for (var i = 0; i < micro.Count; i++)
        {
            var j = slot[micro.Market[i]];
            if (j < 0)
            {
                continue;
            }

            var (e, day) = (micro.Event[i], micro.Day[i]);
            tracked[j][e] = Math.Min(tracked[j][e], day);
            if (day >= from - lag && day <= to)
            {
                actions[j][e][day - from + lag] += micro.Actions[i];
                volume[j][e] += day >= from ? micro.Actions[i] : 0;
            }
        }

        // A type is fitted when some market reported it at least a quarter before the range ends.
        var reported = Enumerable.Range(0, events).Where(e => tracked.Any(t => t[e] <= to - lag - 90)).ToList();

        var spendTable = snapshot.Spend;
        var spendChannels = new List<int>();
        var spendByChannel = new Dictionary<int, double[][]>();
        var (spendStart, spendEnd) = spendTable.Slice(from - lag, to);
        for (var i = spendStart; i < spendEnd; i++)
        {
            var j = slot[spendTable.Market[i]];
            var c = spendTable.Channel[i];
            if (j < 0 || !reference.Channels[c].IsPaid || spendTable.Spend[i] == 0)
            {
                continue;
            }

            if (!spendByChannel.TryGetValue(c, out var series))
            {
                series = codes.Select(_ => new double[days + lag]).ToArray();
                spendByChannel[c] = series;
                spendChannels.Add(c);
            }

            var factor = usd.Factor(spendTable.Currency[i], spendTable.Day[i]);
            series[j][spendTable.Day[i] - from + lag] += double.IsNaN(factor) ? 0 : spendTable.Spend[i] * factor;
        }

        spendChannels.Sort();
        var context = codes.Select(_ => new (bool, bool, bool, double)[days]).ToArray();
        foreach (var c in snapshot.Context.Rows)
        {
            var j = slot[c.Market];
            if (j < 0 || c.Day < from || c.Day > to)
            {
                continue;
            }

            ref var day = ref context[j][c.Day - from];
            switch (c.Type)
            {
                case "competitor_promo": day.Item1 = true; break;
                case "stock_out": day.Item2 = true; break;
                case "price_change": day.Item4 += c.Value ?? 0; break;
                case "holiday": break;
                default: day.Item3 = true; break;
            }
        }

        var holiday = codes.Select((m, j) => Enumerable.Range(0, days).Select(d => snapshot.Context.IsHoliday(m, from + d)).ToArray()).ToArray();
        var screened = new bool[codes.Length][];
        var (spikeDays, screenedDays) = (0, 0);
        for (var j = 0; j < codes.Length; j++)
        {
            (screened[j], var spikes) = Screen(actions[j], reported, days, lag);
            spikeDays += spikes;
            screenedDays += screened[j].Count(s => s);
        }

        if (spikeDays > 0)
        {
            notes.Add($"{screenedDays} market-days left out around {spikeDays} day(s) on which a type's count was over {SpikeFactor} times its market's median: likely tracking glitches (see data quality)");
        }

        var target = snapshot.Fx.Resolve(query.Currency.ToUpperInvariant(), FxRates.MonthIndex(range.To));
        if (target.Source == FxRateSource.Missing)
        {
            throw new MetricsQueryException($"'{query.Currency}' has no exchange rates: pick a currency with rates");
        }

        return new ValuationData
        {
            Range = range, Lag = lag, MarketCodes = codes, Hemisphere = [.. codes.Select(m => reference.Markets[m].Hemisphere)],
            Revenue = revenue, Actions = actions, TrackedFrom = tracked, Spend = [.. codes.Select((_, j) => spendChannels.Select(c => spendByChannel[c][j]).ToArray())],
            SpendChannels = [.. spendChannels], Holiday = holiday, Context = context, Screened = screened, Reported = reported, Volume = volume,
            UsdToCurrency = 1 / target.UsdPerUnit,
        };
    }

    /// <summary>A count this many times its market's median for the type (and at least <see cref="SpikeFloor"/>) is a spike.</summary>
    public const double SpikeFactor = 10;

    private const double SpikeFloor = 100;

    /// <summary>
    /// Per fitted day: whether its lag window holds a day on which some reported type's count is a spike. One such day in
    /// one market has the leverage to move a type's value across every market (a glitch of 200,000 sign-ups on one day of
    /// 6,185 took the sign-up value from 3.8 to −0.05), and no weighting of residuals undoes leverage. Campaign bursts
    /// stay far below.
    /// </summary>
    private static (bool[] Screened, int Spikes) Screen(double[][] actions, List<int> reported, int days, int lag)
    {
        var spike = new bool[days + lag];
        foreach (var e in reported)
        {
            var series = actions[e];
            var positive = series.Where(x => x > 0).ToArray();
            if (positive.Length == 0)
            {
                continue;
            }

            Array.Sort(positive);
            var limit = Math.Max(SpikeFloor, SpikeFactor * positive[positive.Length / 2]);
            for (var i = 0; i < series.Length; i++)
            {
                spike[i] |= series[i] > limit;
            }
        }

        var screened = new bool[days];
        var since = int.MaxValue;
        for (var i = 0; i < days + lag; i++)
        {
            since = spike[i] ? 0 : since == int.MaxValue ? int.MaxValue : since + 1;
            if (i >= lag && since <= lag)
            {
                screened[i - lag] = true;
            }
        }

        return (screened, spike.Count(s => s));
    }
}

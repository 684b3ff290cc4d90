using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Valuation;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// The fitted response model of every paid channel over the markets in scope, in USD: what a scenario's prediction and
/// the optimiser read. Fitting takes seconds; a page keeps one per snapshot and scope.
/// </summary>
public sealed class ResponseModel
{
    /// <summary>"Current" spend is the average per calendar day over this many final days (METRICS.md).</summary>
    public const int CurrentDays = 90;

    private const int YearDays = 364;
    private const double HoldoutShare = 0.1;

    private readonly PlanningData _data;
    private readonly double[] _scale;
    private readonly double[][] _season;

    private ResponseModel(PlanningData data, double[][] seasons, IReadOnlyList<ChannelResponse> channels, IReadOnlyList<string> marketCodes, double margin, IReadOnlyList<string> notes,
        double[,] valueCovariance, IReadOnlyList<CalibrationResult>? calibrations = null)
    {
        Calibrations = calibrations ?? [];
        ValueCovariance = valueCovariance;
        _data = data;
        Channels = channels;
        MarketCodes = marketCodes;
        Margin = margin;
        Notes = notes;
        _scale = [.. Enumerable.Range(0, data.Markets.Length).Select(data.Scale)];
        _season = seasons;
    }

    public IReadOnlyList<ChannelResponse> Channels { get; }

    public IReadOnlyList<string> MarketCodes { get; }

    /// <summary>Gross margin on revenue over the last 365 days (brands' margins weighted by their revenue).</summary>
    public double Margin { get; }

    public DateOnly FirstDay => DateOnly.FromDayNumber(_data.FirstDay);

    public DateOnly LastDay => DateOnly.FromDayNumber(_data.LastDay);

    public IReadOnlyList<string> Notes { get; }

    /// <summary>What each stored geo test did to its channel's curve (in the order they were stored), applied or not and why.</summary>
    public IReadOnlyList<CalibrationResult> Calibrations { get; }

    /// <summary>The valuation's covariance of the types' values (USD² per action², in reference event order).</summary>
    internal double[,] ValueCovariance { get; }

    /// <param name="progress">Told (channels fitted, channels) after each channel.</param>
    public static ResponseModel Fit(FactSnapshot snapshot, AccessScope scope, ValuationResult valuation, IProgress<(int Done, int Total)>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(valuation);
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var data = PlanningData.Build(snapshot, scope, notes);
        var reference = snapshot.Reference;
        var values = reference.Events.Select(e => valuation.Events.FirstOrDefault(v => v.Event == e.Key)).ToArray();
        var negative = values.Where(v => v?.Value < 0).Select(v => v!.Event).ToList();
        if (negative.Count > 0)
        {
            notes.Add($"valued at 0 for planning, as their estimated value is below zero: {string.Join(", ", negative)}");
        }

        var covariance = Covariance(valuation, values);
        var seasons = Enumerable.Range(0, data.Markets.Length).Select(data.Season).ToArray();
        var holdoutStart = data.Days - (int)(data.Days * HoldoutShare);
        // Channels are fitted independently of each other, so on every core but one: the pages and imports of the
        // server keep a core while a fit runs (on two cores an import waited behind a fit on both).
        var fitted = new ChannelResponse[data.PaidChannels.Length];
        var done = 0;
        progress?.Report((0, fitted.Length));
        Parallel.For(0, fitted.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, i =>
        {
            fitted[i] = FitChannel(data, reference, data.PaidChannels[i], values, covariance, seasons, holdoutStart);
            progress?.Report((Interlocked.Increment(ref done), fitted.Length));
        });
        var channels = fitted.ToList();

        foreach (var absent in channels.Where(c => c.Fit is null))
        {
            notes.Add($"{absent.Name}: no response curve ({absent.AbsentReason})");
        }

        double revenue = 0, margin = 0;
        for (var m = 0; m < data.Markets.Length; m++)
        {
            for (var t = Math.Max(0, data.Days - 365); t < data.Days; t++)
            {
                (revenue, margin) = (revenue + data.Revenue[m][t], margin + data.MarginRevenue[m][t]);
            }
        }

        var model = new ResponseModel(data, seasons, channels, [.. data.Markets.Select(m => reference.Markets[m].Code)],
            revenue > 0 ? margin / revenue : 0.4, [.. notes], covariance);
        return snapshot.Calibrations.Count == 0 ? model : model.Calibrated(snapshot.Calibrations, snapshot.HoldoutTests);
    }

    /// <summary>The model with geo tests' read-outs applied to their channels' curves, and a note for each.</summary>
    /// <param name="reach">What a test may move (the study compares them; the product uses the default).</param>
    public ResponseModel Calibrated(IReadOnlyList<LiftCalibration> calibrations, IReadOnlyList<HoldoutTestDefinition> tests, CalibrationReach reach = CalibrationReach.Default)
    {
        ArgumentNullException.ThrowIfNull(calibrations);
        ArgumentNullException.ThrowIfNull(tests);
        var (channels, results) = Calibration.ApplyAll(this, calibrations, tests, reach);
        var notes = new SortedSet<string>(Notes, StringComparer.Ordinal);
        foreach (var r in results)
        {
            notes.Add(r.Problem is null
                ? $"{r.Channel} calibrated by the geo test {r.Test}"
                : $"{r.Channel}: the geo test {r.Test} was not applied ({r.Problem})");
        }

        return new ResponseModel(_data, _season, channels, MarketCodes, Margin, [.. notes], ValueCovariance, results);
    }

    /// <summary>The values' covariance in reference event order (the diagonal of their standard errors where a valuation carries none).</summary>
    private static double[,] Covariance(ValuationResult valuation, EventValue?[] values)
    {
        var n = values.Length;
        var order = values.Select(v => v is null ? -1 : valuation.Events.ToList().FindIndex(x => x.Event == v.Event)).ToArray();
        var covariance = new double[n, n];
        for (var e = 0; e < n; e++)
        {
            for (var f = 0; f < n; f++)
            {
                covariance[e, f] = order[e] < 0 || order[f] < 0 ? 0
                    : valuation.Covariance.Count > 0 ? valuation.Covariance[order[e]][order[f]]
                    : e == f ? Math.Pow(values[e]?.StandardError ?? 0, 2) : 0;
            }
        }

        return covariance;
    }

    private static ChannelResponse FitChannel(PlanningData data, ReferenceSet reference, int c, EventValue?[] values, double[,] covariance, double[][] seasons, int holdoutStart)
    {
        var channel = reference.Channels[c];
        var events = data.EventsOf(c);
        var mixTotal = events.Sum(e => data.Mix[c][e]);
        double value = 0;
        var intent = new double[Enum.GetValues<IntentGroup>().Length];
        var weights = new double[values.Length];
        foreach (var e in events)
        {
            var share = data.Mix[c][e] / mixTotal;
            value += share * Math.Max(0, values[e]?.Value ?? 0);

            // A type valued at 0 for planning (its estimate is below 0) adds no uncertainty: the plan does not use it.
            weights[e] = values[e]?.Value >= 0 ? share : 0;
            intent[(int)reference.Events[e].IntentGroup] += share;
        }

        var typeShares = events.ToDictionary(e => e, e => data.Mix[c][e] / mixTotal);
        var mix = Enumerable.Range(0, values.Length).Select(e => typeShares.GetValueOrDefault(e)).ToArray();
        var estimated = (events.Sum(e => typeShares[e] * (values[e]?.Value ?? 0)), Math.Sqrt(CurveBand.Quadratic(mix, covariance)));

        var current = Enumerable.Range(0, data.Markets.Length)
            .Select(m => data.Spend[m][c].Skip(data.Days - CurrentDays).Sum() / CurrentDays).ToArray();
        var currentTotal = current.Sum();
        var shares = currentTotal > 0
            ? current.Select(x => x / currentTotal).ToArray()
            : Enumerable.Repeat(1.0 / data.Markets.Length, data.Markets.Length).ToArray();

        ChannelResponse Absent(string reason) => new(channel.Key, channel.Name, null, reason, null, null, null, null, value, weights, intent, currentTotal,
            [.. Enumerable.Range(0, data.Markets.Length).Select(m => Pooled(m, null))]) { Estimated = estimated, Mix = mix };

        MarketCurve Pooled(int m, HillCurve? curve) =>
            new(reference.Markets[data.Markets[m]].Code, curve, [0, 0], new double[2, 2], false, 0, current[m], shares[m]);

        if (events.Length == 0)
        {
            return Absent("its tracking reports no micro-conversions");
        }

        var series = FittedMarkets(data, c, events);

        if (series.Count == 0)
        {
            return Absent("no market has 60 days of its spend with its micro-conversions tracked");
        }

        // The held-back check refits on the earlier days with the carry-over shape the full history chose.
        var full = FitLevels(data, reference, c, seasons, series, data.Days, null);
        var training = full is null ? null : FitLevels(data, reference, c, seasons, series, holdoutStart, full.Value.Pooled);
        if (training is null || full is null)
        {
            return Absent("too few days to fit a curve");
        }

        var (r2, mape) = Quality(data, c, series, m => training.Value.Curve(m), seasons, holdoutStart);
        var (pooledR2, pooledMape) = Quality(data, c, series, _ => training.Value.Pooled.Curve, seasons, holdoutStart);
        var fit = full.Value;
        var markets = Enumerable.Range(0, data.Markets.Length).Select(m => fit.Own.TryGetValue(m, out var own)
            ? new MarketCurve(reference.Markets[data.Markets[m]].Code, fit.Curve(m), own.Offset, own.Covariance, true, own.Weight, current[m], shares[m])
            : Pooled(m, fit.Pooled.Curve)).ToList();
        return new ChannelResponse(channel.Key, channel.Name, fit.Pooled, null, r2, mape, pooledR2, pooledMape, value, weights, intent, currentTotal, markets) { Estimated = estimated, Mix = mix };
    }

    /// <summary>A channel's pooled curve and, for markets with enough days of their own, shrunk offsets from it.</summary>
    private readonly record struct Levels(CurveFit Pooled, Dictionary<int, (double[] Offset, double[,] Covariance, double Weight)> Own)
    {
        public HillCurve Curve(int market) => Own.TryGetValue(market, out var own)
            ? Pooled.At(CurveFitter.Offset(Pooled.Theta, own.Offset))
            : Pooled.Curve;
    }

    /// <summary>A market with fewer fitted days of spend than this keeps the pooled curve.</summary>
    public const int OwnCurveDays = 180;

    /// <param name="from">The full history's fit, for a refit on fewer days: its carry-over shape and its parameters as the start.</param>
    private static Levels? FitLevels(PlanningData data, ReferenceSet reference, int c, double[][] seasons, List<(int Market, int From)> series, int until, CurveFit? from)
    {
        var pooled = CurveFitter.Fit([.. series.Select(s => SeriesOf(data, reference, c, seasons, s, until))], from is null ? null : [from.Curve.Shape], from);
        if (pooled is null)
        {
            return null;
        }

        var estimates = new List<(int Market, (double[] Offset, double[,] Covariance) Estimate)>();
        foreach (var s in series)
        {
            var one = SeriesOf(data, reference, c, seasons, s, until);
            var days = Enumerable.Range(0, one.Days).Count(t => one.Fitted[t] && one.Spend[t] > 0);
            if (days >= OwnCurveDays && CurveFitter.FitMarket(one, pooled) is { } estimate)
            {
                estimates.Add((s.Market, estimate));
            }
        }

        var shrunk = MarketShrinkage.Shrink([.. estimates.Select(e => e.Estimate)]);
        return new Levels(pooled, estimates.Select((e, i) => (e.Market, shrunk[i])).ToDictionary(p => p.Market, p => p.Item2));
    }

    /// <summary>
    /// A market joins a channel's fit from the day it reported every type the channel drives; one that never reported
    /// one of them stays out (its counts would read as a weaker channel).
    /// </summary>
    private static List<(int Market, int From)> FittedMarkets(PlanningData data, int c, int[] events)
    {
        var series = new List<(int Market, int From)>();
        for (var m = 0; m < data.Markets.Length; m++)
        {
            var from = events.Max(e => data.ReportedFrom[m][e]);
            if (from != int.MaxValue && data.Spend[m][c].Skip(from).Count(x => x > 0) >= 60)
            {
                series.Add((m, from));
            }
        }

        return series;
    }

    private static ChannelSeries SeriesOf(PlanningData data, ReferenceSet reference, int c, double[][] seasons, (int Market, int From) s, int until) => new(
        reference.Markets[data.Markets[s.Market]].Code, data.Scale(s.Market), data.Spend[s.Market][c], data.Actions[s.Market][c], seasons[s.Market],
        [.. Enumerable.Range(0, data.Days).Select(t => t >= s.From && t < until)]);

    /// <summary>The series one channel's curve is fitted on (all days): for benchmarks and peers.</summary>
    public static IReadOnlyList<ChannelSeries> SeriesFor(FactSnapshot snapshot, AccessScope scope, string channelKey)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var data = PlanningData.Build(snapshot, scope, new List<string>());
        var c = data.PaidChannels.Single(x => snapshot.Reference.Channels[x].Key == channelKey);
        var seasons = Enumerable.Range(0, data.Markets.Length).Select(data.Season).ToArray();
        return [.. FittedMarkets(data, c, data.EventsOf(c)).Select(s => SeriesOf(data, snapshot.Reference, c, seasons, s, data.Days))];
    }

    /// <summary>R² over the held-back market-days and MAPE of the held-back days' totals over markets.</summary>
    private static (double R2, double Mape) Quality(PlanningData data, int c, List<(int Market, int From)> series, Func<int, HillCurve> curveOf, double[][] seasons, int holdoutStart)
    {
        var actualByDay = new double[data.Days - holdoutStart];
        var predictedByDay = new double[data.Days - holdoutStart];
        var pairs = new List<(double Actual, double Predicted)>();
        foreach (var (m, from) in series)
        {
            var curve = curveOf(m);
            var scale = data.Scale(m);
            var adstock = curve.Adstock(data.Spend[m][c]);
            for (var t = holdoutStart; t < data.Days; t++)
            {
                if (t >= from)
                {
                    var predicted = curve.Beta * scale * seasons[m][t] * HillCurve.Hill(adstock[t] / scale, curve.HalfSaturation, curve.Alpha);
                    pairs.Add((data.Actions[m][c][t], predicted));
                    actualByDay[t - holdoutStart] += data.Actions[m][c][t];
                    predictedByDay[t - holdoutStart] += predicted;
                }
            }
        }

        var mean = pairs.Average(p => p.Actual);
        var total = pairs.Sum(p => Math.Pow(p.Actual - mean, 2));
        var residual = pairs.Sum(p => Math.Pow(p.Actual - p.Predicted, 2));
        var days = Enumerable.Range(0, actualByDay.Length).Where(d => actualByDay[d] > 0).ToList();
        var mape = days.Count == 0 ? double.NaN : days.Average(d => Math.Abs(actualByDay[d] - predictedByDay[d]) / actualByDay[d]);
        return (total > 0 ? 1 - (residual / total) : double.NaN, mape);
    }

    /// <summary>The season index of each market over a future period: the same days a year before (1 where unknown).</summary>
    internal double[] SeasonFor(PlanningPeriod period)
    {
        var season = new double[_data.Markets.Length];
        for (var m = 0; m < season.Length; m++)
        {
            var (sum, n) = (0.0, 0);
            for (var day = period.From.DayNumber; day <= period.To.DayNumber; day++)
            {
                var t = day - YearDays - _data.FirstDay;
                while (t >= _data.Days)
                {
                    t -= YearDays;
                }

                if (t >= 0)
                {
                    (sum, n) = (sum + _season[m][t], n + 1);
                }
            }

            season[m] = n > 0 ? sum / n : 1;
        }

        return season;
    }

    /// <summary>A channel's tracked actions over the period at a spend per day per market (USD), on each market's curve.</summary>
    internal double Actions(int channel, IReadOnlyList<double> spendPerDay, double[] season, int days)
    {
        var markets = Channels[channel].Markets;
        var sum = 0.0;
        for (var m = 0; m < _scale.Length; m++)
        {
            sum += markets[m].Curve is { } curve ? curve.Steady(spendPerDay[m], _scale[m], season[m]) : 0;
        }

        return sum * days;
    }

    /// <summary>One market's tracked actions of a channel over the period at a spend per day (USD).</summary>
    internal double MarketActions(int channel, int market, double spendPerDay, double season, int days) =>
        Channels[channel].Markets[market].Curve is { } curve ? curve.Steady(spendPerDay, _scale[market], season) * days : 0;

    /// <summary>
    /// Seasonal naive forecast of a daily series summed over markets for the period: the same days a year before,
    /// times the growth of the last 91 days over the same 91 days a year before.
    /// </summary>
    internal double Baseline(Func<int, int, double> value, PlanningPeriod period)
    {
        var total = 0.0;
        for (var m = 0; m < _data.Markets.Length; m++)
        {
            total += BaselineOf(t => value(m, t), period, _data.Days);
        }

        return total;
    }

    /// <summary>The baseline's relative error on the last 91 days, forecast from the data before them.</summary>
    internal double BaselineError(Func<int, int, double> value)
    {
        const int Window = 91;
        if (_data.Days < YearDays + (2 * Window))
        {
            return 0.1;
        }

        var first = DateOnly.FromDayNumber(_data.FirstDay + _data.Days - Window);
        var period = new PlanningPeriod(first, first.AddDays(Window - 1));
        double predicted = 0, actual = 0;
        for (var m = 0; m < _data.Markets.Length; m++)
        {
            predicted += BaselineOf(t => value(m, t), period, _data.Days - Window);
            for (var t = _data.Days - Window; t < _data.Days; t++)
            {
                actual += value(m, t);
            }
        }

        return actual > 0 ? Math.Abs(predicted - actual) / actual : 0.1;
    }

    private double BaselineOf(Func<int, double> value, PlanningPeriod period, int knownDays)
    {
        const int Window = 91;
        double Sum(int from, int to)
        {
            var s = 0.0;
            for (var t = Math.Max(0, from); t < Math.Min(knownDays, to); t++)
            {
                s += value(t);
            }

            return s;
        }

        var recent = Sum(knownDays - Window, knownDays);
        var yearBefore = Sum(knownDays - Window - YearDays, knownDays - YearDays);
        var growth = knownDays >= Window + YearDays && yearBefore > 0 ? Math.Clamp(recent / yearBefore, 0.5, 2) : 1;
        var total = 0.0;
        for (var day = period.From.DayNumber; day <= period.To.DayNumber; day++)
        {
            var t = day - YearDays - _data.FirstDay;
            while (t >= knownDays)
            {
                t -= YearDays;
            }

            total += t >= 0 ? value(t) * growth : recent / Window;
        }

        return total;
    }

    /// <summary>The first day of the fitted data (day number) and how many days it holds.</summary>
    internal (int First, int Days) Window => (_data.FirstDay, _data.Days);

    /// <summary>A market's spend per day on a channel (its slot in <see cref="Channels"/>) over the data's days (USD).</summary>
    internal double[] Spend(int m, int channel) => _data.Spend[m][_data.PaidChannels[channel]];

    /// <summary>A market's season index on a day of the data, or past its end the same day a year before.</summary>
    internal double Season(int m, int t)
    {
        while (t >= _data.Days)
        {
            t -= YearDays;
        }

        return t >= 0 ? _season[m][t] : 1;
    }

    internal double Revenue(int m, int t) => _data.Revenue[m][t];

    /// <summary>Sales over the dates in the markets (all when null), USD.</summary>
    internal double Revenue(IReadOnlySet<string>? markets, DateOnly from, DateOnly to)
    {
        var sum = 0.0;
        for (var m = 0; m < _data.Markets.Length; m++)
        {
            if (markets is not null && !markets.Contains(MarketCodes[m]))
            {
                continue;
            }

            for (var t = Math.Max(0, from.DayNumber - _data.FirstDay); t <= Math.Min(_data.Days - 1, to.DayNumber - _data.FirstDay); t++)
            {
                sum += _data.Revenue[m][t];
            }
        }

        return sum;
    }

    /// <summary>A market's scale (its mean daily revenue in USD), the unit its curves read spend in.</summary>
    internal double Scale(int m) => _scale[m];

    internal double IntentActions(int m, int group, int t) => _data.Intent[m][group][t];
}

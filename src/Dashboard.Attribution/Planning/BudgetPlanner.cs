using System.Globalization;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// Scenarios and the optimiser on a fitted <see cref="ResponseModel"/>, in one reporting currency. Predicted revenue is
/// the seasonal baseline (the same days a year before, grown as the last quarter grew) plus the change in the media
/// part from the current plan; the media part of each channel is its tracked actions (its curve, the period's season)
/// times what one is worth.
/// </summary>
public sealed class BudgetPlanner
{
    private const double Z90 = 1.6448536269514722;

    private readonly ResponseModel _model;
    private readonly double _usdPerUnit;

    /// <param name="usdPerUnit">USD per unit of <paramref name="currency"/> (the rate of the data's last month).</param>
    public BudgetPlanner(ResponseModel model, string currency, double usdPerUnit)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _usdPerUnit = usdPerUnit;
        Currency = currency.ToUpperInvariant();
    }

    public string Currency { get; }

    /// <summary>USD per unit of the reporting currency: saved scenarios keep USD.</summary>
    public double UsdPerUnit => _usdPerUnit;

    public ResponseModel Model => _model;

    /// <summary>Current spend per day by channel key, in the reporting currency.</summary>
    public IReadOnlyDictionary<string, double> CurrentSpend =>
        _model.Channels.ToDictionary(c => c.Channel, c => c.CurrentSpendUsd / _usdPerUnit, StringComparer.Ordinal);

    /// <summary>
    /// A plan by channel key (its spend splits over its markets as now) or <c>channel@MARKET</c> (that market's
    /// spend; the channel's other markets share the rest of its amount as now, or keep their current spend when the
    /// channel has no amount). Channels not named keep their current spend.
    /// </summary>
    /// <exception cref="MetricsQueryException">An unknown channel or market, a negative amount, or markets' amounts above their channel's.</exception>
    public ScenarioResult Scenario(IReadOnlyDictionary<string, double> spendPerDay, PlanningPeriod period)
    {
        ArgumentNullException.ThrowIfNull(spendPerDay);
        var plan = Plan(spendPerDay);
        var season = _model.SeasonFor(period);
        return new ScenarioResult(period, Currency, Outcome(plan, period, season), Outcome(CurrentUsd(), period, season), _model.Notes);
    }

    /// <summary>The channel's predicted incremental revenue over the period (reporting currency) at a spend per day (reporting currency) split over markets as now.</summary>
    public double IncrementalRevenue(int channel, double spendPerDay, PlanningPeriod period, double[] season)
    {
        ArgumentNullException.ThrowIfNull(period);
        var response = _model.Channels[channel];
        return response.ValueUsd * _model.Actions(channel, Split(response, spendPerDay * _usdPerUnit), season, period.Days) / _usdPerUnit;
    }

    /// <summary>The channel's predicted tracked micro-conversions over the period at a spend per day (reporting currency) split over markets as now.</summary>
    public double MicroConversions(int channel, double spendPerDay, PlanningPeriod period, double[] season)
    {
        ArgumentNullException.ThrowIfNull(period);
        return _model.Actions(channel, Split(_model.Channels[channel], spendPerDay * _usdPerUnit), season, period.Days);
    }

    public double[] SeasonFor(PlanningPeriod period) => _model.SeasonFor(period);

    /// <summary>
    /// Margin × the slope of the channel's revenue at a spend per day (reporting currency, split over markets as now),
    /// minus 1: above 0 the next unit pays back. Null for a channel without a curve.
    /// </summary>
    public double? MarginalRoi(int channel, double spendPerDay, PlanningPeriod period, double[] season)
    {
        ArgumentNullException.ThrowIfNull(period);
        var response = _model.Channels[channel];
        return response.Fit is null ? null : MarginalRoiUsd(channel, Split(response, spendPerDay * _usdPerUnit), period.Days, season);
    }

    /// <summary>Margin × slope − 1 along the plan's own split over markets (USD in, a ratio out).</summary>
    private double MarginalRoiUsd(int channel, double[] planUsd, int days, double[] season)
    {
        var response = _model.Channels[channel];
        var total = planUsd.Sum();
        var shares = total > 0 ? planUsd.Select(x => x / total).ToArray() : [.. response.MarketShares];
        var h = Math.Max(1, total * 0.01);
        var low = Math.Max(0, total - h);
        double Revenue(double t) => response.ValueUsd * _model.Actions(channel, shares.Select(s => s * t).ToArray(), season, days);
        var slope = (Revenue(total + h) - Revenue(low)) / (total + h - low);
        return (_model.Margin * slope / days) - 1;
    }

    /// <summary>The same for one market of a channel.</summary>
    private double MarketMarginalRoiUsd(int channel, int market, double spendUsd, int days, double[] season)
    {
        var h = Math.Max(1, spendUsd * 0.01);
        var low = Math.Max(0, spendUsd - h);
        var value = _model.Channels[channel].ValueUsd;
        var slope = value * (_model.MarketActions(channel, market, spendUsd + h, season[market], days) - _model.MarketActions(channel, market, low, season[market], days)) / (spendUsd + h - low);
        return (_model.Margin * slope / days) - 1;
    }

    private static double[] Split(ChannelResponse response, double totalUsd) => [.. response.Markets.Select(m => m.Share * totalUsd)];

    /// <summary>
    /// The best split of a budget over channels and, within each, over markets where the data supports it: a market
    /// with a curve of its own (or bounds of its own) is a cell of its own; the channel's other markets move together,
    /// in their current proportions, on the pool's curve. A channel's bounds hold its cells' sum.
    /// </summary>
    /// <exception cref="MetricsQueryException">An infeasible request, naming the bound or target that makes it so.</exception>
    public OptimizeResult Optimize(OptimizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channels = _model.Channels;
        var markets = _model.MarketCodes.Count;
        var period = request.Period;
        var season = _model.SeasonFor(period);
        var bounds = Bounds(request.Bounds);
        var cells = Cells(bounds);
        var current = cells.Select(k => k.Markets.Sum(m => channels[k.Channel].Markets[m].CurrentSpendUsd) / _usdPerUnit).ToArray();
        var cellMin = cells.Select(k => k.Markets.Sum(m => bounds.CellMin[(k.Channel * markets) + m])).ToArray();
        var cellMax = cells.Select(k => k.Markets.Sum(m => bounds.CellMax[(k.Channel * markets) + m])).ToArray();
        var f = cells.Select(k => (Func<double, double>)(x =>
        {
            var sum = 0.0;
            for (var i = 0; i < k.Markets.Length; i++)
            {
                sum += _model.MarketActions(k.Channel, k.Markets[i], x * k.Weights[i] * _usdPerUnit, season[k.Markets[i]], period.Days);
            }

            return channels[k.Channel].ValueUsd * sum / _usdPerUnit;
        })).ToArray();

        var groups = new CellGroups([.. cells.Select(k => k.Channel)], bounds.ChannelMin, bounds.ChannelMax);
        var maxTotal = Enumerable.Range(0, channels.Count).Sum(c => Math.Min(bounds.ChannelMax[c], bounds.CellMax.Skip(c * markets).Take(markets).Sum()));
        double Sum(double[] a) => a.Sum();
        double Media(double[] a) => f.Select((g, i) => g(a[i])).Sum();
        var notes = new List<string>(_model.Notes);
        double[] x;
        switch (request.Mode)
        {
            case OptimizeMode.Revenue or OptimizeMode.Profit:
                var budget = request.BudgetPerDay ?? throw new MetricsQueryException("this mode needs a budget per day");
                if (budget > maxTotal * (1 + 1e-9))
                {
                    notes.Add(Money($"the channels' maximums add up to {maxTotal:N0}, so {budget - maxTotal:N0} of the {budget:N0} per day cannot be spent: raise the maximums to spend it"));
                    budget = maxTotal;
                }

                // Profit: a step is worth taking while its return × margin pays for it over the period.
                Func<double, bool>? worth = request.Mode == OptimizeMode.Profit ? rate => rate / period.Days * _model.Margin > 1 : null;
                x = BudgetOptimizer.Allocate(f, cellMin, cellMax, budget, worth, groups);
                if (request.Mode == OptimizeMode.Profit && Sum(x) < budget * 0.999)
                {
                    notes.Add(Money($"{budget - Sum(x):N0} of the budget per day is left unspent: no channel's next unit pays back at a {_model.Margin:P0} margin"));
                }

                break;
            case OptimizeMode.TargetRevenue:
                var target = (request.TargetRevenuePerDay ?? throw new MetricsQueryException("give a target revenue per day")) * period.Days;
                var baseline = Outcome(CurrentUsd(), period, season).PredictedRevenue.Value;
                var now = Media(current);
                double Revenue(double[] a) => baseline - now + Media(a);
                var path = BudgetOptimizer.Path(f, cellMin, cellMax, groups);
                var reach = path.FirstOrDefault(p => Revenue(p.Allocation) >= target);
                if (reach.Allocation is null)
                {
                    throw new MetricsQueryException(Money(
                        $"the target of {target / period.Days:N0} per day is out of reach: with every channel at its maximum ({maxTotal:N0} per day) the prediction is {Revenue(path[^1].Allocation) / period.Days:N0} per day; raise the maximums or lower the target"));
                }

                x = BudgetOptimizer.Allocate(f, cellMin, cellMax, reach.Budget, null, groups);
                break;
            case OptimizeMode.RoasFloor:
                var floor = request.RoasFloor ?? throw new MetricsQueryException("give a ROAS floor");
                double Roas(double[] a) => Sum(a) > 0 ? Media(a) / (Sum(a) * period.Days) : 0;
                var steps = BudgetOptimizer.Path(f, cellMin, cellMax, groups);

                // Not monotone: below an S-curve's steep part, a smaller budget can return less per unit.
                var keeping = steps.Where(p => Roas(p.Allocation) >= floor).ToList();
                if (keeping.Count == 0)
                {
                    var top = steps.MaxBy(p => Roas(p.Allocation));
                    throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                        $"the ROAS floor of {floor:0.##} is out of reach: the highest predicted ROAS within the bounds is {Roas(top.Allocation):0.##}, at {top.Budget:N0} {Currency} per day; lower the floor or widen the bounds"));
                }

                x = BudgetOptimizer.Allocate(f, cellMin, cellMax, keeping[^1].Budget, null, groups);
                break;
            default:
                throw new MetricsQueryException($"unknown mode {request.Mode}");
        }

        var planUsd = channels.Select(_ => new double[markets]).ToArray();
        for (var k = 0; k < cells.Count; k++)
        {
            for (var i = 0; i < cells[k].Markets.Length; i++)
            {
                planUsd[cells[k].Channel][cells[k].Markets[i]] = x[k] * cells[k].Weights[i] * _usdPerUnit;
            }
        }

        var predicted = Outcome(planUsd, period, season);
        var lines = channels.Select((r, c) =>
        {
            var (lo, hi) = (Math.Max(bounds.ChannelMin[c], bounds.CellMin.Skip(c * markets).Take(markets).Sum()),
                Math.Min(bounds.ChannelMax[c], bounds.CellMax.Skip(c * markets).Take(markets).Sum()));
            var split = Enumerable.Range(0, markets).Select(m =>
            {
                var i = (c * markets) + m;
                var recommended = planUsd[c][m] / _usdPerUnit;
                return new MarketAllocation(_model.MarketCodes[m], r.Markets[m].CurrentSpendUsd / _usdPerUnit, recommended, bounds.CellMin[i], bounds.CellMax[i],
                    Binding(recommended, bounds.CellMin[i], bounds.CellMax[i]), r.Fit is null ? null : MarketMarginalRoiUsd(c, m, planUsd[c][m], period.Days, season), r.Markets[m].Own);
            }).ToList();
            return new AllocationLine(r.Channel, r.Name, r.CurrentSpendUsd / _usdPerUnit, planUsd[c].Sum() / _usdPerUnit, lo, hi,
                Binding(planUsd[c].Sum() / _usdPerUnit, lo, hi), predicted.MarginalRoi[r.Channel], split);
        }).ToList();
        return new OptimizeResult(request.Mode, Sum(x), period, Currency, lines, predicted, Outcome(CurrentUsd(), period, season), notes);
    }

    private static string? Binding(double x, double min, double max) =>
        max - min < 1e-9 ? (x > 0 ? "max" : "min") : x <= min + Tolerance(max) ? "min" : x >= max - Tolerance(max) ? "max" : null;

    private static double Tolerance(double max) => Math.Max(1e-6, max * 2e-3);

    private string Money(FormattableString text) => text.ToString(CultureInfo.InvariantCulture) + " " + Currency;

    /// <param name="Given">Per channel × market: whether the request bounds that market itself.</param>
    private sealed record PlanBounds(double[] ChannelMin, double[] ChannelMax, double[] CellMin, double[] CellMax, bool[] Given);

    /// <summary>What the optimiser moves: one market, or a channel's markets together with fixed weights.</summary>
    private sealed record Cell(int Channel, int[] Markets, double[] Weights);

    private List<Cell> Cells(PlanBounds bounds)
    {
        var markets = _model.MarketCodes.Count;
        var cells = new List<Cell>();
        for (var c = 0; c < _model.Channels.Count; c++)
        {
            var response = _model.Channels[c];
            var rest = new List<int>();
            for (var m = 0; m < markets; m++)
            {
                if (response.Markets[m].Own || bounds.Given[(c * markets) + m])
                {
                    cells.Add(new Cell(c, [m], [1.0]));
                }
                else
                {
                    rest.Add(m);
                }
            }

            if (rest.Count > 0)
            {
                var total = rest.Sum(m => response.Markets[m].Share);
                cells.Add(new Cell(c, [.. rest], [.. rest.Select(m => total > 0 ? response.Markets[m].Share / total : 1.0 / rest.Count)]));
            }
        }

        return cells;
    }

    /// <summary>
    /// Channel bounds default to ±50% of current (a channel with no current spend stays at 0 unless given bounds); a
    /// market's bounds (<c>channel@MARKET</c>) default to the channel's in proportion to its share of the channel's
    /// current spend, so without market bounds each market moves within ±50% of its own current spend.
    /// </summary>
    private PlanBounds Bounds(IReadOnlyDictionary<string, (double? Min, double? Max)>? given)
    {
        var channels = _model.Channels;
        var codes = _model.MarketCodes;
        var markets = codes.Count;
        var channelGiven = new Dictionary<int, (double? Min, double? Max)>();
        var cellGiven = new Dictionary<int, (double? Min, double? Max)>();
        foreach (var (key, value) in given ?? new Dictionary<string, (double?, double?)>())
        {
            var at = key.IndexOf('@', StringComparison.Ordinal);
            var channelKey = at < 0 ? key : key[..at];
            var c = channels.ToList().FindIndex(r => r.Channel == channelKey);
            if (c < 0)
            {
                throw new MetricsQueryException($"unknown channel '{channelKey}' in the bounds (known: {string.Join(", ", channels.Select(r => r.Channel))})");
            }

            if (at < 0)
            {
                channelGiven[c] = value;
                continue;
            }

            var m = codes.ToList().FindIndex(code => string.Equals(code, key[(at + 1)..], StringComparison.OrdinalIgnoreCase));
            if (m < 0)
            {
                throw new MetricsQueryException($"unknown market '{key[(at + 1)..]}' in the bounds of {channelKey} (markets planned: {string.Join(", ", codes)})");
            }

            cellGiven[(c * markets) + m] = value;
        }

        var b = new PlanBounds(new double[channels.Count], new double[channels.Count], new double[channels.Count * markets], new double[channels.Count * markets],
            [.. Enumerable.Range(0, channels.Count * markets).Select(cellGiven.ContainsKey)]);
        for (var c = 0; c < channels.Count; c++)
        {
            var current = channels[c].CurrentSpendUsd / _usdPerUnit;
            var (lo, hi) = channelGiven.TryGetValue(c, out var g) ? g : (null, null);
            b.ChannelMin[c] = lo ?? current * 0.5;
            b.ChannelMax[c] = hi ?? current * 1.5;
            Require(b.ChannelMin[c], b.ChannelMax[c], channels[c].Channel);
            for (var m = 0; m < markets; m++)
            {
                var i = (c * markets) + m;
                var share = channels[c].Markets[m].Share;
                var (cellLo, cellHi) = cellGiven.TryGetValue(i, out var cg) ? cg : (null, null);
                b.CellMin[i] = cellLo ?? share * b.ChannelMin[c];
                b.CellMax[i] = cellHi ?? share * b.ChannelMax[c];
                Require(b.CellMin[i], b.CellMax[i], $"{channels[c].Channel}@{codes[m]}");
            }

            var (sumLo, sumHi) = (b.CellMin.Skip(c * markets).Take(markets).Sum(), b.CellMax.Skip(c * markets).Take(markets).Sum());
            if (sumLo > b.ChannelMax[c] + 1e-9)
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                    $"{channels[c].Channel}: its markets' minimums add up to {sumLo:0.##}, above the channel's maximum {b.ChannelMax[c]:0.##}"));
            }

            if (sumHi < b.ChannelMin[c] - 1e-9)
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                    $"{channels[c].Channel}: its markets' maximums add up to {sumHi:0.##}, below the channel's minimum {b.ChannelMin[c]:0.##}"));
            }
        }

        return b;

        static void Require(double min, double max, string name)
        {
            if (!(min >= 0) || !(max >= min) || double.IsInfinity(max))
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture, $"{name}: the minimum {min:0.##} must be between 0 and the maximum {max:0.##}"));
            }
        }
    }

    private double[][] CurrentUsd() => [.. _model.Channels.Select(c => c.Markets.Select(m => m.CurrentSpendUsd).ToArray())];

    private double[][] Plan(IReadOnlyDictionary<string, double> spendPerDay)
    {
        var plan = CurrentUsd();
        var channels = _model.Channels;
        var codes = _model.MarketCodes;
        var totals = new Dictionary<int, double>();
        var fixedByChannel = new Dictionary<int, Dictionary<int, double>>();
        foreach (var (key, amount) in spendPerDay)
        {
            var at = key.IndexOf('@', StringComparison.Ordinal);
            var channelKey = at < 0 ? key : key[..at];
            var c = channels.ToList().FindIndex(r => r.Channel == channelKey);
            if (c < 0)
            {
                throw new MetricsQueryException($"unknown paid channel '{channelKey}' (known: {string.Join(", ", channels.Select(r => r.Channel))})");
            }

            if (!(amount >= 0) || double.IsInfinity(amount))
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture, $"{key}: spend per day must be zero or more, not {amount}"));
            }

            if (at < 0)
            {
                totals[c] = amount * _usdPerUnit;
                continue;
            }

            var m = codes.ToList().FindIndex(code => string.Equals(code, key[(at + 1)..], StringComparison.OrdinalIgnoreCase));
            if (m < 0)
            {
                throw new MetricsQueryException($"unknown market '{key[(at + 1)..]}' in the plan of {channelKey} (markets planned: {string.Join(", ", codes)})");
            }

            (fixedByChannel.TryGetValue(c, out var f) ? f : fixedByChannel[c] = [])[m] = amount * _usdPerUnit;
        }

        foreach (var c in totals.Keys.Union(fixedByChannel.Keys))
        {
            var given = fixedByChannel.GetValueOrDefault(c) ?? [];
            var response = channels[c];
            if (!totals.TryGetValue(c, out var total))
            {
                foreach (var (m, usd) in given)
                {
                    plan[c][m] = usd;
                }

                continue;
            }

            var rest = total - given.Values.Sum();
            if (rest < -1e-6 * Math.Max(1, total))
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                    $"{response.Channel}: its markets' amounts add up to {given.Values.Sum() / _usdPerUnit:0.##}, more than the channel's {total / _usdPerUnit:0.##}"));
            }

            var others = Enumerable.Range(0, codes.Count).Where(m => !given.ContainsKey(m)).ToList();
            var shares = others.Sum(m => response.Markets[m].Share);
            for (var m = 0; m < codes.Count; m++)
            {
                plan[c][m] = given.TryGetValue(m, out var usd) ? usd
                    : Math.Max(0, rest) * (shares > 0 ? response.Markets[m].Share / shares : 1.0 / others.Count);
            }
        }

        return plan;
    }

    /// <summary>The prediction for a plan in USD per day per channel and market; money out in the reporting currency.</summary>
    private ScenarioOutcome Outcome(double[][] planUsd, PlanningPeriod period, double[] season)
    {
        var channels = _model.Channels;
        var current = CurrentUsd();
        var days = period.Days;
        double incremental = 0, incrementalVar = 0, change = 0, changeVar = 0;

        // Actions per type over all channels (plan, and plan − current): the values' part of the band is aᵀ Σ a, since
        // channels that share a type share its value's error, and grouped types' errors offset.
        var types = _model.ValueCovariance.GetLength(0);
        var (typeActions, typeChange) = (new double[types], new double[types]);
        var intentChange = new double[Enum.GetValues<IntentGroup>().Length];
        var marginal = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var c = 0; c < channels.Count; c++)
        {
            var r = channels[c];
            if (r.Fit is null)
            {
                marginal[r.Channel] = null;
                continue;
            }

            var (plan, now) = (planUsd[c], current[c]);
            var actions = _model.Actions(c, plan, season, days);
            var nowActions = _model.Actions(c, now, season, days);

            var v = r.ValueUsd;
            for (var e = 0; e < types; e++)
            {
                typeActions[e] += actions * r.ValueWeights[e];
                typeChange[e] += (actions - nowActions) * r.ValueWeights[e];
            }

            // Delta method on the curves (the values' part is summed over channels below).
            var curveVar = CurveBand.Variance(r, (m, curve) => curve.Steady(plan[m], _model.Scale(m), season[m]) * days);
            var curveChangeVar = CurveBand.Variance(r, (m, curve) =>
                (curve.Steady(plan[m], _model.Scale(m), season[m]) - curve.Steady(now[m], _model.Scale(m), season[m])) * days);
            incremental += v * actions;
            incrementalVar += v * v * curveVar;
            change += v * (actions - nowActions);
            changeVar += v * v * curveChangeVar;
            for (var g = 0; g < intentChange.Length; g++)
            {
                intentChange[g] += (actions - nowActions) * r.IntentShares[g];
            }

            marginal[r.Channel] = MarginalRoiUsd(c, plan, days, season);
        }

        incrementalVar += CurveBand.Quadratic(typeActions, _model.ValueCovariance);
        changeVar += CurveBand.Quadratic(typeChange, _model.ValueCovariance);
        var baseline = _model.Baseline(_model.Revenue, period);
        var baselineSd = baseline * _model.BaselineError(_model.Revenue);
        var spend = planUsd.Sum(p => p.Sum()) * days;
        var incrementalSd = Math.Sqrt(incrementalVar);
        var predictedSd = Math.Sqrt((baselineSd * baselineSd) + changeVar);
        var roi = new Estimate(spend > 0 ? ((incremental * _model.Margin) - spend) / spend : 0,
            spend > 0 ? (((incremental - (Z90 * incrementalSd)) * _model.Margin) - spend) / spend : 0,
            spend > 0 ? (((incremental + (Z90 * incrementalSd)) * _model.Margin) - spend) / spend : 0);
        var intents = Enum.GetValues<IntentGroup>().ToDictionary(g => g.ToString().ToLowerInvariant(),
            g => Math.Max(0, _model.Baseline((m, t) => _model.IntentActions(m, (int)g, t), period) + intentChange[(int)g]), StringComparer.Ordinal);
        double Out(double usd) => usd / _usdPerUnit;
        return new ScenarioOutcome(
            channels.Select((r, c) => (r.Channel, planUsd[c].Sum())).ToDictionary(p => p.Channel, p => Out(p.Item2), StringComparer.Ordinal),
            new Estimate(Out(baseline + change), Out(baseline + change - (Z90 * predictedSd)), Out(baseline + change + (Z90 * predictedSd))),
            new Estimate(Out(incremental), Out(incremental - (Z90 * incrementalSd)), Out(incremental + (Z90 * incrementalSd))),
            roi, intents, marginal);
    }
}

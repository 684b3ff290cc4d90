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

    /// <summary>Channels not named keep their current spend.</summary>
    /// <exception cref="MetricsQueryException">An unknown channel or a negative amount.</exception>
    public ScenarioResult Scenario(IReadOnlyDictionary<string, double> spendPerDay, PlanningPeriod period)
    {
        ArgumentNullException.ThrowIfNull(spendPerDay);
        var plan = Plan(spendPerDay);
        var season = _model.SeasonFor(period);
        return new ScenarioResult(period, Currency, Outcome(plan, period, season), Outcome(CurrentUsd(), period, season), _model.Notes);
    }

    /// <summary>The channel's predicted incremental revenue over the period (reporting currency) at a spend per day (reporting currency).</summary>
    public double IncrementalRevenue(int channel, double spendPerDay, PlanningPeriod period, double[] season)
    {
        ArgumentNullException.ThrowIfNull(period);
        var response = _model.Channels[channel];
        return response.Fit is null ? 0
            : response.ValueUsd * _model.Actions(channel, response.Fit.Curve, spendPerDay * _usdPerUnit, season, period.Days) / _usdPerUnit;
    }

    public double[] SeasonFor(PlanningPeriod period) => _model.SeasonFor(period);

    /// <summary>
    /// Margin × the slope of the channel's revenue at a spend per day (reporting currency), minus 1: above 0 the next
    /// unit pays back. Null for a channel without a curve.
    /// </summary>
    public double? MarginalRoi(int channel, double spendPerDay, PlanningPeriod period, double[] season)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (_model.Channels[channel].Fit is null)
        {
            return null;
        }

        var h = Math.Max(1 / _usdPerUnit, spendPerDay * 0.01);
        var low = Math.Max(0, spendPerDay - h);
        var slope = (IncrementalRevenue(channel, spendPerDay + h, period, season) - IncrementalRevenue(channel, low, period, season)) / (spendPerDay + h - low);
        return (_model.Margin * slope / period.Days) - 1;
    }

    /// <exception cref="MetricsQueryException">An infeasible request, naming the bound or target that makes it so.</exception>
    public OptimizeResult Optimize(OptimizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channels = _model.Channels;
        var period = request.Period;
        var season = _model.SeasonFor(period);
        var current = channels.Select(c => c.CurrentSpendUsd / _usdPerUnit).ToArray();
        var (min, max) = Bounds(request.Bounds, current);
        var f = channels.Select((_, c) => (Func<double, double>)(x => IncrementalRevenue(c, x, period, season))).ToArray();
        var notes = new List<string>(_model.Notes);
        double[] x;
        switch (request.Mode)
        {
            case OptimizeMode.Revenue or OptimizeMode.Profit:
                var budget = request.BudgetPerDay ?? throw new MetricsQueryException("this mode needs a budget per day");
                if (budget > max.Sum())
                {
                    notes.Add(Money($"the channels' maximums add up to {max.Sum():N0}, so {budget - max.Sum():N0} of the {budget:N0} per day cannot be spent: raise the maximums to spend it"));
                    budget = max.Sum();
                }

                // Profit: a step is worth taking while its return × margin pays for it over the period.
                Func<double, bool>? worth = request.Mode == OptimizeMode.Profit ? rate => rate / period.Days * _model.Margin > 1 : null;
                x = BudgetOptimizer.Allocate(f, min, max, budget, worth);
                if (request.Mode == OptimizeMode.Profit && x.Sum() < budget * 0.999)
                {
                    notes.Add(Money($"{budget - x.Sum():N0} of the budget per day is left unspent: no channel's next unit pays back at a {_model.Margin:P0} margin"));
                }

                break;
            case OptimizeMode.TargetRevenue:
                var target = (request.TargetRevenuePerDay ?? throw new MetricsQueryException("give a target revenue per day")) * period.Days;
                var baseline = Outcome(CurrentUsd(), period, season).PredictedRevenue.Value;
                var now = f.Select((g, c) => g(current[c])).Sum();
                double Revenue(double[] a) => baseline - now + f.Select((g, c) => g(a[c])).Sum();
                var path = BudgetOptimizer.Path(f, min, max);
                var reach = path.FirstOrDefault(p => Revenue(p.Allocation) >= target);
                if (reach.Allocation is null)
                {
                    throw new MetricsQueryException(Money(
                        $"the target of {target / period.Days:N0} per day is out of reach: with every channel at its maximum ({max.Sum():N0} per day) the prediction is {Revenue(path[^1].Allocation) / period.Days:N0} per day; raise the maximums or lower the target"));
                }

                x = BudgetOptimizer.Allocate(f, min, max, reach.Budget);
                break;
            case OptimizeMode.RoasFloor:
                var floor = request.RoasFloor ?? throw new MetricsQueryException("give a ROAS floor");
                double Roas(double[] a) => a.Sum() > 0 ? f.Select((g, c) => g(a[c])).Sum() / (a.Sum() * period.Days) : 0;
                var steps = BudgetOptimizer.Path(f, min, max);

                // Not monotone: below an S-curve's steep part, a smaller budget can return less per unit.
                var keeping = steps.Where(p => Roas(p.Allocation) >= floor).ToList();
                if (keeping.Count == 0)
                {
                    var top = steps.MaxBy(p => Roas(p.Allocation));
                    throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                        $"the ROAS floor of {floor:0.##} is out of reach: the highest predicted ROAS within the bounds is {Roas(top.Allocation):0.##}, at {top.Budget:N0} {Currency} per day; lower the floor or widen the bounds"));
                }

                var largest = keeping[^1];
                x = BudgetOptimizer.Allocate(f, min, max, largest.Budget);
                break;
            default:
                throw new MetricsQueryException($"unknown mode {request.Mode}");
        }

        var predicted = Outcome([.. x.Select(v => v * _usdPerUnit)], period, season);
        var lines = channels.Select((c, i) => new AllocationLine(c.Channel, c.Name, current[i], x[i], min[i], max[i],
            max[i] - min[i] < 1e-9 ? (x[i] > 0 ? "max" : "min") : x[i] <= min[i] + Tolerance(max[i]) ? "min" : x[i] >= max[i] - Tolerance(max[i]) ? "max" : null,
            predicted.MarginalRoi[c.Channel])).ToList();
        return new OptimizeResult(request.Mode, x.Sum(), period, Currency, lines, predicted, Outcome(CurrentUsd(), period, season), notes);
    }

    private static double Tolerance(double max) => Math.Max(1e-6, max * 2e-3);

    private string Money(FormattableString text) => text.ToString(CultureInfo.InvariantCulture) + " " + Currency;

    /// <summary>Default bounds ±50% of current; a channel with no current spend stays at 0 unless given bounds.</summary>
    private (double[] Min, double[] Max) Bounds(IReadOnlyDictionary<string, (double? Min, double? Max)>? given, double[] current)
    {
        var channels = _model.Channels;
        foreach (var key in given?.Keys ?? [])
        {
            if (channels.All(c => c.Channel != key))
            {
                throw new MetricsQueryException($"unknown channel '{key}' in the bounds (known: {string.Join(", ", channels.Select(c => c.Channel))})");
            }
        }

        var min = new double[channels.Count];
        var max = new double[channels.Count];
        for (var c = 0; c < channels.Count; c++)
        {
            var (lo, hi) = given is not null && given.TryGetValue(channels[c].Channel, out var b) ? b : (null, null);
            min[c] = lo ?? current[c] * 0.5;
            max[c] = hi ?? current[c] * 1.5;
            if (min[c] < 0 || max[c] < min[c])
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                    $"{channels[c].Channel}: the minimum {min[c]:0.##} must be between 0 and the maximum {max[c]:0.##}"));
            }
        }

        return (min, max);
    }

    private double[] CurrentUsd() => [.. _model.Channels.Select(c => c.CurrentSpendUsd)];

    private double[] Plan(IReadOnlyDictionary<string, double> spendPerDay)
    {
        var plan = CurrentUsd();
        foreach (var (key, amount) in spendPerDay)
        {
            var c = _model.Channels.ToList().FindIndex(r => r.Channel == key);
            if (c < 0)
            {
                throw new MetricsQueryException($"unknown paid channel '{key}' (known: {string.Join(", ", _model.Channels.Select(r => r.Channel))})");
            }

            if (!(amount >= 0) || double.IsInfinity(amount))
            {
                throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture, $"{key}: spend per day must be zero or more, not {amount}"));
            }

            plan[c] = amount * _usdPerUnit;
        }

        return plan;
    }

    /// <summary>The prediction for a plan in USD per day; money out in the reporting currency.</summary>
    private ScenarioOutcome Outcome(double[] planUsd, PlanningPeriod period, double[] season)
    {
        var channels = _model.Channels;
        var current = CurrentUsd();
        var days = period.Days;
        double incremental = 0, incrementalVar = 0, change = 0, changeVar = 0;
        var intentChange = new double[Enum.GetValues<IntentGroup>().Length];
        var marginal = new Dictionary<string, double?>(StringComparer.Ordinal);
        for (var c = 0; c < channels.Count; c++)
        {
            var r = channels[c];
            if (r.Fit is not { } fit)
            {
                marginal[r.Channel] = null;
                continue;
            }

            double Actions(Planning.HillCurve curve, double x) => _model.Actions(c, curve, x, season, days);
            var actions = Actions(fit.Curve, planUsd[c]);
            var now = Actions(fit.Curve, current[c]);
            var gradient = new double[fit.Theta.Length];
            var gradientChange = new double[fit.Theta.Length];
            for (var p = 0; p < fit.Theta.Length; p++)
            {
                const double H = 1e-4;
                var up = (double[])fit.Theta.Clone();
                var down = (double[])fit.Theta.Clone();
                (up[p], down[p]) = (up[p] + H, down[p] - H);
                var (cu, cd) = (CurveFit.FromTheta(up), CurveFit.FromTheta(down));
                gradient[p] = (Actions(cu, planUsd[c]) - Actions(cd, planUsd[c])) / (2 * H);
                gradientChange[p] = (Actions(cu, planUsd[c]) - Actions(cu, current[c]) - Actions(cd, planUsd[c]) + Actions(cd, current[c])) / (2 * H);
            }

            var (v, sv) = (r.ValueUsd, r.ValueStandardError);
            incremental += v * actions;
            incrementalVar += (v * v * Quadratic(gradient, fit.Covariance)) + (actions * actions * sv * sv);
            change += v * (actions - now);
            changeVar += (v * v * Quadratic(gradientChange, fit.Covariance)) + Math.Pow((actions - now) * sv, 2);
            for (var g = 0; g < intentChange.Length; g++)
            {
                intentChange[g] += (actions - now) * r.IntentShares[g];
            }

            marginal[r.Channel] = MarginalRoi(c, planUsd[c] / _usdPerUnit, period, season);
        }

        var baseline = _model.Baseline(_model.Revenue, period);
        var baselineSd = baseline * _model.BaselineError(_model.Revenue);
        var spend = planUsd.Sum() * days;
        var incrementalSd = Math.Sqrt(incrementalVar);
        var predictedSd = Math.Sqrt((baselineSd * baselineSd) + changeVar);
        var roi = new Estimate(spend > 0 ? ((incremental * _model.Margin) - spend) / spend : 0,
            spend > 0 ? (((incremental - (Z90 * incrementalSd)) * _model.Margin) - spend) / spend : 0,
            spend > 0 ? (((incremental + (Z90 * incrementalSd)) * _model.Margin) - spend) / spend : 0);
        var intents = Enum.GetValues<IntentGroup>().ToDictionary(g => g.ToString().ToLowerInvariant(),
            g => Math.Max(0, _model.Baseline((m, t) => _model.IntentActions(m, (int)g, t), period) + intentChange[(int)g]), StringComparer.Ordinal);
        double Out(double usd) => usd / _usdPerUnit;
        return new ScenarioOutcome(
            channels.Select((r, c) => (r.Channel, planUsd[c])).ToDictionary(p => p.Channel, p => Out(p.Item2), StringComparer.Ordinal),
            new Estimate(Out(baseline + change), Out(baseline + change - (Z90 * predictedSd)), Out(baseline + change + (Z90 * predictedSd))),
            new Estimate(Out(incremental), Out(incremental - (Z90 * incrementalSd)), Out(incremental + (Z90 * incrementalSd))),
            roi, intents, marginal);
    }

    private static double Quadratic(double[] g, double[,] covariance)
    {
        var sum = 0.0;
        for (var i = 0; i < g.Length; i++)
        {
            for (var j = 0; j < g.Length; j++)
            {
                sum += g[i] * covariance[i, j] * g[j];
            }
        }

        return sum;
    }
}

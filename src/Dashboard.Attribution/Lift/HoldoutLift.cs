using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Lift;

/// <summary>One day of a holdout test's series: the outcome summed over the test markets and over the control markets.</summary>
public sealed record LiftDay(DateOnly Date, double Test, double Control);

/// <summary>The answer for one holdout test (API.md "dashboard lift").</summary>
public sealed record HoldoutLiftResult(
    HoldoutTestDefinition Definition,
    string Outcome,
    string? Currency,
    DateOnly PreStart,
    DateOnly PreEnd,
    double Lift,
    double Low,
    double High,
    double Incremental,
    double IncrementalLow,
    double IncrementalHigh,
    double Interval,
    bool Significant,
    int BootstrapSamples,
    LiftSums Sums,
    IReadOnlyList<LiftDay> Series);

/// <summary>The four sums the lift is computed from: each group in the pre-period and in the test period.</summary>
public sealed record LiftSums(double TestPre, double TestTest, double ControlPre, double ControlTest)
{
    /// <summary>How much the test markets changed from the pre-period to the test period (the lift's numerator, minus 1).</summary>
    public double TestChange => (TestTest / TestPre) - 1;

    public double ControlChange => (ControlTest / ControlPre) - 1;
}

/// <summary>
/// Difference-in-differences of a geo holdout test (METRICS.md "Holdout / geo-lift tests"): the outcome summed over
/// each group's markets at constant exchange rates (those of the test's first month, so currency moves cannot pose as
/// lift), the pre-period being the same number of days just before the test.
/// lift = (test_test / test_pre) / (control_test / control_pre) − 1; incremental = test_test − test_pre × control_test / control_pre.
/// The 90% interval is a block bootstrap over weeks: whole weeks of each period are resampled with replacement, the
/// same weeks for both groups (they share the calendar), with a fixed seed so an answer never changes between runs.
/// </summary>
public static class HoldoutLift
{
    public const string RevenueOutcome = "revenue";
    public const double IntervalLevel = 0.9;
    public const int Samples = 2000;
    private const int Seed = 20_240_601;

    public static IReadOnlyList<HoldoutTestDefinition> Tests(FactSnapshot snapshot, AccessScope scope) =>
        [.. snapshot.HoldoutTests.Where(t => HiddenProblem(t, scope) is null)];

    public static HoldoutLiftResult Run(FactSnapshot snapshot, string test, string outcome, AccessScope scope, string currency = "USD")
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(scope);
        var definition = snapshot.HoldoutTests.FirstOrDefault(t => string.Equals(t.Test, test, StringComparison.Ordinal))
            ?? throw new MetricsQueryException($"'{test}' is not a holdout test (known: {string.Join(", ", snapshot.HoldoutTests.Select(t => t.Test))})");
        if (HiddenProblem(definition, scope) is { } problem)
        {
            throw new MetricsQueryException(problem);
        }

        if (definition.TestMarkets.Count == 0 || definition.ControlMarkets.Count == 0)
        {
            throw new MetricsQueryException($"holdout test '{test}' needs at least one test and one control market");
        }

        var days = definition.End.DayNumber - definition.Start.DayNumber + 1;
        var preStart = definition.Start.AddDays(-days);
        var group = new int[snapshot.Reference.Markets.Count];
        Array.Fill(group, -1);
        foreach (var (markets, g) in new[] { (definition.TestMarkets, 0), (definition.ControlMarkets, 1) })
        {
            foreach (var code in markets)
            {
                group[snapshot.Reference.MarketByCode[code]] = g;
            }
        }

        var isRevenue = string.Equals(outcome, RevenueOutcome, StringComparison.Ordinal);
        var series = new double[2][] { new double[2 * days], new double[2 * days] };
        if (isRevenue)
        {
            RevenueSeries(snapshot, definition, preStart, group, currency.ToUpperInvariant(), series);
        }
        else
        {
            EventSeries(snapshot, outcome, preStart, group, series);
        }

        var (testPre, testTest) = (Sum(series[0], 0, days), Sum(series[0], days, days));
        var (controlPre, controlTest) = (Sum(series[1], 0, days), Sum(series[1], days, days));
        if (!(testPre > 0 && controlPre > 0 && controlTest > 0))
        {
            throw new MetricsQueryException($"holdout test '{test}' has no {outcome} in a group's pre-period or the control's test period: no lift can be computed");
        }

        var lift = (testTest / testPre / (controlTest / controlPre)) - 1;
        var incremental = testTest - (testPre * controlTest / controlPre);
        var (lifts, increments) = Bootstrap(series, days);
        var (low, high) = (Quantiles.Of(lifts, (1 - IntervalLevel) / 2), Quantiles.Of(lifts, 1 - ((1 - IntervalLevel) / 2)));
        var days2 = Enumerable.Range(0, 2 * days).Select(i => new LiftDay(preStart.AddDays(i), series[0][i], series[1][i])).ToList();
        return new HoldoutLiftResult(definition, outcome, isRevenue ? currency.ToUpperInvariant() : null, preStart, definition.Start.AddDays(-1),
            lift, low, high, incremental, Quantiles.Of(increments, 0.05), Quantiles.Of(increments, 0.95), IntervalLevel, low > 0 || high < 0, Samples,
            new LiftSums(testPre, testTest, controlPre, controlTest), days2);
    }

    /// <summary>
    /// Group sums reveal their markets: a test is shown only when each group's markets are in the user's scope, or
    /// its hidden markets are at least three (the pooling rule of METRICS.md "Access").
    /// </summary>
    private static string? HiddenProblem(HoldoutTestDefinition test, AccessScope scope)
    {
        foreach (var (name, markets) in new[] { ("test", test.TestMarkets), ("control", test.ControlMarkets) })
        {
            var hidden = markets.Count(m => !scope.Allows(m));
            if (hidden is > 0 and < AccessScope.MinimumPooledHiddenMarkets)
            {
                return $"holdout test '{test.Test}': its {name} group holds {hidden} market(s) outside your access, which its figures would reveal";
            }
        }

        return null;
    }

    private static void RevenueSeries(FactSnapshot snapshot, HoldoutTestDefinition definition, DateOnly preStart, int[] group, string currency, double[][] series)
    {
        var month = FxRates.MonthIndex(definition.Start);
        var target = snapshot.Fx.Resolve(currency, month);
        var factors = snapshot.Reference.Currencies.Select(c => snapshot.Fx.Resolve(c, month)).Select(r =>
            r.Source == FxRateSource.Missing || target.Source == FxRateSource.Missing ? double.NaN : r.UsdPerUnit / target.UsdPerUnit / 10_000.0).ToArray();
        var sales = snapshot.Sales;
        var (start, end) = sales.Slice(preStart.DayNumber, definition.End.DayNumber);
        for (var i = start; i < end; i++)
        {
            var g = group[sales.Market[i]];
            if (g < 0)
            {
                continue;
            }

            var factor = factors[sales.Currency[i]];
            if (double.IsNaN(factor))
            {
                throw new MetricsQueryException($"no {snapshot.Reference.Currencies[sales.Currency[i]]} or {currency} rate for {FxRates.MonthKey(month)} or before: the test's revenue cannot be put at constant rates");
            }

            series[g][sales.Day[i] - preStart.DayNumber] += sales.Revenue[i] * factor;
        }
    }

    private static void EventSeries(FactSnapshot snapshot, string outcome, DateOnly preStart, int[] group, double[][] series)
    {
        var events = snapshot.Reference.Events;
        var code = Enumerable.Range(0, events.Count).FirstOrDefault(e => events[e].Key == outcome, -1);
        if (code < 0)
        {
            throw new MetricsQueryException($"outcome '{outcome}' is not revenue or a micro-conversion (known: {string.Join(", ", events.Select(e => e.Key))})");
        }

        var micro = snapshot.MicroConversions;
        var (start, end) = micro.Slice(preStart.DayNumber, preStart.DayNumber + series[0].Length - 1);
        for (var i = start; i < end; i++)
        {
            var g = group[micro.Market[i]];
            if (g >= 0 && micro.Event[i] == code)
            {
                series[g][micro.Day[i] - preStart.DayNumber] += micro.Actions[i];
            }
        }
    }

    private static (double[] Lifts, double[] Increments) Bootstrap(double[][] series, int days)
    {
        var weeks = (days + 6) / 7;
        double BlockSum(double[] s, int period, int week)
        {
            var from = (period * days) + (week * 7);
            return Sum(s, from, Math.Min(7, (period * days) + days - from));
        }

        var blocks = new double[2, 2, weeks];
        for (var g = 0; g < 2; g++)
        {
            for (var period = 0; period < 2; period++)
            {
                for (var w = 0; w < weeks; w++)
                {
                    blocks[g, period, w] = BlockSum(series[g], period, w);
                }
            }
        }

        var random = new Random(Seed);
        var lifts = new double[Samples];
        var increments = new double[Samples];
        var sums = new double[2, 2];
        for (var b = 0; b < Samples; b++)
        {
            Array.Clear(sums);
            for (var period = 0; period < 2; period++)
            {
                for (var k = 0; k < weeks; k++)
                {
                    var w = random.Next(weeks);
                    sums[0, period] += blocks[0, period, w];
                    sums[1, period] += blocks[1, period, w];
                }
            }

            lifts[b] = (sums[0, 1] / sums[0, 0] / (sums[1, 1] / sums[1, 0])) - 1;
            increments[b] = sums[0, 1] - (sums[0, 0] * sums[1, 1] / sums[1, 0]);
        }

        return (lifts, increments);
    }

    private static double Sum(double[] values, int from, int count)
    {
        var sum = 0.0;
        for (var i = from; i < from + count; i++)
        {
            sum += values[i];
        }

        return sum;
    }
}

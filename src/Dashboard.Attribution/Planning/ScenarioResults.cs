namespace Dashboard.Attribution.Planning;

/// <summary>A prediction with its 90% interval.</summary>
public sealed record Estimate(double Value, double Low, double High)
{
    /// <summary>The same amounts in USD read in a currency worth <paramref name="usdPerUnit"/> USD a unit.</summary>
    public Estimate In(double usdPerUnit) => new(Value / usdPerUnit, Low / usdPerUnit, High / usdPerUnit);
}

/// <summary>What a spend plan is predicted to bring over the period (money in the reporting currency, totals over the period).</summary>
public sealed record ScenarioOutcome(
    IReadOnlyDictionary<string, double> SpendPerDay,
    Estimate PredictedRevenue,
    Estimate IncrementalRevenue,
    Estimate IncrementalRoi,
    IReadOnlyDictionary<string, double> MicroConversionsByIntent,
    IReadOnlyDictionary<string, double?> MarginalRoi)
{
    public double TotalSpendPerDay => SpendPerDay.Values.Sum();
}

/// <summary>A scenario against the current plan.</summary>
public sealed record ScenarioResult(PlanningPeriod Period, string Currency, ScenarioOutcome Predicted, ScenarioOutcome Baseline, IReadOnlyList<string> Notes);

public enum OptimizeMode
{
    /// <summary>Most predicted revenue for the budget.</summary>
    Revenue,

    /// <summary>Most predicted profit (revenue × margin − spend) with at most the budget: money that would not pay back stays unspent.</summary>
    Profit,

    /// <summary>The smallest budget whose predicted revenue reaches a target.</summary>
    TargetRevenue,

    /// <summary>The largest budget whose incremental ROAS stays at or above a floor.</summary>
    RoasFloor,
}

/// <summary>
/// What to optimise; money per day in the reporting currency; bounds by channel key or <c>channel@MARKET</c> (a missing
/// side takes the default: ±50% of current for a channel, the channel's bounds in proportion to current spend for a market).
/// </summary>
public sealed record OptimizeRequest(
    OptimizeMode Mode,
    PlanningPeriod Period,
    double? BudgetPerDay = null,
    double? TargetRevenuePerDay = null,
    double? RoasFloor = null,
    IReadOnlyDictionary<string, (double? Min, double? Max)>? Bounds = null);

/// <summary>A channel's recommended spend per day with its bounds, and the same per market.</summary>
/// <param name="Binding">"min", "max" or null.</param>
public sealed record AllocationLine(string Channel, string Name, double Current, double Recommended, double Min, double Max, string? Binding, double? MarginalRoi,
    IReadOnlyList<MarketAllocation> Markets);

/// <param name="OwnCurve">Whether the market's curve is its own (shrunk toward the channel's pool) rather than the pool's.</param>
public sealed record MarketAllocation(string Market, double Current, double Recommended, double Min, double Max, string? Binding, double? MarginalRoi, bool OwnCurve);

public sealed record OptimizeResult(
    OptimizeMode Mode,
    double BudgetPerDay,
    PlanningPeriod Period,
    string Currency,
    IReadOnlyList<AllocationLine> Allocation,
    ScenarioOutcome Predicted,
    ScenarioOutcome Baseline,
    IReadOnlyList<string> Notes);

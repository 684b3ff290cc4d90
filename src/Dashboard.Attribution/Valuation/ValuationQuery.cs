using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution.Valuation;

/// <summary>What to value micro-conversions on: the days and markets whose daily data the regression reads.</summary>
public sealed record ValuationQuery
{
    /// <summary>The days to fit on; null = every day with sales.</summary>
    public DateRange? Range { get; init; }

    public required AccessScope Scope { get; init; }

    /// <summary>Market and region filters.</summary>
    public IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<Dimension, IReadOnlyList<string>>();

    /// <summary>An action may move sales on its own day and this many days after it.</summary>
    public int MaxLagDays { get; init; } = 14;

    public string Currency { get; init; } = "USD";

    /// <summary>Width of the reported interval (0.9 = from the 5th to the 95th percentile).</summary>
    public double Interval { get; init; } = 0.9;
}

/// <summary>One micro-conversion's value: revenue of one more action, summed over the days it acts, with its interval.</summary>
public sealed record EventValue(string Event, string Name, double? Value, double? Low, double? High, double? StandardError, long Volume, string? AbsentReason)
{
    /// <summary>Volume × value: what this type's actions in the fitted scope were worth.</summary>
    public double? EngagementValue => Value * Volume;
}

public sealed record ValuationResult(
    string Currency,
    double Interval,
    DateRange Range,
    int Observations,
    int Markets,
    double RSquared,
    IReadOnlyList<EventValue> Events,
    double? EngagementValue,
    double? EngagementLow,
    double? EngagementHigh,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// The same valuation in another currency, at the rate of the fitted period's last month (as a valuation asked in
    /// that currency would be), so a page need not refit to show a user's reporting currency.
    /// </summary>
    public ValuationResult ConvertedTo(string currency, FxRates fx)
    {
        ArgumentNullException.ThrowIfNull(fx);
        var month = FxRates.MonthIndex(Range.To);
        var from = fx.Resolve(Currency, month);
        var to = fx.Resolve(currency.ToUpperInvariant(), month);
        if (from.Source == FxRateSource.Missing || to.Source == FxRateSource.Missing)
        {
            throw new MetricsQueryException($"'{currency}' has no exchange rates: pick a currency with rates");
        }

        var factor = from.UsdPerUnit / to.UsdPerUnit;
        return this with
        {
            Currency = currency.ToUpperInvariant(),
            Events = [.. Events.Select(e => e with { Value = e.Value * factor, Low = e.Low * factor, High = e.High * factor, StandardError = e.StandardError * factor })],
            EngagementValue = EngagementValue * factor,
            EngagementLow = EngagementLow * factor,
            EngagementHigh = EngagementHigh * factor,
        };
    }
}

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
    public int MaxLagDays { get; init; } = DefaultMaxLagDays;

    public const int DefaultMaxLagDays = 41;

    /// <summary>The method's choices; the product always uses the defaults (the study compares others).</summary>
    public ValuationSettings Settings { get; init; } = ValuationSettings.Default;

    public string Currency { get; init; } = "USD";

    /// <summary>Width of the reported interval (0.9 = from the 5th to the 95th percentile).</summary>
    public double Interval { get; init; } = 0.9;
}

/// <summary>
/// One micro-conversion's value: revenue of one more action, summed over the days it acts, with its interval. A type
/// the data cannot separate from others (<see cref="Identified"/> false) keeps its own estimate with its wide interval;
/// its group (<see cref="ValuationResult.Groups"/>) holds the value the data do fix.
/// </summary>
public sealed record EventValue(string Event, string Name, double? Value, double? Low, double? High, double? StandardError, long Volume, string? AbsentReason)
{
    /// <summary>Whether the data separate this type's value from the others'.</summary>
    public bool Identified { get; init; } = true;

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
    /// <summary>"evidence", or "no_evidence" when no value differs from 0 jointly and the engagement value's interval holds 0.</summary>
    public string Verdict { get; init; } = Verdicts.NoEvidence;

    /// <summary>Types whose values the data cannot separate, each group with its value per action at its mix.</summary>
    public IReadOnlyList<ValueGroup> Groups { get; init; } = [];

    /// <summary>
    /// The values' covariance (currency² per action²) in the order of <see cref="Events"/>, 0 for a type not valued, so
    /// what sums values (a channel's mix, a plan over channels that share types) can carry their correlations.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> Covariance { get; init; } = [];

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
            Groups = [.. Groups.Select(g => g with { Value = g.Value * factor, Low = g.Low * factor, High = g.High * factor })],
            EngagementValue = EngagementValue * factor,
            EngagementLow = EngagementLow * factor,
            EngagementHigh = EngagementHigh * factor,
            Covariance = [.. Covariance.Select(row => (IReadOnlyList<double>)[.. row.Select(c => c * factor * factor)])],
        };
    }
}

/// <summary>The valuation's verdicts (API.md).</summary>
public static class Verdicts
{
    public const string Evidence = "evidence";
    public const string NoEvidence = "no_evidence";
}

/// <summary>
/// Types the data cannot value apart (they move together): their value per action at the group's mix of actions
/// (Σ volume × value / Σ volume), which the data do fix, with its interval.
/// </summary>
public sealed record ValueGroup(IReadOnlyList<string> Events, double Value, double Low, double High, long Volume)
{
    /// <summary>What the group's actions in the fitted scope were worth.</summary>
    public double EngagementValue => Value * Volume;
}

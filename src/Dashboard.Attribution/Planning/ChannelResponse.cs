namespace Dashboard.Attribution.Planning;

/// <summary>
/// One paid channel as the planner sees it: its pooled fitted curve (null when the data cannot support one, with the
/// reason), each market's curve (the pool's, or its own shrunk toward it), the fit's quality on the held-back final
/// 10% of days (with the market curves, and with the pooled curve alone for comparison), what one of its tracked
/// actions is worth (its mix of types × the valuation's values, USD; <see cref="ValueWeights"/> holds the mix, 0 for a
/// type valued at 0 for planning, so a plan's band can carry the values' covariance across channels), its actions'
/// intent mix, and its current spend per day (USD, last 90 days).
/// </summary>
public sealed record ChannelResponse(
    string Channel,
    string Name,
    CurveFit? Fit,
    string? AbsentReason,
    double? RSquared,
    double? Mape,
    double? PooledRSquared,
    double? PooledMape,
    double ValueUsd,
    IReadOnlyList<double> ValueWeights,
    IReadOnlyList<double> IntentShares,
    double CurrentSpendUsd,
    IReadOnlyList<MarketCurve> Markets)
{
    /// <summary>
    /// What one action is worth with every type at its estimated value, below 0 included, and its standard error:
    /// what the incremental figures read, since valuing a type at 0 because its estimate fell below biases them up
    /// (the planner keeps <see cref="ValueUsd"/>, which never pays for an action).
    /// </summary>
    public (double Value, double StandardError) Estimated { get; init; }

    /// <summary>Each type's share of the channel's tracked actions (reference event order), below-0 types included.</summary>
    public IReadOnlyList<double> Mix { get; init; } = [];

    /// <summary>The channel as fitted on its data alone, before any geo test calibrated it (null when none did).</summary>
    public ChannelResponse? Uncalibrated { get; init; }

    /// <summary>The geo tests that calibrated the curve, in the order applied.</summary>
    public IReadOnlyList<string> CalibratedBy { get; init; } = [];

    /// <summary>Each market's share of the channel's current spend (in the model's market order).</summary>
    public IReadOnlyList<double> MarketShares => [.. Markets.Select(m => m.Share)];

    /// <summary>How many markets have a curve of their own.</summary>
    public int OwnCurves => Markets.Count(m => m.Own);
}

namespace Dashboard.Attribution.Planning;

/// <summary>
/// One paid channel as the planner sees it: its fitted curve (null when the data cannot support one, with the reason),
/// the fit's quality on the held-back final 10% of days, what one of its tracked actions is worth (its mix of types ×
/// the valuation's values, USD), its actions' intent mix, and its current spend per day (USD, last 90 days) with each
/// market's share of it.
/// </summary>
public sealed record ChannelResponse(
    string Channel,
    string Name,
    CurveFit? Fit,
    string? AbsentReason,
    double? RSquared,
    double? Mape,
    double ValueUsd,
    double ValueStandardError,
    IReadOnlyList<double> IntentShares,
    double CurrentSpendUsd,
    IReadOnlyList<double> MarketShares);

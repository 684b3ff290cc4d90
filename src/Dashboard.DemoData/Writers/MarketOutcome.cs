namespace Dashboard.DemoData.Writers;

/// <summary>
/// What one market's simulation added up to, in USD over the data range (for the truth's summary and holdout); per
/// paid channel and truth period (<see cref="Truth.TruthPeriod.Within"/>), its spend and what that spend added.
/// </summary>
internal sealed record MarketOutcome(
    string Market,
    double RevenueUsd,
    double MediaRevenueUsd,
    double OrganicActionRevenueUsd,
    double SpendUsd,
    double TestPeriodRevenueWithUsd,
    double TestPeriodRevenueWithoutUsd,
    double[][] PeriodSpendUsd,
    double[][] PeriodIncrementUsd);

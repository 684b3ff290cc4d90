namespace Dashboard.DemoData.Writers;

/// <summary>What one market's simulation added up to, in USD over the data range (for the truth's summary and holdout).</summary>
internal sealed record MarketOutcome(
    string Market,
    double RevenueUsd,
    double MediaRevenueUsd,
    double OrganicActionRevenueUsd,
    double SpendUsd,
    double TestPeriodRevenueWithUsd,
    double TestPeriodRevenueWithoutUsd);

using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>
/// A market's planted scale and habits. Size is a population-ish factor: base revenue, spend and
/// action caps all scale with it, so curve parameters are comparable across markets.
/// </summary>
internal sealed record MarketProfile(
    Market Market,
    int Index,
    double Size,
    double BaseRevenueUsdPerDay,
    double AverageOrderUsd,
    double ItemsPerOrder,
    double AnnualGrowth,
    double NonPurchaseShare,
    bool ReportsNonPurchaseSessions,
    bool LeavesSourceEmpty,
    IReadOnlyList<double> ChannelMix,
    double TrackingReadiness)
{
    public string Code => Market.Code;

    public string Currency => Market.Currency;
}

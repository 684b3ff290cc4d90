using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>Builds the 26 default markets' profiles: fixed sizes, the rest drawn per market from the seed.</summary>
internal static class MarketProfiles
{
    /// <summary>Base revenue in USD per day per size unit (before seasonality, trend and media).</summary>
    public const double BaseRevenueUsdPerSizeUnit = 25_000;

    private static readonly Dictionary<string, double> Sizes = new(StringComparer.Ordinal)
    {
        ["US"] = 10.0, ["CN"] = 8.0, ["JP"] = 4.5, ["IN"] = 4.0, ["DE"] = 4.0, ["GB"] = 3.5, ["FR"] = 3.2, ["BR"] = 3.2,
        ["IT"] = 2.6, ["MX"] = 2.5, ["KR"] = 2.4, ["ES"] = 2.2, ["CA"] = 2.0, ["ID"] = 2.0, ["AU"] = 1.8, ["TR"] = 1.5,
        ["PL"] = 1.4, ["NL"] = 1.3, ["TH"] = 1.2, ["PH"] = 1.1, ["AR"] = 1.0, ["ZA"] = 0.9, ["CO"] = 0.9, ["SE"] = 0.8,
        ["AE"] = 0.5, ["CL"] = 0.5,
    };

    // Markets whose traffic export lacks non-purchase sessions ("missing = 0, flagged").
    private static readonly HashSet<string> WithoutNonPurchase = new(StringComparer.Ordinal) { "IN", "ID", "PH" };

    // Markets whose micro-conversion export leaves `source` empty ("empty = the definition's default").
    private static readonly HashSet<string> EmptySource = new(StringComparer.Ordinal) { "PL", "KR", "CO", "TH" };

    public static IReadOnlyList<MarketProfile> Create(int seed)
    {
        var profiles = new List<MarketProfile>();
        var markets = DefaultReferenceData.Markets;
        for (var i = 0; i < markets.Count; i++)
        {
            var market = markets[i];
            var random = SeedDerivation.Stream(seed, "market_profile", market.Code);
            var size = Sizes.TryGetValue(market.Code, out var s) ? s : 1.0;
            var mix = new double[MediaSpecs.PaidChannels.Count];
            for (var c = 0; c < mix.Length; c++)
            {
                mix[c] = random.Uniform(0.7, 1.3);
            }

            profiles.Add(new MarketProfile(
                market,
                i,
                size,
                BaseRevenueUsdPerSizeUnit * size * random.Uniform(0.9, 1.1),
                AverageOrderUsd: random.Uniform(22, 42),
                ItemsPerOrder: random.Uniform(1.6, 3.0),
                AnnualGrowth: random.Uniform(-0.01, 0.07),
                NonPurchaseShare: random.Uniform(0.10, 0.20),
                ReportsNonPurchaseSessions: !WithoutNonPurchase.Contains(market.Code),
                LeavesSourceEmpty: EmptySource.Contains(market.Code),
                mix,
                // Bigger markets tend to adopt tracking earlier, with a lot of spread.
                TrackingReadiness: (0.4 * Math.Log(size)) + random.Normal()));
        }

        return profiles;
    }
}

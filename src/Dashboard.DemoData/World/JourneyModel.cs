namespace Dashboard.DemoData.World;

/// <summary>
/// The planted journey behaviour: a journey converts with odds = base × Π over its touches of the
/// touch channel's multiplier (× the micro-event multiplier when the touch is a micro-conversion),
/// so attribution should rank paid_search, retail_media and email_crm high and display low.
/// </summary>
internal static class JourneyModel
{
    public const double BaseConversionOdds = 0.04;

    public const double MicroEventOddsMultiplier = 1.25;

    /// <summary>Share of touches that are micro-conversions rather than plain visits.</summary>
    public const double MicroEventShare = 0.25;

    /// <summary>Share of journeys without consent (every row consent=false).</summary>
    public const double NoConsentShare = 0.03;

    /// <summary>Share of converting journeys that go on with one or two visits after the purchase.</summary>
    public const double AfterPurchaseShare = 0.15;

    public const int MaxSpanDays = 40;

    public const int CrossMarketDuplicates = 6;

    public static IReadOnlyDictionary<string, double> OddsMultiplier { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["paid_social"] = 1.2,
        ["paid_search"] = 1.8,
        ["display"] = 1.05,
        ["online_video"] = 1.1,
        ["email_crm"] = 1.5,
        ["retail_media"] = 1.6,
        ["influencer"] = 1.2,
        ["in_store"] = 1.4,
        ["organic"] = 1.0,
    };

    /// <summary>Touch counts 1..8 and their weights (most journeys are short).</summary>
    public static IReadOnlyList<double> TouchCountWeights { get; } = [0.30, 0.22, 0.15, 0.11, 0.08, 0.06, 0.04, 0.04];

    /// <summary>Organic share of touches; paid channels share the rest by the market's spend.</summary>
    public const double OrganicTouchShare = 0.35;

    public static int Count(DemoSize size) => size == DemoSize.Small ? 30_000 : 1_300_000;
}

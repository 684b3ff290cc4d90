namespace Dashboard.DemoData.Truth;

/// <summary>
/// The planted ground truth of a demo data set, written as truth.json (snake_case) next to the files.
/// Money is in USD (<see cref="ValueCurrency"/>); the files hold local currency at fx_rates' monthly rates.
/// </summary>
public sealed record DemoTruth(
    TruthOptions Options,
    string ValueCurrency,
    IReadOnlyList<ChannelTruth> Channels,
    IReadOnlyList<CapTruth> Caps,
    IReadOnlyList<EventTruth> Events,
    IReadOnlyList<double> LagKernel,
    IReadOnlyList<string> VanityEvents,
    double VanityFollowsPerRevenueUsd,
    IReadOnlyList<ContextEffectTruth> ContextEffects,
    IReadOnlyList<MarketTruth> Markets,
    IReadOnlyList<RolloutShareTruth> RolloutShares,
    IReadOnlyList<RolloutTruth> Rollout,
    IReadOnlyList<AliasTruth> Aliases,
    IReadOnlyList<CampaignTruth> Campaigns,
    HoldoutTruth Holdout,
    JourneyTruth Journeys,
    SummaryTruth Summary,
    IReadOnlyList<IncrementTruth> Incremental,
    IReadOnlyDictionary<string, long> RowCounts);

/// <param name="BurnInDays">Days simulated (not written) before the first day so adstock and lags start warm.</param>
public sealed record TruthOptions(DateOnly FromDate, DateOnly EndDate, int Years, DemoSize Size, int Seed, int BurnInDays);

/// <summary>
/// A paid channel's curve: adstock a_t = x_t + λ a_{t−1} on spend in USD per market-size unit per day,
/// Hill s(a) = a^α / (a^α + K^α). Expected actions of event e = market size × cap(c, e) × s × seasonality.
/// </summary>
/// <param name="TypicalSpendUsdPerSizeUnit">Always-on spend per size unit per day before the market's mix, seasonality and noise.</param>
/// <param name="RevenueUsdPerSizeUnitAtSaturation">Σ over the channel's events of cap × value: revenue per size unit per day at full saturation.</param>
public sealed record ChannelTruth(string Channel, double AdstockLambda, double HillK, double HillAlpha, double TypicalSpendUsdPerSizeUnit, double RevenueUsdPerSizeUnitAtSaturation);

/// <summary>Actions per market-size unit per day at full saturation.</summary>
public sealed record CapTruth(string Channel, string Event, double CapPerSizeUnit);

/// <param name="ValueUsd">Revenue of one action, spread over the lag kernel.</param>
/// <param name="OrganicPerSizeUnit">Organic actions per size unit per day before seasonality and trend.</param>
public sealed record EventTruth(string Event, double ValueUsd, bool IsVanity, double OrganicPerSizeUnit);

/// <summary>Effect of a context type on base (non-media) revenue: a factor, or 1 + elasticity × value for price changes.</summary>
public sealed record ContextEffectTruth(string Type, double? RevenueFactor, double? RevenueElasticity, string Description);

public sealed record MarketTruth(
    string Market,
    string Currency,
    string Hemisphere,
    double Size,
    double BaseRevenueUsdPerDay,
    double AverageOrderUsd,
    double AnnualGrowth,
    IReadOnlyList<double> ChannelSpendMix,
    bool ReportsNonPurchaseSessions,
    bool LeavesSourceEmpty);

public sealed record RolloutShareTruth(string Event, double StartShare, double EndShare);

/// <summary>First day a market reports an event; null = never within the range.</summary>
public sealed record RolloutTruth(string Market, string Event, DateOnly? AdoptionDate);

/// <summary>A local event name used in micro_conversions.csv from <paramref name="From"/> on.</summary>
public sealed record AliasTruth(string Market, string Alias, string Event, DateOnly From);

/// <param name="SpendMultiplier">Spend × this on flight days in the markets that join (1 for always-on campaigns).</param>
public sealed record CampaignTruth(string Campaign, string Channel, DateOnly Start, DateOnly End, double SpendMultiplier, bool AlwaysOn, IReadOnlyList<string> Markets);

/// <summary>
/// The planted geo test. LiftTrue = Σ revenue with treatment / Σ revenue without − 1 over the test
/// markets and test days, both runs with the same random draws; revenue in USD.
/// </summary>
public sealed record HoldoutTruth(
    string Test,
    string Channel,
    DateOnly Start,
    DateOnly End,
    DateOnly PreStart,
    DateOnly PreEnd,
    IReadOnlyList<string> TestMarkets,
    IReadOnlyList<string> ControlMarkets,
    double TreatmentMultiplier,
    double LiftTrue,
    double IncrementalRevenueUsd,
    double RevenueWithUsd,
    double RevenueWithoutUsd);

/// <summary>Conversion odds = base × Π touches (channel multiplier × micro multiplier when the touch is a micro-conversion).</summary>
public sealed record JourneyTruth(
    int Journeys,
    int Conversions,
    int NoConsentJourneys,
    double BaseConversionOdds,
    double MicroEventOddsMultiplier,
    IReadOnlyList<JourneyChannelTruth> ChannelMultipliers,
    IReadOnlyList<DuplicateJourneyTruth> CrossMarketDuplicates);

public sealed record JourneyChannelTruth(string Channel, double ConversionOddsMultiplier);

public sealed record DuplicateJourneyTruth(string JourneyId, IReadOnlyList<string> Markets);

/// <summary>
/// What a paid channel's spend over a calendar month or quarter ("2026-03", "2026-Q1") added to revenue over all
/// markets, in USD: the simulation's expected revenue with that spend less the same with the channel's spend set to 0
/// on the period's days (every other input, noise included, as simulated). Carry-over after the period counts up to the
/// last data day; <paramref name="CarryOverObserved"/> is false when the period ends within 60 days of it, where some
/// of the figure lies beyond the data.
/// </summary>
public sealed record IncrementTruth(
    string Channel,
    string Period,
    DateOnly From,
    DateOnly To,
    double SpendUsd,
    double IncrementalRevenueUsd,
    double IncrementalRoas,
    bool CarryOverObserved);

/// <summary>Totals over all markets and days, in USD.</summary>
public sealed record SummaryTruth(double RevenueUsd, double MediaRevenueUsd, double OrganicActionRevenueUsd, double MediaRevenueShare, double SpendUsd);

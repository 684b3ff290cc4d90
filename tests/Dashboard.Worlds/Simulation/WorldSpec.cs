namespace Dashboard.Worlds.Simulation;

/// <summary>How the revenue of one action spreads over the following days.</summary>
public enum LagFamily
{
    /// <summary>Largest on the day of the action, then geometric, each type its own decay (0.5 to 0.85).</summary>
    Geometric,

    /// <summary>A discretised gamma peaking on day 3 to 7, tails to 28 days and beyond, each type its own shape.</summary>
    DelayedPeak,
}

/// <summary>
/// One data-generating mechanism of the study (docs/worlds.md): what it switches on beside the common skeleton. Every
/// other parameter is drawn per seed from the ranges documented there.
/// </summary>
public sealed record WorldSpec
{
    public required string Name { get; init; }

    public required string Summary { get; init; }

    /// <summary>Markets in the full study.</summary>
    public int Markets { get; init; } = 12;

    /// <summary>Days of data in the full study (two years).</summary>
    public int Days { get; init; } = 730;

    public LagFamily Lag { get; init; } = LagFamily.Geometric;

    /// <summary>Stationary standard deviation of the base's log shock.</summary>
    public (double Low, double High) BaseNoise { get; init; } = (0.03, 0.06);

    /// <summary>AR(1) coefficient of the base's log shock.</summary>
    public (double Low, double High) Persistence { get; init; } = (0.2, 0.6);

    /// <summary>Each market has its own values (lognormal around the type's value, sd 0.25); the estimand is their volume-weighted mean.</summary>
    public bool ValuesVaryByMarket { get; init; }

    /// <summary>Newsletter sign-ups, recipe downloads and loyalty enrolments also follow the past week's sales.</summary>
    public bool Feedback { get; init; }

    /// <summary>Product reviews are caused by past sales and worth nothing.</summary>
    public bool SalesCausedReviews { get; init; }

    /// <summary>Social follows are driven by media and worth nothing.</summary>
    public bool VanityFollows { get; init; }

    /// <summary>Sampling requests and scan-to-win entries are driven by in-store spend alone, with no variation of their own.</summary>
    public bool SharedChannelPair { get; init; }

    /// <summary>Each market starts reporting each type on its own date (some never); earlier actions still act on sales.</summary>
    public bool Rollout { get; init; }

    /// <summary>Own price cuts and competitor promotions move sales and actions together; both are imported as context.</summary>
    public bool Promotions { get; init; }

    /// <summary>No micro-conversion is worth anything.</summary>
    public bool NoEffect { get; init; }

    /// <summary>Spend also moves sales directly, not through any micro-conversion.</summary>
    public bool DirectMedia { get; init; }

    /// <summary>
    /// A demand the data do not show rises with one channel's global flights (the brand flies it when demand is high):
    /// sales and every type's actions × e^(δ × flight / 3), δ in [0.05, 0.12]. The channel is the one most types are
    /// credited to.
    /// </summary>
    public bool HiddenDemand { get; init; }

    /// <summary>
    /// A six-week geo test of that channel: +60% or dark in 4 to 6 test markets, as many controls, ending 120 to 180 days
    /// before the end; the markets are matched as a well-run test picks them (one season shape, one trend, every market's
    /// season on the northern calendar) and hold their own media flights from four weeks before the pre-period to four
    /// weeks after the test, so the difference-in-differences is sound and the test can be believed.
    /// </summary>
    public bool GeoTest { get; init; }

    /// <summary>Every type's actions act with the first type's lag kernel (a diagnostic: how much the shapes' spread costs).</summary>
    public bool OneKernel { get; init; }

    /// <summary>Parts of the base switched off (a diagnostic: "season", "trend", "holiday", "weekday").</summary>
    public IReadOnlySet<string> Ablate { get; init; } = new HashSet<string>();

    /// <summary>Standard deviation of each type's own organic fluctuation (log scale, AR(1) 0.8).</summary>
    public double ActionNoise { get; init; } = 0.15;

    /// <summary>The same mechanism at the smaller size CI runs.</summary>
    public WorldSpec Small() => this with { Markets = Math.Min(Markets, Math.Max(4, Markets * 2 / 3)), Days = 548 };
}

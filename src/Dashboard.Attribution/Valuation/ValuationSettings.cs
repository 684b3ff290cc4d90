namespace Dashboard.Attribution.Valuation;

/// <summary>Which rows carry spend as a control (see <see cref="ValuationSettings.Media"/>).</summary>
public enum MediaControl
{
    /// <summary>Only rows where some type is untracked: there spend stands in for the unreported actions it drives.</summary>
    Untracked,

    /// <summary>Every row: media's direct path to sales is held fixed, and values rest on the actions' own variation.</summary>
    All,

    /// <summary>Every row when spend explains sales beyond the actions (a direct path); else untracked rows only.</summary>
    Tested,
}

/// <summary>
/// The valuation's method choices, with the defaults the simulation study (docs/attribution.md) judged. Public so the
/// study can compare variants on the same worlds; the product always runs the defaults.
/// </summary>
public sealed record ValuationSettings
{
    public static ValuationSettings Default { get; } = new();

    /// <summary>
    /// The lag shapes the data choose among: geometric decays and delayed peaks out to the lag window (41 days by
    /// default). A shape ties an action's later revenue to its first days', so a value is read from day-to-day
    /// movements too, not only from slow ones that the base could equally explain. The answer averages the fits under
    /// every shape, weighted by how well each fits (Bayesian information criterion), so the uncertainty of the shape is
    /// in the interval.
    /// </summary>
    public IReadOnlyList<LagKernel> Kernels { get; init; } =
    [
        LagKernel.Geometric(0), LagKernel.Geometric(0.3), LagKernel.Geometric(0.5), LagKernel.Geometric(0.65), LagKernel.Geometric(0.75),
        LagKernel.Geometric(0.85), LagKernel.Geometric(0.92), LagKernel.Peaked(3, 2), LagKernel.Peaked(3, 4), LagKernel.Peaked(3, 7),
        LagKernel.Peaked(3, 11), LagKernel.Peaked(6, 5), LagKernel.Peaked(6, 10), LagKernel.Peaked(6, 16),
    ];

    /// <summary>
    /// Day-to-day correlations of the errors tried (Hildreth–Lu): sales and actions are quasi-differenced at each, and the
    /// one whose fit leaves the least squared error per row wins. A persistent shock is then not read as an effect of the
    /// actions that followed it (reviews that sales caused stay near 0). The grid is 0 and the correlations whose shocks
    /// halve in 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 13, 17, 23 and 34 days: a correlation set too low leaves part of a
    /// shock for the actions it caused to explain, and near 1 a step of 0.05 is a large error (the sales-caused reviews
    /// excluded 0 in 30% of runs on the grid 0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98; 18% on this one). An estimate from
    /// residuals instead fell short of the shock's persistence, because each market's spline level takes part of it.
    /// </summary>
    public IReadOnlyList<double> RhoGrid { get; init; } = [0, 0.25, 0.5, 0.63, 0.707, 0.794, 0.841, 0.871, 0.891, 0.917, 0.933, 0.948, 0.96, 0.97, 0.98];

    /// <summary>Last lag (days) of each block of spend's lag when spend is a control.</summary>
    public IReadOnlyList<int> SpendBlockEnds { get; init; } = [6, 20, 41];

    /// <summary>Spacing (days) of the knots of each market's cubic spline level: slower movements belong to the base.</summary>
    public int KnotDays { get; init; } = 182;

    /// <summary>
    /// Each market its own yearly season (three harmonics) rather than one per hemisphere scaled by market size: a
    /// shared season left each market's own seasonal pattern in the errors, slow enough for slow flights to "explain".
    /// </summary>
    public bool MarketSeasons { get; init; } = true;

    /// <summary>
    /// Each market's season is multiplicative: beside its three harmonics, the season's square and its product with the
    /// market's slow level (two columns shaped by a pilot fit of the base). With an additive season the no-effect
    /// world's values excluded 0 in 15% of cases and its verdict said "no evidence" in 55% of seeds; with the world's
    /// season switched off, in 8% and 80% (seeds 1000–1019): the additive season was the misfit.
    /// </summary>
    public bool SeasonCurvature { get; init; } = true;

    /// <summary>
    /// Each market's base is log-linear in its calendar (spline, weekday, holiday, season), linearised at a pilot fit of
    /// log sales, so every calendar effect scales with every other: the season with the trend, the weekday with the
    /// season, a holiday with both. It takes the place of the weekday × level and curvature columns (kept for the study,
    /// <c>--additive-base</c>). On 60 seeds per world it brought the no-effect world's zero types excluding 0 from 12.9%
    /// to 10.5% and `no_evidence` from 73% to 82%, sales_caused's engagement bias from −11% to −3% (docs/attribution.md).
    /// </summary>
    public bool MultiplicativeBase { get; init; } = true;

    public MediaControl Media { get; init; } = MediaControl.Untracked;

    /// <summary>
    /// A type's value is read on every market-day where that type is tracked, not only where every type is; a type
    /// untracked on a day where another is tracked has spend over its lag blocks as its own stand-in for its unreported
    /// actions there. Reading fully tracked days only (<c>--tracked-rows-only</c> in the study) left the demo 80% of its
    /// market-days for the base alone and the rollout world 6.7× the oracle's width; on 60 seeds this took rollout's
    /// median engagement error from 31–34% to 7–13% and its width to 2.4×, and the demo's three windows from −3.8%,
    /// −4.5%, −7.4% to −1.4%, −3.1%, −4.4% with 10–12 types valued instead of 7–8 (docs/attribution.md).
    /// </summary>
    public bool PartialRows { get; init; } = true;

    /// <summary>Level of the F-test that spend adds to the actions (a direct path).</summary>
    public double MediaTestLevel { get; init; } = 0.05;

    /// <summary>Two values whose estimates correlate below this are not separable: they are reported as one group.</summary>
    public double GroupCorrelation { get; init; } = -0.8;

    /// <summary>Prior standard deviation of a value, in units of sales per reported action.</summary>
    public double PriorScale { get; init; } = 2;

    /// <summary>Days per cluster of the robust covariance (within a market).</summary>
    public int ClusterDays { get; init; } = 91;
}

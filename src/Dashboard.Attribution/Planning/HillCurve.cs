namespace Dashboard.Attribution.Planning;

/// <summary>
/// One channel's response (METRICS.md "Budget scenarios"): geometric adstock a_t = x_t + λ·a_{t−1} of spend in USD
/// per day, Hill saturation s(a) = a^α / (a^α + K^α) on adstock per unit of a market's scale (its mean daily revenue
/// in USD, so one curve serves markets of every size), and actions per day = β · scale · s(a / scale) · season.
/// </summary>
public sealed record HillCurve(double Beta, double Lambda, double HalfSaturation, double Alpha)
{
    public static double Hill(double adstock, double halfSaturation, double alpha) =>
        adstock <= 0 ? 0 : 1 / (1 + Math.Pow(halfSaturation / adstock, alpha));

    /// <summary>Actions per day at a constant spend per day (steady adstock x / (1 − λ)) in a market of that scale and season.</summary>
    public double Steady(double spendPerDay, double scale, double season = 1) =>
        Beta * scale * season * Hill(spendPerDay / (1 - Lambda) / scale, HalfSaturation, Alpha);
}

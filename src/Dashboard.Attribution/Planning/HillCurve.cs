namespace Dashboard.Attribution.Planning;

/// <summary>
/// One channel's response (METRICS.md "Budget scenarios"): adstock a_t = Σ_l w(l) x_{t−l} of spend in USD per day,
/// Hill saturation s(a) = a^α / (a^α + K^α) on adstock per unit of a market's scale (its mean daily revenue in USD, so
/// one curve serves markets of every size), and actions per day = β · scale · s(a / scale) · season.
/// The carry-over weights are w(l) = (l + 1)^Shape · λ^l: Shape 0 is the geometric a_t = x_t + λ a_{t−1}; above 0
/// they rise to a peak on day Shape / −ln λ − 1 and fall away (a gamma-shaped, Weibull-like delayed peak, as Robyn
/// offers), so one family holds both and the geometric is its first member.
/// </summary>
public sealed record HillCurve(double Beta, double Lambda, double HalfSaturation, double Alpha, double Shape = 0)
{
    /// <summary>A delayed shape's weights stop where they fall below this share of their peak (and at 180 days).</summary>
    private const double Cutoff = 1e-4;

    private const int MaxLags = 180;

    // Computed once: the optimiser evaluates Steady thousands of times. Not part of equality (see Equals).
    private double[]? _weights;
    private double? _carry;

    public static double Hill(double adstock, double halfSaturation, double alpha) =>
        adstock <= 0 ? 0 : 1 / (1 + Math.Pow(halfSaturation / adstock, alpha));

    /// <summary>The day on which a unit of spend acts most (0 for the geometric shape).</summary>
    public double PeakDay => Shape <= 0 || Lambda <= 0 ? 0 : Math.Max(0, (Shape / -Math.Log(Lambda)) - 1);

    /// <summary>Steady adstock per unit of spend per day: Σ_l w(l).</summary>
    public double Carry => _carry ??= Shape <= 0 ? 1 / (1 - Lambda) : Weights.Sum();

    /// <summary>Days after a day's spend until its carry-over falls below 1/10,000 of its peak (at most 180).</summary>
    public int TailDays => Shape > 0 ? Weights.Count
        : Lambda <= 0 ? 1 : (int)Math.Min(MaxLags, Math.Ceiling(Math.Log(Cutoff) / Math.Log(Lambda)));

    /// <summary>A delayed shape's weights w(0), w(1), … (empty for the geometric, which runs without end).</summary>
    public IReadOnlyList<double> Weights => _weights ??= DelayedWeights();

    /// <summary>Actions per day at a constant spend per day (steady adstock x · carry) in a market of that scale and season.</summary>
    public double Steady(double spendPerDay, double scale, double season = 1) =>
        Beta * scale * season * Hill(spendPerDay * Carry / scale, HalfSaturation, Alpha);

    /// <summary>The adstock of each day of a spend series, the days before it taken to have spent as its first day did.</summary>
    public double[] Adstock(IReadOnlyList<double> spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        var a = new double[spend.Count];
        if (spend.Count == 0)
        {
            return a;
        }

        if (Shape <= 0)
        {
            var level = spend[0] / (1 - Lambda);
            a[0] = level;
            for (var t = 1; t < a.Length; t++)
            {
                level = spend[t] + (Lambda * level);
                a[t] = level;
            }

            return a;
        }

        var w = Weights;
        for (var t = 0; t < a.Length; t++)
        {
            var sum = 0.0;
            for (var l = 0; l < w.Count; l++)
            {
                sum += w[l] * spend[Math.Max(0, t - l)];
            }

            a[t] = sum;
        }

        return a;
    }

    public bool Equals(HillCurve? other) => other is not null
        && (Beta, Lambda, HalfSaturation, Alpha, Shape) == (other.Beta, other.Lambda, other.HalfSaturation, other.Alpha, other.Shape);

    public override int GetHashCode() => HashCode.Combine(Beta, Lambda, HalfSaturation, Alpha, Shape);

    private double[] DelayedWeights()
    {
        if (Shape <= 0)
        {
            return [];
        }

        var w = new List<double>();
        var peak = 0.0;
        for (var l = 0; l < MaxLags; l++)
        {
            var x = Math.Pow(l + 1, Shape) * Math.Pow(Lambda, l);
            peak = Math.Max(peak, x);
            if (l > PeakDay && x < Cutoff * peak)
            {
                break;
            }

            w.Add(x);
        }

        return [.. w];
    }
}

using Dashboard.Worlds.Simulation;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Worlds.Study;

/// <summary>
/// The infeasible best: the world's true equation fitted by least squares with everything the equation holds known
/// (the base's deterministic part up to a scale per market, every action whether reported or not, the true lag
/// kernels, the direct media term, the shock's AR coefficient). Sales are quasi-differenced with that coefficient and
/// weighted by market size, so its errors are the shock's innovations and its intervals classical.
/// </summary>
public static class Oracle
{
    private const double Z90 = 1.6448536269514722;

    public static IReadOnlyList<Estimate> Fit(WorldSample world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var markets = world.Markets.Count;
        var types = WorldTypes.Keys.Count;
        var perMarket = world.Spec.ValuesVaryByMarket;
        var valueColumns = perMarket ? types * markets : types;
        var direct = world.Spec.DirectMedia ? 1 : 0;
        var p = markets + valueColumns + direct;
        var rho = world.Persistence;

        // Regressors per market over the data days, then quasi-differenced within the market.
        var rows = new List<(double[] X, double Y, double W)>();
        for (var m = 0; m < markets; m++)
        {
            var series = world.Markets[m];
            double[]? previousX = null;
            var previousY = 0.0;
            for (var d = -1; d < world.Days; d++)
            {
                var t = world.BurnIn + d;
                var x = new double[p];
                x[m] = series.Deterministic[t];
                for (var k = 0; k < types; k++)
                {
                    x[markets + (perMarket ? (k * markets) + m : k)] = Kernels.Convolve(world.Kernels[k], series.Actions[k], t);
                }

                if (direct == 1)
                {
                    x[p - 1] = series.Direct[t];
                }

                if (previousX is not null)
                {
                    rows.Add(([.. x.Select((v, j) => v - (rho * previousX[j]))], series.Sales[t] - (rho * previousY), 1 / series.Size));
                }

                (previousX, previousY) = (x, series.Sales[t]);
            }
        }

        var n = rows.Count;
        var xw = Matrix<double>.Build.Dense(n, p, (i, j) => rows[i].X[j] * rows[i].W);
        var yw = Vector<double>.Build.Dense(n, i => rows[i].Y * rows[i].W);
        var gram = xw.TransposeThisAndMultiply(xw);
        var inverse = gram.Inverse();
        var beta = inverse * xw.TransposeThisAndMultiply(yw);
        var residual = yw - (xw * beta);
        var covariance = inverse * (residual.DotProduct(residual) / (n - p));

        // Estimands: per type the reported-volume-weighted mean of its market values, and the engagement value.
        var estimates = new List<Estimate>();
        var engagement = Vector<double>.Build.Dense(p);
        for (var k = 0; k < types; k++)
        {
            var weights = Vector<double>.Build.Dense(p);
            double volume = 0;
            for (var m = 0; m < markets; m++)
            {
                var v = world.ReportedVolume(m, k);
                volume += v;
                weights[markets + (perMarket ? (k * markets) + m : k)] += v;
            }

            if (volume == 0)
            {
                continue;
            }

            engagement += weights;
            estimates.Add(Linear(WorldTypes.Keys[k], weights / volume, beta, covariance));
        }

        estimates.Add(Linear(Estimate.Engagement, engagement, beta, covariance));

        // The oracle's own joint test that every value is 0 (Wald, classical covariance), as a yardstick for the verdict.
        var tested = Enumerable.Range(markets, valueColumns).ToArray();
        var b = Vector<double>.Build.Dense(tested.Length, i => beta[tested[i]]);
        var vb = Matrix<double>.Build.Dense(tested.Length, tested.Length, (i, j) => covariance[tested[i], tested[j]]);
        var wald = b.DotProduct(vb.Inverse() * b);
        estimates.Add(new Estimate(Estimate.NullTest, 1 - MathNet.Numerics.Distributions.ChiSquared.CDF(tested.Length, wald), null, null, true));
        return estimates;
    }

    private static Estimate Linear(string name, Vector<double> weights, Vector<double> beta, Matrix<double> covariance)
    {
        var value = weights.DotProduct(beta);
        var se = Math.Sqrt(Math.Max(0, weights.DotProduct(covariance * weights)));
        return new Estimate(name, value, value - (Z90 * se), value + (Z90 * se), true);
    }
}

/// <summary>One estimand's estimate with its 90% interval; not identified = the method would not give it alone.</summary>
public sealed record Estimate(string Estimand, double? Value, double? Low, double? High, bool Identified)
{
    public const string Engagement = "engagement_value";

    /// <summary>The oracle's p-value of the joint test that every value is 0 (in <see cref="Value"/>).</summary>
    public const string NullTest = "null_test";

    public bool Covers(double truth) => Low <= truth && truth <= High;

    public bool ExcludesZero => Identified && (Low > 0 || High < 0);

    public double? Width => High - Low;
}

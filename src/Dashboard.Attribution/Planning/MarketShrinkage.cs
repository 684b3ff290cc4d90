using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// Shrinks markets' own curve offsets toward the channel's pooled curve (empirical Bayes). Each market's offset d
/// (log β, log K) has sampling covariance V; the offsets are taken to scatter around the pool as N(0, T) with T
/// diagonal, its variances estimated by the method of moments (mean d² less mean sampling variance, floored at 0, as
/// DerSimonian and Laird do). The shrunk offset is the posterior mean (T⁻¹ + V⁻¹)⁻¹ V⁻¹ d: a market with noisy data, or
/// a channel whose markets do not differ more than noise, keeps the pooled curve.
/// </summary>
public static class MarketShrinkage
{
    /// <summary>Fewer own estimates than this cannot tell real differences from noise: everyone keeps the pool.</summary>
    public const int MinMarkets = 3;

    private const double Floor = 1e-10;

    /// <returns>Per estimate: the shrunk offset, its posterior covariance and the weight its own log β keeps.</returns>
    public static IReadOnlyList<(double[] Offset, double[,] Covariance, double Weight)> Shrink(IReadOnlyList<(double[] Offset, double[,] Covariance)> estimates)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        var tau = new double[2];
        if (estimates.Count >= MinMarkets)
        {
            for (var k = 0; k < 2; k++)
            {
                tau[k] = Math.Max(0, estimates.Average(e => (e.Offset[k] * e.Offset[k]) - e.Covariance[k, k]));
            }
        }

        var prior = Matrix<double>.Build.DenseOfDiagonalArray([1 / Math.Max(tau[0], Floor), 1 / Math.Max(tau[1], Floor)]);
        return [.. estimates.Select(e =>
        {
            var v = Matrix<double>.Build.DenseOfArray(e.Covariance) + (Matrix<double>.Build.DenseIdentity(2) * Floor);
            var precision = v.Inverse();
            var posterior = (prior + precision).Inverse();
            var mean = (posterior * precision * Vector<double>.Build.DenseOfArray(e.Offset)).ToArray();
            var covariance = posterior.ToArray();

            // A dimension whose markets do not differ beyond noise is the pool's exactly, not a rounding error from it.
            for (var k = 0; k < 2; k++)
            {
                if (tau[k] == 0)
                {
                    mean[k] = 0;
                    (covariance[k, 0], covariance[k, 1], covariance[0, k], covariance[1, k]) = (0, 0, 0, 0);
                }
            }

            var weight = tau[0] / (tau[0] + e.Covariance[0, 0]);
            return (mean, covariance, double.IsFinite(weight) ? weight : 0);
        })];
    }
}

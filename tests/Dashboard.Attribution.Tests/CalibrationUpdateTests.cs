using Dashboard.Attribution.Incremental;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The calibration's update of a curve's parameters by one geo test: on a linear prediction it is the conjugate normal
/// update (worked by hand); on a curved one it finds the posterior's mode (checked against a brute-force search); and
/// where the update alone leaves the prediction outside the test's interval it is moved to the interval's nearer end.
/// </summary>
public sealed class CalibrationUpdateTests
{
    private static readonly double[,] Prior = { { 4, 1 }, { 1, 2 } };

    [Fact]
    public void A_linear_prediction_gets_the_conjugate_normal_update()
    {
        // g = θ0 + θ1 at θ = (1, 2) is 3; Σa = (5, 3), aᵀΣa = 8, + noise 1 = 9; the test says 5:
        // θ' = θ + Σa × (5 − 3) / 9 = (1 + 10/9, 2 + 6/9); Σ' = Σ − Σa (Σa)ᵀ / 9.
        var (theta, covariance) = Calibration.Update([1, 2], Prior, t => t[0] + t[1], 5, 1, -100, 100);

        Assert.Equal(1 + (10.0 / 9), theta[0], 1e-6);
        Assert.Equal(2 + (6.0 / 9), theta[1], 1e-6);
        Assert.Equal(4 - (25.0 / 9), covariance[0, 0], 1e-6);
        Assert.Equal(1 - (15.0 / 9), covariance[0, 1], 1e-6);
        Assert.Equal(1 - (15.0 / 9), covariance[1, 0], 1e-6);
        Assert.Equal(2 - (9.0 / 9), covariance[1, 1], 1e-6);
    }

    [Fact]
    public void A_curved_prediction_lands_on_the_posteriors_mode()
    {
        // g = e^θ0 × θ1: the mode of N(θ; (0, 1), Σ) × N(3; g(θ), 0.5²) by a fine grid search, independently of the update
        // (the miss, 3 − 1, is within the spreads: 2² < ∇gᵀΣ∇g + 0.5² = 8.25, so the covariance is taken as it is).
        static double Predict(double[] t) => Math.Exp(t[0]) * t[1];
        var (theta, _) = Calibration.Update([0, 1], Prior, Predict, 3, 0.25, -100, 100);

        var inverse = Inverse(Prior);
        double Objective(double a, double b)
        {
            var (d0, d1) = (a - 0, b - 1);
            var prior = (d0 * d0 * inverse[0, 0]) + (2 * d0 * d1 * inverse[0, 1]) + (d1 * d1 * inverse[1, 1]);
            return prior + (Math.Pow(3 - (Math.Exp(a) * b), 2) / 0.25);
        }

        var best = (A: 0.0, B: 0.0, F: double.PositiveInfinity);
        for (var a = -1.0; a <= 2.0; a += 0.002)
        {
            for (var b = -1.0; b <= 4.0; b += 0.002)
            {
                var f = Objective(a, b);
                if (f < best.F)
                {
                    best = (a, b, f);
                }
            }
        }

        Assert.Equal(best.A, theta[0], 0.01);
        Assert.Equal(best.B, theta[1], 0.01);
        Assert.InRange(Predict(theta), 2.0, 3.0);
    }

    [Fact]
    public void A_test_further_off_than_both_spreads_allow_widens_the_fits_covariance_until_it_is_one_spread_away()
    {
        // g = θ0 + θ1 = 3 against a test of 13 ± 1: the miss² 100 exceeds aᵀΣa + 1 = 9, so Σ × k with
        // k = (100 − 1) / 8 = 12.375; then θ' = θ + kΣa × 10 / (8k + 1) = θ + 12.375 × (5, 3) / 10 and
        // Σ' = kΣ − kΣa (kΣa)ᵀ / 100.
        var (theta, covariance) = Calibration.Update([1, 2], Prior, t => t[0] + t[1], 13, 1, -1000, 1000);

        const double K = 12.375;
        Assert.Equal(1 + (K * 5 / 10), theta[0], 1e-6);
        Assert.Equal(2 + (K * 3 / 10), theta[1], 1e-6);
        Assert.Equal((K * 4) - (K * K * 25 / 100), covariance[0, 0], 1e-6);
        Assert.Equal((K * 2) - (K * K * 9 / 100), covariance[1, 1], 1e-6);
        Assert.Equal(12.9, theta[0] + theta[1], 1e-6);
    }

    [Fact]
    public void A_prediction_still_outside_the_tests_interval_is_moved_to_its_nearer_end()
    {
        // With noise 100 the update alone moves g from 3 to 3 + 8 × 2 / 108 ≈ 3.15, outside [4.9, 5.1].
        var (free, _) = Calibration.Update([1, 2], Prior, t => t[0] + t[1], 5, 100, -100, 100);
        Assert.Equal(3 + (16.0 / 108), free[0] + free[1], 1e-6);

        var (theta, covariance) = Calibration.Update([1, 2], Prior, t => t[0] + t[1], 5, 100, 4.9, 5.1);
        Assert.InRange(theta[0] + theta[1], 4.9, 4.91);

        // The move is along the updated Σ a (the Σ metric's shortest way onto the bound), from the free update.
        var direction = new[] { covariance[0, 0] + covariance[0, 1], covariance[1, 0] + covariance[1, 1] };
        var move = new[] { theta[0] - free[0], theta[1] - free[1] };
        Assert.Equal(direction[0] / direction[1], move[0] / move[1], 1e-6);
    }

    private static double[,] Inverse(double[,] m)
    {
        var det = (m[0, 0] * m[1, 1]) - (m[0, 1] * m[1, 0]);
        return new[,] { { m[1, 1] / det, -m[0, 1] / det }, { -m[1, 0] / det, m[0, 0] / det } };
    }
}

using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Tests;

/// <summary>The optimiser against a brute-force grid search on small cases whose curves are known.</summary>
public sealed class BudgetOptimizerTests
{
    private static Func<double, double> Exponential(double cap, double scale) => x => cap * (1 - Math.Exp(-x / scale));

    private static Func<double, double> Hill(double cap, double half, double alpha) => x => cap * HillCurve.Hill(x, half, alpha);

    /// <summary>Every split of the budget over three channels on a grid of 1/600 of it (the third takes the rest).</summary>
    private static double BruteForce(Func<double, double>[] f, double[] min, double[] max, double budget)
    {
        const int Grid = 600;
        var best = double.NegativeInfinity;
        for (var i = 0; i <= Grid; i++)
        {
            var x0 = budget * i / Grid;
            if (x0 < min[0] || x0 > max[0])
            {
                continue;
            }

            for (var j = 0; i + j <= Grid; j++)
            {
                var x1 = budget * j / Grid;
                var x2 = budget - x0 - x1;
                if (x1 >= min[1] && x1 <= max[1] && x2 >= min[2] - 1e-9 && x2 <= max[2] + 1e-9)
                {
                    best = Math.Max(best, f[0](x0) + f[1](x1) + f[2](x2));
                }
            }
        }

        return best;
    }

    public static TheoryData<string> Cases => ["concave", "concave, bounds bind", "s-curves"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void It_matches_a_brute_force_grid_search_within_half_a_percent_and_keeps_bounds_and_budget(string name)
    {
        var (f, min, max, budget) = name switch
        {
            "concave" => (new[] { Exponential(500, 80), Exponential(300, 30), Exponential(900, 250) }, new[] { 0.0, 0, 0 }, new[] { 600.0, 600, 600 }, 300.0),
            "concave, bounds bind" => (new[] { Exponential(500, 80), Exponential(300, 30), Exponential(900, 250) }, new[] { 120.0, 0, 20 }, new[] { 200.0, 40, 600 }, 300.0),
            _ => (new[] { Hill(400, 60, 2.2), Hill(700, 150, 1.6), Hill(250, 25, 3.0) }, new[] { 10.0, 10, 10 }, new[] { 400.0, 400, 400 }, 320.0),
        };

        var x = BudgetOptimizer.Allocate(f, min, max, budget);

        var ours = x.Select((v, c) => f[c](v)).Sum();
        var brute = BruteForce(f, min, max, budget);
        Assert.True(Math.Abs(ours - brute) <= 0.005 * brute, $"{name}: optimiser {ours:0.000}, brute force {brute:0.000}");
        Assert.Equal(budget, x.Sum(), 6);
        for (var c = 0; c < x.Length; c++)
        {
            Assert.InRange(x[c], min[c] - 1e-9, max[c] + 1e-9);
        }
    }

    [Fact]
    public void Where_bounds_bind_the_binding_channel_sits_on_its_bound()
    {
        // Channel 1 (cap 300, scale 30) would take far more than 40 at this budget; its maximum stops it.
        var f = new[] { Exponential(500, 80), Exponential(300, 30), Exponential(900, 250) };
        var x = BudgetOptimizer.Allocate(f, [120.0, 0, 20], [200.0, 40, 600], 300);

        Assert.Equal(40, x[1], 6);
    }

    [Fact]
    public void A_budget_below_the_sum_of_the_minimums_is_a_clear_error()
    {
        var f = new[] { Exponential(500, 80), Exponential(300, 30) };

        var error = Assert.Throws<MetricsQueryException>(() => BudgetOptimizer.Allocate(f, [100.0, 150], [200.0, 300], 200));

        Assert.Contains("the budget 200 per day is below the sum of the channels' minimums, 250", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_above_the_sum_of_the_maximums_fills_every_channel_to_its_maximum_and_no_further()
    {
        var f = new[] { Exponential(500, 80), Exponential(300, 30) };

        var x = BudgetOptimizer.Allocate(f, [0.0, 0], [100.0, 50], 1_000);

        Assert.Equal([100.0, 50.0], x);
    }

    [Fact]
    public void The_path_from_the_minimums_to_the_maximums_only_adds_money()
    {
        var f = new[] { Exponential(500, 80), Exponential(300, 30), Exponential(900, 250) };

        var path = BudgetOptimizer.Path(f, [10.0, 10, 10], [200.0, 100, 300]);

        Assert.Equal(30, path[0].Budget, 9);
        Assert.Equal(600, path[^1].Budget, 6);
        for (var i = 1; i < path.Count; i++)
        {
            Assert.True(path[i].Budget > path[i - 1].Budget);
            Assert.All(Enumerable.Range(0, 3), c => Assert.True(path[i].Allocation[c] >= path[i - 1].Allocation[c]));
        }
    }
}

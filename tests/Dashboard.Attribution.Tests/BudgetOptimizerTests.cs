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

    /// <summary>
    /// Two channels over two markets each (four cells), each channel bounded on its sum: every split on a grid of 1/120
    /// of the budget.
    /// </summary>
    private static double BruteForceGrouped(Func<double, double>[] f, double[] min, double[] max, double[] groupMin, double[] groupMax, double budget)
    {
        const int Grid = 120;
        var best = double.NegativeInfinity;
        for (var i = 0; i <= Grid; i++)
        {
            for (var j = 0; i + j <= Grid; j++)
            {
                for (var k = 0; i + j + k <= Grid; k++)
                {
                    double[] x = [budget * i / Grid, budget * j / Grid, budget * k / Grid, budget * (Grid - i - j - k) / Grid];
                    var inside = x.Select((v, c) => v >= min[c] - 1e-9 && v <= max[c] + 1e-9).All(b => b)
                        && x[0] + x[1] >= groupMin[0] - 1e-9 && x[0] + x[1] <= groupMax[0] + 1e-9
                        && x[2] + x[3] >= groupMin[1] - 1e-9 && x[2] + x[3] <= groupMax[1] + 1e-9;
                    if (inside)
                    {
                        best = Math.Max(best, x.Select((v, c) => f[c](v)).Sum());
                    }
                }
            }
        }

        return best;
    }

    public static TheoryData<string> GroupedCases => ["channel maximum binds", "channel minimum binds", "market bounds bind"];

    [Theory]
    [MemberData(nameof(GroupedCases))]
    public void Channels_over_markets_match_a_brute_force_search_and_keep_every_bound(string name)
    {
        // Cells: channel 0 in markets A and B, channel 1 in markets A and B.
        var f = new[] { Exponential(500, 60), Exponential(350, 40), Hill(600, 80, 1.8), Exponential(200, 150) };
        var (min, max, groupMin, groupMax) = name switch
        {
            "channel maximum binds" => (new[] { 0.0, 0, 0, 0 }, new[] { 200.0, 200, 200, 200 }, new[] { 0.0, 0 }, new[] { 90.0, 400 }),
            "channel minimum binds" => (new[] { 0.0, 0, 0, 0 }, new[] { 200.0, 200, 200, 200 }, new[] { 0.0, 200 }, new[] { 400.0, 400 }),
            _ => (new[] { 10.0, 0, 30, 0 }, new[] { 40.0, 200, 200, 25 }, new[] { 0.0, 0 }, new[] { 400.0, 400 }),
        };
        const double Budget = 240;

        var x = BudgetOptimizer.Allocate(f, min, max, Budget, null, new CellGroups([0, 0, 1, 1], groupMin, groupMax));

        var ours = x.Select((v, c) => f[c](v)).Sum();
        var brute = BruteForceGrouped(f, min, max, groupMin, groupMax, Budget);
        Assert.True(ours >= brute * 0.995, $"{name}: optimiser {ours:0.000}, brute force {brute:0.000}");
        Assert.Equal(Budget, x.Sum(), 6);
        Assert.All(Enumerable.Range(0, 4), c => Assert.InRange(x[c], min[c] - 1e-9, max[c] + 1e-9));
        Assert.InRange(x[0] + x[1], groupMin[0] - 1e-9, groupMax[0] + 1e-9);
        Assert.InRange(x[2] + x[3], groupMin[1] - 1e-9, groupMax[1] + 1e-9);
    }

    [Fact]
    public void Market_bounds_that_cannot_meet_their_channel_bounds_are_refused()
    {
        var f = new[] { Exponential(500, 60), Exponential(350, 40) };

        var error = Assert.Throws<MetricsQueryException>(() =>
            BudgetOptimizer.Allocate(f, [0.0, 0], [30.0, 30], 100, null, new CellGroups([0, 0], [80.0], [100.0])));

        Assert.Contains("do not meet its own", error.Message, StringComparison.Ordinal);
    }
}

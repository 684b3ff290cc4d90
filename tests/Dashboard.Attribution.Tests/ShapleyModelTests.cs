using Dashboard.Attribution.Models;
using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Tests;

public sealed class ShapleyModelTests
{
    [Fact]
    public void The_published_exact_set_shares_give_F_045_G_0215_L_0335()
    {
        const ulong F = 1, G = 2, L = 4;
        var exact = new Dictionary<ulong, (double, double)>
        {
            [F] = (.18, 0), [G] = (.04, 0), [L] = (.08, 0), [F | G] = (.10, 0), [F | L] = (.26, 0), [G | L] = (.07, 0), [F | G | L] = (.27, 0),
        };

        var credit = ShapleyModel.FromExactSets(exact, 3);

        Assert.Equal(0.45, credit.Conversions[0], 12);
        Assert.Equal(0.215, credit.Conversions[1], 12);
        Assert.Equal(0.335, credit.Conversions[2], 12);
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(3, 7)]
    public void Random_paths_match_the_full_sum_over_every_coalition_to_1e9(int seed, int channels)
    {
        var paths = PathSets.Random(seed, channels, 500);

        var credit = ShapleyModel.Run(paths);
        var (conversions, revenue) = FullShapley(paths, channels);

        for (var c = 0; c < channels; c++)
        {
            Assert.Equal(conversions[c], credit.Conversions[c], 9);
            Assert.Equal(revenue[c], credit.Revenue[c], 9);
        }

        Assert.Equal(paths.Conversions, credit.Conversions.Sum(), 9);
    }

    [Fact]
    public void Seventy_channels_are_no_limit_and_the_credit_still_adds_up()
    {
        var paths = PathSets.Random(9, channels: 70, count: 2000);

        var credit = ShapleyModel.Run(paths);

        Assert.Equal(paths.Conversions, credit.Conversions.Sum(), 9);
        Assert.Equal(paths.TotalRevenue, credit.Revenue.Sum(), 6);
        Assert.True(credit.Conversions.Count(c => c > 0) > 64, "channels beyond the 64th get credit");
    }

    /// <summary>The textbook definition: Σ over S ⊆ N∖{c} of |S|!(n−|S|−1)!/n! · (v(S ∪ {c}) − v(S)), v from the paths.</summary>
    private static (double[] Conversions, double[] Revenue) FullShapley(PathSet paths, int n)
    {
        var sets = new List<(int Set, double Revenue)>();
        for (var p = 0; p < paths.Count; p++)
        {
            if (paths.Converts[p])
            {
                var set = 0;
                for (var t = paths.Start[p]; t < paths.Start[p + 1]; t++)
                {
                    set |= 1 << paths.Channel[t];
                }

                sets.Add((set, paths.Revenue[p]));
            }
        }

        double V(int coalition, bool money) => sets.Where(s => (s.Set & ~coalition) == 0).Sum(s => money ? s.Revenue : 1);
        double Factorial(int k) => k <= 1 ? 1 : k * Factorial(k - 1);
        var conversions = new double[n];
        var revenue = new double[n];
        for (var c = 0; c < n; c++)
        {
            for (var s = 0; s < 1 << n; s++)
            {
                if ((s & (1 << c)) != 0)
                {
                    continue;
                }

                var size = System.Numerics.BitOperations.PopCount((uint)s);
                var weight = Factorial(size) * Factorial(n - size - 1) / Factorial(n);
                conversions[c] += weight * (V(s | (1 << c), false) - V(s, false));
                revenue[c] += weight * (V(s | (1 << c), true) - V(s, true));
            }
        }

        return (conversions, revenue);
    }
}

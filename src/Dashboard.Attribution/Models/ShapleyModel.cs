using System.Numerics;
using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Models;

/// <summary>
/// Shapley value with v(S) = conversions (revenue) of converting paths whose channel set lies within S. For this game
/// the value of channel c is Σ over channel sets T ∋ c of R(T) / |T| (Zhao, Mahboobi, Bagheri 2018), R(T) being what
/// the paths with exactly the set T bring in: so each converting path splits its conversion equally among its
/// distinct channels. Exact for any number of channels, in one pass.
/// </summary>
public static class ShapleyModel
{
    public static Credit Run(PathSet paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.ChannelCount > 64)
        {
            throw new ArgumentException("Shapley credit supports at most 64 channels", nameof(paths));
        }

        // R(T) first (few distinct sets), then one share per channel of each set.
        var exact = new Dictionary<ulong, (double Conversions, double Revenue)>();
        for (var p = 0; p < paths.Count; p++)
        {
            if (!paths.Converts[p] || paths.Length(p) == 0)
            {
                continue;
            }

            var set = 0UL;
            for (var t = paths.Start[p]; t < paths.Start[p + 1]; t++)
            {
                set |= 1UL << paths.Channel[t];
            }

            var r = exact.GetValueOrDefault(set);
            exact[set] = (r.Conversions + 1, r.Revenue + paths.Revenue[p]);
        }

        return FromExactSets(exact, paths.ChannelCount);
    }

    /// <summary>Credit from R(T) per exact channel set T (bit c set = channel c in T).</summary>
    public static Credit FromExactSets(IReadOnlyDictionary<ulong, (double Conversions, double Revenue)> exact, int channels)
    {
        ArgumentNullException.ThrowIfNull(exact);
        var credit = Credit.Zero(channels);
        foreach (var (set, r) in exact)
        {
            var size = BitOperations.PopCount(set);
            for (var rest = set; rest != 0; rest &= rest - 1)
            {
                var c = BitOperations.TrailingZeroCount(rest);
                credit.Conversions[c] += r.Conversions / size;
                credit.Revenue[c] += r.Revenue / size;
            }
        }

        return credit;
    }
}

using System.Numerics;
using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Models;

/// <summary>
/// Shapley value with v(S) = conversions (revenue) of converting paths whose channel set lies within S. For this game
/// the value of channel c is Σ over channel sets T ∋ c of R(T) / |T| (Zhao, Mahboobi, Bagheri 2018), R(T) being what
/// the paths with exactly the set T bring in: so each converting path splits its conversion equally among its
/// distinct channels. Exact for any number of channels, in one pass. (<see cref="FromExactSets"/> takes R(T) as
/// published examples give it, for up to 64 channels.)
/// </summary>
public static class ShapleyModel
{
    public static Credit Run(PathSet paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var credit = Credit.Zero(paths.ChannelCount);

        // Marks the channels seen on the current path: stamp[c] == p + 1 means channel c is on path p.
        var stamp = new int[paths.ChannelCount];
        var distinct = new List<int>(8);
        for (var p = 0; p < paths.Count; p++)
        {
            if (!paths.Converts[p] || paths.Length(p) == 0)
            {
                continue;
            }

            distinct.Clear();
            for (var t = paths.Start[p]; t < paths.Start[p + 1]; t++)
            {
                var c = paths.Channel[t];
                if (stamp[c] != p + 1)
                {
                    stamp[c] = p + 1;
                    distinct.Add(c);
                }
            }

            var share = 1.0 / distinct.Count;
            foreach (var c in distinct)
            {
                credit.Conversions[c] += share;
                credit.Revenue[c] += share * paths.Revenue[p];
            }
        }

        return credit;
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

using Dashboard.Attribution.Paths;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Models;

/// <summary>
/// Markov chain attribution (METRICS.md): states start, conversion, null and the last <c>order</c> channels; every
/// path adds its transitions start → … → conversion (converting) or → null. P(conversion) is the probability of
/// absorption in conversion from start, solved exactly from the linear system (I − Q)·x = r, not simulated, so the same
/// data always gives the same credit. Removing channel c sends every transition into a state holding c to null;
/// credit(c) = RE(c) / Σ RE × total, with RE(c) = 1 − P_without_c / P.
/// </summary>
public static class MarkovModel
{
    private const int Start = 0;
    private const int Conversion = 1;
    private const int Null = 2;
    private const int FirstChannelState = 3;
    private const int MaxStateCodes = 1 << 22;

    /// <summary>The credit, P(conversion) and each channel's removal effect (NaN for a channel on no path).</summary>
    public sealed record Result(Credit Credit, double ConversionProbability, double[] RemovalEffects);

    public static Result Run(PathSet paths, int order = 1)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (order is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "the Markov order must be 1, 2 or 3");
        }

        var channels = paths.ChannelCount;
        var radix = channels + 1;
        if (Math.Pow(radix, order) > MaxStateCodes)
        {
            throw new ArgumentException($"order {order} over {channels} channels has too many states", nameof(paths));
        }

        var chain = Count(paths, order, radix);
        var credit = Credit.Zero(channels);
        var removal = new double[channels];
        Array.Fill(removal, double.NaN);
        var p = Absorption(chain, removed: null);
        if (!(p > 0))
        {
            return new Result(credit, p, removal);
        }

        var seen = new bool[channels];
        foreach (var tuple in chain.Tuples)
        {
            foreach (var c in tuple)
            {
                seen[c] = true;
            }
        }

        var sum = 0.0;
        for (var c = 0; c < channels; c++)
        {
            if (!seen[c])
            {
                continue;
            }

            var removed = chain.Tuples.Select(t => t.Contains((byte)c)).ToArray();
            removal[c] = 1 - (Absorption(chain, removed) / p);
            sum += removal[c];
        }

        var (conversions, revenue) = (paths.Conversions, paths.TotalRevenue);
        for (var c = 0; c < channels; c++)
        {
            if (seen[c] && sum > 0)
            {
                credit.Conversions[c] = removal[c] / sum * conversions;
                credit.Revenue[c] = removal[c] / sum * revenue;
            }
        }

        return new Result(credit, p, removal);
    }

    /// <summary>Transition counts between observed states; channel states are numbered from 3 in order of first sight.</summary>
    private sealed class Chain
    {
        public List<byte[]> Tuples { get; } = [];
        public Dictionary<long, double> Counts { get; } = [];

        public int States => FirstChannelState + Tuples.Count;
    }

    private static Chain Count(PathSet paths, int order, int radix)
    {
        var chain = new Chain();
        var idOfCode = new Dictionary<int, int>();
        var window = new byte[order];
        var weight = (int)Math.Pow(radix, order - 1);
        for (var p = 0; p < paths.Count; p++)
        {
            var (from, end) = (paths.Start[p], paths.Start[p + 1]);
            if (from == end)
            {
                continue;
            }

            var state = Start;
            var code = 0;
            var filled = 0;
            for (var t = from; t < end; t++)
            {
                // The state is the last `order` channels, most recent in the lowest digit; shorter at a path's start.
                var channel = paths.Channel[t];
                code = ((code % weight) * radix) + channel + 1;
                if (order == 1)
                {
                    code = channel + 1;
                }

                filled = Math.Min(filled + 1, order);
                if (!idOfCode.TryGetValue(code, out var next))
                {
                    next = FirstChannelState + chain.Tuples.Count;
                    idOfCode[code] = next;
                    chain.Tuples.Add(Decode(code, radix, filled, window));
                }

                Add(chain, state, next);
                state = next;
            }

            Add(chain, state, paths.Converts[p] ? Conversion : Null);
        }

        return chain;
    }

    private static byte[] Decode(int code, int radix, int filled, byte[] scratch)
    {
        var n = 0;
        for (var i = 0; i < filled && code > 0; i++, code /= radix)
        {
            scratch[n++] = (byte)((code % radix) - 1);
        }

        return scratch[..n];
    }

    private static void Add(Chain chain, int from, int to)
    {
        var key = ((long)from << 32) | (uint)to;
        chain.Counts[key] = chain.Counts.GetValueOrDefault(key) + 1;
    }

    /// <summary>P(absorption in conversion | start), with the <paramref name="removed"/> channel states sent to null.</summary>
    private static double Absorption(Chain chain, bool[]? removed)
    {
        // Transient states: start and every channel state still in the chain, renumbered densely.
        var index = new int[chain.States];
        Array.Fill(index, -1);
        var n = 0;
        index[Start] = n++;
        for (var s = 0; s < chain.Tuples.Count; s++)
        {
            if (removed is null || !removed[s])
            {
                index[FirstChannelState + s] = n++;
            }
        }

        var outTotal = new double[chain.States];
        foreach (var (key, count) in chain.Counts)
        {
            outTotal[(int)(key >> 32)] += count;
        }

        var a = Matrix<double>.Build.DenseIdentity(n);
        var r = Vector<double>.Build.Dense(n);
        foreach (var (key, count) in chain.Counts)
        {
            var (from, to) = ((int)(key >> 32), (int)(key & 0xFFFFFFFF));
            var i = index[from];
            if (i < 0)
            {
                continue;
            }

            var probability = count / outTotal[from];
            if (to == Conversion)
            {
                r[i] += probability;
            }
            else if (to != Null && index[to] is var j and >= 0)
            {
                a[i, j] -= probability;
            }
        }

        return a.Solve(r)[index[Start]];
    }
}

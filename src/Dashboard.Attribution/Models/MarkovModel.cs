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
    private const int MaxStateCodes = 4096;

    /// <summary>The credit, P(conversion), each channel's removal effect (NaN for a channel on no path) and the channel states seen.</summary>
    public sealed record Result(Credit Credit, double ConversionProbability, double[] RemovalEffects, int ChannelStates);

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
            throw new ArgumentException($"a Markov chain of order {order} over {channels} channels has too many states: use a lower order", nameof(paths));
        }

        var chain = Count(paths, order, radix);
        var credit = Credit.Zero(channels);
        var removal = new double[channels];
        Array.Fill(removal, double.NaN);
        var p = Absorption(chain, removed: null);
        if (!(p > 0))
        {
            return new Result(credit, p, removal, chain.Observed.Count);
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

        return new Result(credit, p, removal, chain.Observed.Count);
    }

    /// <summary>
    /// Transition counts in a dense matrix over every possible state: 0 start, 1 conversion, 2 null, then
    /// 3 + the code of a tuple of channels (digits of base channels + 1, most recent lowest). Only observed channel
    /// states enter the linear system.
    /// </summary>
    private sealed class Chain(int states)
    {
        public int States { get; } = states;
        public int[] Counts { get; } = new int[states * states];
        public List<int> Observed { get; } = [];
        public List<byte[]> Tuples { get; } = [];
    }

    private static Chain Count(PathSet paths, int order, int radix)
    {
        var codes = (int)Math.Pow(radix, order);
        var chain = new Chain(FirstChannelState + codes);
        var seen = new bool[codes];
        var window = new byte[order];
        var weight = codes / radix;
        var counts = chain.Counts;
        var states = chain.States;
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
                code = ((code % weight) * radix) + paths.Channel[t] + 1;
                filled = Math.Min(filled + 1, order);
                if (!seen[code])
                {
                    seen[code] = true;
                    chain.Observed.Add(FirstChannelState + code);
                    chain.Tuples.Add(Decode(code, radix, filled, window));
                }

                var next = FirstChannelState + code;
                counts[(state * states) + next]++;
                state = next;
            }

            counts[(state * states) + (paths.Converts[p] ? Conversion : Null)]++;
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

    /// <summary>P(absorption in conversion | start), with the <paramref name="removed"/> channel states sent to null.</summary>
    private static double Absorption(Chain chain, bool[]? removed)
    {
        // Transient states: start and every observed channel state still in the chain, renumbered densely.
        var live = new List<int> { Start };
        for (var s = 0; s < chain.Observed.Count; s++)
        {
            if (removed is null || !removed[s])
            {
                live.Add(chain.Observed[s]);
            }
        }

        var index = new Dictionary<int, int>();
        for (var i = 0; i < live.Count; i++)
        {
            index[live[i]] = i;
        }

        var n = live.Count;
        var states = chain.States;
        var a = Matrix<double>.Build.DenseIdentity(n);
        var r = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++)
        {
            var row = live[i] * states;
            var total = 0.0;
            for (var to = 0; to < states; to++)
            {
                total += chain.Counts[row + to];
            }

            if (total == 0)
            {
                continue;
            }

            r[i] = chain.Counts[row + Conversion] / total;
            for (var j = 0; j < n; j++)
            {
                var count = chain.Counts[row + live[j]];
                if (count > 0)
                {
                    a[i, j] -= count / total;
                }
            }
        }

        return a.Solve(r)[0];
    }
}

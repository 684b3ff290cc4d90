using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// An independent order-1 Markov chain for the tests: transition probabilities from plain nested dictionaries, the
/// absorption probability by value iteration (no linear solve), and a random walk.
/// </summary>
internal sealed class ReferenceMarkov
{
    private const string Start = "start", Conversion = "conversion", Null = "null";
    private readonly Dictionary<string, Dictionary<string, double>> _p = [];

    public ReferenceMarkov(PathSet paths)
    {
        var counts = new Dictionary<string, Dictionary<string, int>>();
        void Add(string from, string to)
        {
            if (!counts.TryGetValue(from, out var row))
            {
                counts[from] = row = [];
            }

            row[to] = row.GetValueOrDefault(to) + 1;
        }

        for (var p = 0; p < paths.Count; p++)
        {
            var state = Start;
            for (var t = paths.Start[p]; t < paths.Start[p + 1]; t++)
            {
                var next = "c" + paths.Channel[t];
                Add(state, next);
                state = next;
            }

            Add(state, paths.Converts[p] ? Conversion : Null);
        }

        foreach (var (from, row) in counts)
        {
            var total = row.Values.Sum();
            _p[from] = row.ToDictionary(x => x.Key, x => (double)x.Value / total);
        }
    }

    /// <summary>P(conversion | start) with channel <paramref name="removed"/> (or none, −1) sent to null.</summary>
    public double Probability(int removed)
    {
        var cut = "c" + removed;
        var x = _p.Keys.ToDictionary(s => s, _ => 0.0);
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            var change = 0.0;
            foreach (var (state, row) in _p)
            {
                if (state == cut)
                {
                    continue;
                }

                var value = row.Sum(t => t.Key == Conversion ? t.Value : t.Key == Null || t.Key == cut ? 0 : t.Value * x[t.Key]);
                change = Math.Max(change, Math.Abs(value - x[state]));
                x[state] = value;
            }

            if (change < 1e-15)
            {
                break;
            }
        }

        return x[Start];
    }

    public double Simulate(int walks, int seed)
    {
        var random = new Random(seed);
        var converted = 0;
        for (var w = 0; w < walks; w++)
        {
            var state = Start;
            while (state is not (Conversion or Null))
            {
                var u = random.NextDouble();
                var next = Null;
                foreach (var (to, p) in _p[state])
                {
                    next = to;
                    u -= p;
                    if (u < 0)
                    {
                        break;
                    }
                }

                state = next;
            }

            converted += state == Conversion ? 1 : 0;
        }

        return (double)converted / walks;
    }
}

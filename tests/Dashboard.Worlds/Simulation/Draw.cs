namespace Dashboard.Worlds.Simulation;

/// <summary>Random draws from one seeded generator, so a world and seed always give the same data.</summary>
public sealed class Draw(int seed)
{
    private readonly Random _random = new(seed);

    public double Uniform(double low, double high) => low + ((high - low) * _random.NextDouble());

    public double Uniform((double Low, double High) range) => Uniform(range.Low, range.High);

    public int Whole(int low, int highExclusive) => _random.Next(low, highExclusive);

    public bool Chance(double p) => _random.NextDouble() < p;

    public double Normal()
    {
        // Box–Muller; 1 − u keeps the logarithm finite.
        var u = 1 - _random.NextDouble();
        var v = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A Poisson count: exact by multiplication for small means, a rounded normal for large ones.</summary>
    public long Poisson(double mean)
    {
        if (!(mean > 0))
        {
            return 0;
        }

        if (mean < 40)
        {
            var limit = Math.Exp(-mean);
            var (k, p) = (0L, 1.0);
            while ((p *= _random.NextDouble()) > limit)
            {
                k++;
            }

            return k;
        }

        return Math.Max(0, (long)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
    }

    public T[] Shuffle<T>(IEnumerable<T> items)
    {
        var array = items.ToArray();
        _random.Shuffle(array);
        return array;
    }
}

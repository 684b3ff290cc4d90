namespace Dashboard.DemoData.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64, written out here so the sequence for a seed can never
/// change with a .NET version (System.Random's algorithm is an implementation detail).
/// </summary>
internal sealed class DemoRandom
{
    private ulong s0;
    private ulong s1;
    private ulong s2;
    private ulong s3;

    public DemoRandom(ulong seed)
    {
        var state = seed;
        s0 = SplitMix64.Next(ref state);
        s1 = SplitMix64.Next(ref state);
        s2 = SplitMix64.Next(ref state);
        s3 = SplitMix64.Next(ref state);
    }

    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in (0, 1): safe for inverse distribution functions.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    /// <summary>Uniform integer in [min, maxExclusive).</summary>
    public int NextInt(int min, int maxExclusive) => min + (int)((ulong)(maxExclusive - min) * (NextUInt64() >> 32) >> 32);

    public bool Chance(double probability) => NextDouble() < probability;

    /// <summary>Standard normal from exactly one draw, so paired runs consume the same sequence.</summary>
    public double Normal() => Distributions.InverseNormalCdf(NextOpenDouble());

    /// <summary>Poisson sample from exactly one draw (inverse CDF), so paired runs stay in step.</summary>
    public int Poisson(double mean) => Distributions.PoissonFromUniform(mean, NextOpenDouble());

    /// <summary>Multiplicative noise with median 1: exp(sigma · z).</summary>
    public double LogNormalFactor(double sigma) => Math.Exp(sigma * Normal());

    public void Shuffle<T>(IList<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = NextInt(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}

namespace Dashboard.Attribution.Tests;

/// <summary>Draws for the synthetic series of the curve tests, from a seeded <see cref="Random"/>.</summary>
internal static class Sampling
{
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>Marsaglia and Tsang's method (shape ≥ 1), mean = shape.</summary>
    public static double Gamma(Random random, double shape)
    {
        var d = shape - (1.0 / 3);
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + (c * x);
            }
            while (v <= 0);
            v = v * v * v;
            if (Math.Log(1 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
            {
                return d * v;
            }
        }
    }

    /// <summary>Knuth's method up to a mean of 500 (e^−mean stays representable), a rounded normal above.</summary>
    public static double Poisson(Random random, double mean)
    {
        if (mean > 500)
        {
            return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
        }

        var (limit, k, p) = (Math.Exp(-mean), 0, 1.0);
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}

namespace Dashboard.Worlds.Simulation;

/// <summary>Lag kernels of the worlds: weights over lags 0.., summing to 1.</summary>
public static class Kernels
{
    public static double[] Geometric(double decay, int length) =>
        Normalise([.. Enumerable.Range(0, length).Select(l => Math.Pow(decay, l))]);

    /// <summary>A gamma density (shape, with its mode on <paramref name="peakDay"/>) at the middle of each day.</summary>
    public static double[] Gamma(double shape, double peakDay, int length)
    {
        var scale = peakDay / (shape - 1);
        return Normalise([.. Enumerable.Range(0, length).Select(l => Math.Pow(l + 0.5, shape - 1) * Math.Exp(-(l + 0.5) / scale))]);
    }

    /// <summary>Σ kernel[l] × series[t − l] over the lags that exist.</summary>
    public static double Convolve(double[] kernel, IReadOnlyList<double> series, int t)
    {
        var sum = 0.0;
        for (var l = 0; l < kernel.Length && l <= t; l++)
        {
            sum += kernel[l] * series[t - l];
        }

        return sum;
    }

    private static double[] Normalise(double[] w)
    {
        var sum = w.Sum();
        return [.. w.Select(x => x / sum)];
    }
}

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// A candidate shape of how one action's revenue spreads over the following days: weights over lags 0..max that sum
/// to 1, so a type's coefficient on its kernel-weighted actions is the revenue of one action over all its days.
/// </summary>
public sealed record LagKernel(string Name, Func<int, double> Shape)
{
    /// <summary>Largest on the day of the action, then falling by <paramref name="decay"/> a day (0 = that day only).</summary>
    public static LagKernel Geometric(double decay) =>
        new(FormattableString.Invariant($"geometric {decay:0.##}"), l => Math.Pow(decay, l));

    /// <summary>A delayed peak: a gamma density of the given shape with its mode on <paramref name="peakDay"/>.</summary>
    public static LagKernel Peaked(double shape, double peakDay) =>
        new(FormattableString.Invariant($"peak on day {peakDay:0.#} (gamma shape {shape:0.#})"), l => Math.Pow(l + 0.5, shape - 1) * Math.Exp(-(l + 0.5) * (shape - 1) / peakDay));

    /// <summary>The weights over lags 0..<paramref name="maxLag"/>, summing to 1.</summary>
    public double[] Weights(int maxLag)
    {
        var w = Enumerable.Range(0, maxLag + 1).Select(l => Shape(l)).ToArray();
        var sum = w.Sum();
        return [.. w.Select(x => x / sum)];
    }

    /// <summary>Lag by which half of the revenue has come in.</summary>
    public int MedianLag(int maxLag)
    {
        var w = Weights(maxLag);
        var cumulative = 0.0;
        for (var l = 0; l <= maxLag; l++)
        {
            cumulative += w[l];
            if (cumulative >= 0.5)
            {
                return l;
            }
        }

        return maxLag;
    }
}

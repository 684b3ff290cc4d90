namespace Dashboard.Attribution;

/// <summary>Quantiles of resampled figures, for the bands the bootstraps give.</summary>
internal static class Quantiles
{
    /// <summary>Linear interpolation between order statistics (type 7, as R and NumPy default).</summary>
    public static double Of(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}

namespace Dashboard.Metrics.Time;

/// <summary>How a value moved against its comparison (METRICS.md "Time rules"). Undefined is null, never NaN.</summary>
public static class Change
{
    /// <summary>
    /// (value − comparison) / |comparison|: the absolute value keeps the sign meaning "up" when the comparison is
    /// negative (ROI from −0.2 to −0.1 is +0.5). Null when the comparison is 0 or either figure is absent.
    /// </summary>
    public static double? Relative(double? value, double? comparison)
    {
        if (value is not { } v || comparison is not { } c || c == 0)
        {
            return null;
        }

        return Finite((v - c) / Math.Abs(c));
    }

    /// <summary>value − comparison, for rates and ratios (ROI from −0.2 to −0.1 is +0.1 points). Null if either is absent.</summary>
    public static double? Points(double? value, double? comparison)
    {
        if (value is not { } v || comparison is not { } c)
        {
            return null;
        }

        return Finite(v - c);
    }

    // A NaN or infinite input (or an overflow) must not leak out as a figure.
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}

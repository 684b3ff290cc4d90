namespace Dashboard.Attribution.Valuation;

/// <summary>Cubic B-splines on uniform knots over days 0..n−1; together they sum to 1 on every day.</summary>
internal static class SplineBasis
{
    /// <summary>[day][basis]: the basis values, knots about every <paramref name="knotDays"/> days.</summary>
    public static double[][] Evaluate(int days, int knotDays)
    {
        var intervals = Math.Max(1, (int)Math.Round(days / (double)knotDays));
        var count = intervals + 3;
        var width = Math.Max(1, days - 1) / (double)intervals;
        var basis = new double[days][];
        for (var d = 0; d < days; d++)
        {
            basis[d] = new double[count];
            var x = d / width;
            var i = Math.Min(intervals - 1, (int)Math.Floor(x));
            var u = x - i;
            // The four cubic B-spline pieces on interval i.
            basis[d][i] = (1 - u) * (1 - u) * (1 - u) / 6;
            basis[d][i + 1] = ((3 * u * u * u) - (6 * u * u) + 4) / 6;
            basis[d][i + 2] = ((-3 * u * u * u) + (3 * u * u) + (3 * u) + 1) / 6;
            basis[d][i + 3] = u * u * u / 6;
        }

        return basis;
    }
}

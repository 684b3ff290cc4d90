namespace Dashboard.Metrics.Series;

/// <summary>One lag of a lagged correlation: r of x[t] against y[t + lag], over the pairs where both are present.</summary>
public sealed record LagCorrelation(int Lag, double? R, int Pairs);

/// <summary>A point outside its expected band: the trailing median ± threshold × robust spread.</summary>
public sealed record Anomaly(int Index, double Value, double Expected, double Low, double High);

/// <summary>
/// Time-series helpers the pages need, over evenly spaced values (one per day, week, ...). Absent values (null)
/// stay absent and are never read as 0; anything undefined comes back null, never NaN.
/// </summary>
public static class SeriesMath
{
    /// <summary>Trailing mean of the last <paramref name="window"/> values; null until the window is full or when it holds an absent value.</summary>
    public static IReadOnlyList<double?> MovingAverage(IReadOnlyList<double?> values, int window)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var result = new double?[values.Count];
        for (var t = window - 1; t < values.Count; t++)
        {
            double sum = 0;
            var complete = true;
            for (var k = t - window + 1; k <= t && complete; k++)
            {
                complete = values[k] is not null;
                sum += values[k] ?? 0;
            }

            result[t] = complete ? sum / window : null;
        }

        return result;
    }

    /// <summary>Relative change against the value <paramref name="lag"/> steps earlier; null at the start, on absent values and against 0.</summary>
    public static IReadOnlyList<double?> PeriodOverPeriod(IReadOnlyList<double?> values, int lag = 1)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(lag, 1);
        return values.Select((v, t) => t < lag ? null : Time.Change.Relative(v, values[t - lag])).ToList();
    }

    /// <summary>Pearson correlation of x[t] with y[t + lag] for lag 0..maxLag (x leads y); null below 3 pairs or with no variance.</summary>
    public static IReadOnlyList<LagCorrelation> LaggedCorrelation(IReadOnlyList<double?> x, IReadOnlyList<double?> y, int maxLag)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        var result = new List<LagCorrelation>();
        for (var lag = 0; lag <= maxLag; lag++)
        {
            var pairs = new List<(double X, double Y)>();
            for (var t = 0; t + lag < y.Count && t < x.Count; t++)
            {
                if (x[t] is { } a && y[t + lag] is { } b)
                {
                    pairs.Add((a, b));
                }
            }

            result.Add(new LagCorrelation(lag, Pearson(pairs), pairs.Count));
        }

        return result;
    }

    private static double? Pearson(List<(double X, double Y)> pairs)
    {
        if (pairs.Count < 3)
        {
            return null;
        }

        var mx = pairs.Average(p => p.X);
        var my = pairs.Average(p => p.Y);
        double sxy = 0, sxx = 0, syy = 0;
        foreach (var (px, py) in pairs)
        {
            sxy += (px - mx) * (py - my);
            sxx += (px - mx) * (px - mx);
            syy += (py - my) * (py - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : null;
    }

    /// <summary>
    /// Flags values outside trailing median ± <paramref name="threshold"/> × 1.4826 × MAD of the previous
    /// <paramref name="window"/> present values (a robust band: one spike does not widen it). With a flat history
    /// (MAD 0) any departure from the median is flagged: a sudden jump from a constant count is exactly engagement inflation.
    /// </summary>
    public static IReadOnlyList<Anomaly> Anomalies(IReadOnlyList<double?> values, int window = 28, double threshold = 3.5)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 3);
        var result = new List<Anomaly>();
        var history = new List<double>();
        for (var t = 0; t < values.Count; t++)
        {
            if (values[t] is not { } value)
            {
                continue;
            }

            if (history.Count >= window)
            {
                var recent = history.Skip(history.Count - window).ToList();
                var median = Median(recent);
                var spread = 1.4826 * Median(recent.Select(v => Math.Abs(v - median)).ToList()) * threshold;
                var (low, high) = (median - spread, median + spread);
                if (value < low || value > high)
                {
                    result.Add(new Anomaly(t, value, median, low, high));
                }
            }

            history.Add(value);
        }

        return result;
    }

    public static double Median(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("the median of no values is undefined", nameof(values));
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}

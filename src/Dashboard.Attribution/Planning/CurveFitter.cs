using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Planning;

/// <summary>A channel's fitted curve with the covariance of its parameters (on the fitter's unbounded scale).</summary>
public sealed record CurveFit(HillCurve Curve, double[] Theta, double[,] Covariance, int Observations)
{
    /// <summary>The curve at other unbounded parameters (for the delta method).</summary>
    public static HillCurve FromTheta(IReadOnlyList<double> theta) => CurveFitter.Curve(theta);
}

/// <summary>
/// Fits a <see cref="HillCurve"/> to one channel's series pooled over markets: Levenberg–Marquardt on
/// weighted least squares (weights 1 / a market's mean actions, as for counts whose variance grows with their mean),
/// from six starts over λ and α, on bounded parameters (λ in [0, 0.9), α in [0.5, 3], K and β positive) written as
/// unbounded ones. The covariance is a sandwich clustered by market and 28-day block, because the days' errors are
/// neither independent nor of equal spread.
/// <para>
/// Spend that never nears saturation only fixes β / K^α: K can run off to any height with β after it, and the
/// curve's band with it. So the fit has priors, as Meridian and PyMC-Marketing put on saturation: log K ~ N(log of
/// the median steady adstock, 2²), so half saturation sits within a factor of e² ≈ 7 of typical spend unless the data say
/// otherwise, and a weak logit α ~ N(0, 2²) that keeps α off its bounds. They enter as pseudo-observations weighted by
/// the residual variance of a prior-free first fit (a Gaussian posterior's mode), and in the sandwich's meat at their
/// expected size, so a direction the data do not fix keeps the prior's spread instead of none.
/// </para>
/// </summary>
public static class CurveFitter
{
    private const double MaxLambda = 0.9;
    private const double MinAlpha = 0.5;
    private const double AlphaRange = 2.5;
    private const int BlockDays = 28;
    private const double LogHalfSaturationSd = 2.0;
    private const double LogitAlphaSd = 2.0;

    internal static HillCurve Curve(IReadOnlyList<double> t) =>
        new(Math.Exp(t[0]), MaxLambda * Sigmoid(t[1]), Math.Exp(t[2]), MinAlpha + (AlphaRange * Sigmoid(t[3])));

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>
    /// The priors as two pseudo-observations on the unbounded parameters: s · (log K − its centre) / 2 and
    /// s · logit α / 2, with s the prior-free fit's residual standard deviation. The centre is the log of the median
    /// steady adstock per scale at the fit's own λ, so the prior speaks of K against the spend the channel really has.
    /// </summary>
    private sealed record Prior(double Scale, double LogMedianSpend)
    {
        public const int Rows = 2;

        public void Write(IReadOnlyList<double> theta, double[] into, int at)
        {
            var centre = LogMedianSpend - Math.Log(1 - (MaxLambda * Sigmoid(theta[1])));
            into[at] = Scale * (theta[2] - centre) / LogHalfSaturationSd;
            into[at + 1] = Scale * theta[3] / LogitAlphaSd;
        }
    }

    public static CurveFit? Fit(IReadOnlyList<ChannelSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var weights = Weights(series);
        var observations = series.Sum(s => s.Fitted.Count(f => f));
        if (observations < 60 || weights.All(w => w == 0))
        {
            return null;
        }

        double[]? free = null;
        var freeError = double.PositiveInfinity;
        foreach (var lambda in new[] { 0.2, 0.5, 0.8 })
        {
            foreach (var alpha in new[] { 1.2, 2.0 })
            {
                var start = Start(series, weights, lambda, alpha);
                if (start is null)
                {
                    continue;
                }

                var (theta, error) = LevenbergMarquardt(series, weights, start, Identity, null);
                if (error < freeError)
                {
                    (free, freeError) = (theta, error);
                }
            }
        }

        if (free is null || MedianSpend(series) is not { } median)
        {
            return null;
        }

        // With the priors in: from the prior-free optimum, and from K at the median adstock (where the first may have run off).
        var prior = new Prior(Math.Sqrt(freeError / Math.Max(1, observations - 4)), Math.Log(median));
        var curve = Curve(free);
        var starts = new[] { free, Start(series, weights, curve.Lambda, curve.Alpha) };
        double[]? best = null;
        var bestError = double.PositiveInfinity;
        foreach (var start in starts.OfType<double[]>())
        {
            var (theta, error) = LevenbergMarquardt(series, weights, start, Identity, prior);
            if (error < bestError)
            {
                (best, bestError) = (theta, error);
            }
        }

        return best is null ? null : new CurveFit(Curve(best), best, Covariance(series, weights, best, Identity, prior), observations);
    }

    /// <summary>
    /// One market's own β and K as offsets (log scale) from the pooled curve, with λ and α held at the pooled values
    /// (a market's few seasons cannot tell carry-over and shape apart from the pool's): the offsets and their clustered
    /// covariance, or null when the market's days cannot support a fit.
    /// </summary>
    public static (double[] Offset, double[,] Covariance)? FitMarket(ChannelSeries series, IReadOnlyList<double> pooled)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(pooled);
        var one = new[] { series };
        var weights = Weights(one);
        if (weights[0] == 0)
        {
            return null;
        }

        double[] Map(double[] d) => [pooled[0] + d[0], pooled[1], pooled[2] + d[1], pooled[3]];
        var (offset, _) = LevenbergMarquardt(one, weights, [0, 0], Map, null);
        return offset.Any(v => Math.Abs(v) >= 29) ? null : (offset, Covariance(one, weights, offset, Map, null));
    }

    /// <summary>The theta of a market whose β and K are offset from the pooled curve's.</summary>
    public static double[] Offset(IReadOnlyList<double> pooled, IReadOnlyList<double> offset) =>
        [pooled[0] + offset[0], pooled[1], pooled[2] + offset[1], pooled[3]];

    private static double[] Identity(double[] theta) => theta;

    /// <summary>1 / a market's mean actions over its fitted days (0 when it has none).</summary>
    private static double[] Weights(IReadOnlyList<ChannelSeries> series) => [.. series.Select(s =>
    {
        var (sum, n) = (0.0, 0);
        for (var t = 0; t < s.Days; t++)
        {
            if (s.Fitted[t])
            {
                (sum, n) = (sum + s.Actions[t], n + 1);
            }
        }

        return n > 0 && sum > 0 ? n / sum : 0;
    })];

    /// <summary>The median spend per scale over fitted days with spend (null when there are none).</summary>
    private static double? MedianSpend(IReadOnlyList<ChannelSeries> series)
    {
        var levels = series.SelectMany(s => Enumerable.Range(0, s.Days).Where(t => s.Fitted[t] && s.Spend[t] > 0).Select(t => s.Spend[t] / s.Scale)).ToList();
        if (levels.Count == 0)
        {
            return null;
        }

        levels.Sort();
        return levels[levels.Count / 2];
    }

    /// <summary>K at the median adstock per scale, β by least squares for that shape.</summary>
    private static double[]? Start(IReadOnlyList<ChannelSeries> series, double[] weights, double lambda, double alpha)
    {
        var levels = new List<double>();
        foreach (var s in series)
        {
            var a = s.Spend[0] / (1 - lambda);
            for (var t = 0; t < s.Days; t++)
            {
                a = t == 0 ? a : s.Spend[t] + (lambda * a);
                if (s.Fitted[t] && a > 0)
                {
                    levels.Add(a / s.Scale);
                }
            }
        }

        if (levels.Count == 0)
        {
            return null;
        }

        levels.Sort();
        var k = levels[levels.Count / 2];
        var shape = new[] { 0.0, Logit(Math.Clamp(lambda / MaxLambda, 1e-6, 1 - 1e-6)), Math.Log(k), Logit(Math.Clamp((alpha - MinAlpha) / AlphaRange, 1e-6, 1 - 1e-6)) };
        double xy = 0, xx = 0;
        Walk(series, shape, (m, t, f) => { xy += weights[m] * series[m].Actions[t] * f; xx += weights[m] * f * f; });
        return xx > 0 && xy > 0 ? [Math.Log(xy / xx), shape[1], shape[2], shape[3]] : null;
    }

    /// <summary>Calls <paramref name="visit"/> with (market, day, prediction) for every fitted day.</summary>
    private static void Walk(IReadOnlyList<ChannelSeries> series, IReadOnlyList<double> theta, Action<int, int, double> visit)
    {
        var curve = Curve(theta);
        for (var m = 0; m < series.Count; m++)
        {
            var s = series[m];
            var a = s.Spend[0] / (1 - curve.Lambda);
            for (var t = 0; t < s.Days; t++)
            {
                a = t == 0 ? a : s.Spend[t] + (curve.Lambda * a);
                if (s.Fitted[t])
                {
                    visit(m, t, curve.Beta * s.Scale * s.Season[t] * HillCurve.Hill(a / s.Scale, curve.HalfSaturation, curve.Alpha));
                }
            }
        }
    }

    /// <summary>The weighted residuals of the <paramref name="count"/> fitted days, then the prior's rows when there is one.</summary>
    private static double[] Residuals(IReadOnlyList<ChannelSeries> series, double[] weights, IReadOnlyList<double> theta, int count, Prior? prior)
    {
        var r = new double[count + (prior is null ? 0 : Prior.Rows)];
        var i = 0;
        Walk(series, theta, (m, t, f) => r[i++] = Math.Sqrt(weights[m]) * (series[m].Actions[t] - f));
        prior?.Write(theta, r, count);
        return r;
    }

    private static Matrix<double> Jacobian(IReadOnlyList<ChannelSeries> series, double[] weights, double[] theta, int count, Func<double[], double[]> map, Prior? prior)
    {
        var rows = count + (prior is null ? 0 : Prior.Rows);
        var j = Matrix<double>.Build.Dense(rows, theta.Length);
        for (var p = 0; p < theta.Length; p++)
        {
            const double H = 1e-5;
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[p] += H;
            down[p] -= H;
            var (ru, rd) = (Residuals(series, weights, map(up), count, prior), Residuals(series, weights, map(down), count, prior));

            // Residuals are y − f, so d f / dθ = −d r / dθ.
            for (var i = 0; i < rows; i++)
            {
                j[i, p] = -(ru[i] - rd[i]) / (2 * H);
            }
        }

        return j;
    }

    /// <summary>Levenberg–Marquardt over the free parameters; <paramref name="map"/> turns them into a curve's theta.</summary>
    private static (double[] Theta, double Error) LevenbergMarquardt(IReadOnlyList<ChannelSeries> series, double[] weights, double[] start, Func<double[], double[]> map, Prior? prior)
    {
        var count = series.Sum(s => s.Fitted.Count(f => f));
        var theta = start;
        var r = Vector<double>.Build.Dense(Residuals(series, weights, map(theta), count, prior));
        var error = r.DotProduct(r);
        var mu = 1e-3;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var j = Jacobian(series, weights, theta, count, map, prior);
            var jtj = j.TransposeThisAndMultiply(j);
            var jtr = j.TransposeThisAndMultiply(r);
            var improved = false;
            while (mu < 1e10)
            {
                var damped = jtj.Clone();
                for (var p = 0; p < theta.Length; p++)
                {
                    damped[p, p] += mu * Math.Max(jtj[p, p], 1e-12);
                }

                var step = damped.Solve(jtr);
                var candidate = theta.Select((v, p) => Math.Clamp(v + step[p], -30, 30)).ToArray();
                var rc = Vector<double>.Build.Dense(Residuals(series, weights, map(candidate), count, prior));
                var candidateError = rc.DotProduct(rc);
                if (candidateError < error)
                {
                    improved = error - candidateError > 1e-9 * error;
                    (theta, r, error) = (candidate, rc, candidateError);
                    mu = Math.Max(mu / 3, 1e-9);
                    break;
                }

                mu *= 4;
            }

            if (!improved)
            {
                break;
            }
        }

        return (theta, error);
    }

    /// <summary>
    /// The sandwich: the data's scores summed within market × 28-day blocks; the prior's rows enter the meat at their
    /// expected size s² JₚᵀJₚ (not their residuals, which are near 0 at the mode), so with iid errors the sandwich is the
    /// Gaussian posterior's covariance and a direction only the prior fixes keeps the prior's spread.
    /// </summary>
    private static double[,] Covariance(IReadOnlyList<ChannelSeries> series, double[] weights, double[] theta, Func<double[], double[]> map, Prior? prior)
    {
        var count = series.Sum(s => s.Fitted.Count(f => f));
        var j = Jacobian(series, weights, theta, count, map, prior);
        var r = Residuals(series, weights, map(theta), count, prior);
        var bread = (j.TransposeThisAndMultiply(j) + (Matrix<double>.Build.DenseIdentity(theta.Length) * 1e-9)).Inverse();
        var meat = Matrix<double>.Build.Dense(theta.Length, theta.Length);
        if (prior is not null)
        {
            var rows = j.SubMatrix(count, Prior.Rows, 0, theta.Length);
            meat += rows.TransposeThisAndMultiply(rows) * (prior.Scale * prior.Scale);
        }

        var i = 0;
        for (var m = 0; m < series.Count; m++)
        {
            var s = series[m];
            var score = Vector<double>.Build.Dense(theta.Length);
            var block = -1;
            for (var t = 0; t < s.Days; t++)
            {
                if (!s.Fitted[t])
                {
                    continue;
                }

                if (t / BlockDays != block && block >= 0)
                {
                    meat += score.OuterProduct(score);
                    score.Clear();
                }

                block = t / BlockDays;
                score += j.Row(i) * r[i];
                i++;
            }

            meat += score.OuterProduct(score);
        }

        return (bread * meat * bread).ToArray();
    }
}

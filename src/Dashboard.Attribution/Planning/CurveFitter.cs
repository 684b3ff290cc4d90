using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Planning;

/// <summary>A channel's fitted curve with the covariance of its parameters (on the fitter's unbounded scale).</summary>
public sealed record CurveFit(HillCurve Curve, double[] Theta, double[,] Covariance, int Observations)
{
    /// <summary>The curve of the same carry-over shape at other unbounded parameters (for the delta method).</summary>
    public HillCurve At(IReadOnlyList<double> theta) => CurveFitter.Curve(theta, Curve.Shape);

    /// <summary>The prior-free fit's residual standard deviation (weighted units): what markets' offset priors are weighed by.</summary>
    public double ResidualScale { get; init; } = 1;
}

/// <summary>
/// Fits a <see cref="HillCurve"/> to one channel's series pooled over markets: Levenberg–Marquardt on
/// weighted least squares (weights 1 / a market's mean actions, as for counts whose variance grows with their mean),
/// from several starts over λ and α, on bounded parameters (λ in [0, 0.9), α in [0.5, 3], K and β positive) written as
/// unbounded ones. The carry-over's shape (geometric, or peaking later: <see cref="HillCurve.Shape"/> 2) is
/// chosen by fit, a delayed one only where it beats the geometric by more than the Bayesian information criterion's
/// price of one parameter. The covariance is a sandwich clustered by market and 28-day block, because the days' errors
/// are neither independent nor of equal spread; it holds the chosen shape fixed.
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
    private const double MarketOffsetSd = 1.0;

    /// <summary>The carry-over shapes tried: 0 is geometric; 2 peaks later for the same λ (1 and 4 as well cost 60% of the fit time for the same table).</summary>
    private static readonly double[] Shapes = [0, 2];

    private static readonly (double Lambda, double Alpha)[] GeometricStarts = [(0.2, 1.2), (0.2, 2.0), (0.5, 1.2), (0.5, 2.0), (0.8, 1.2), (0.8, 2.0)];

    internal static HillCurve Curve(IReadOnlyList<double> t, double shape) =>
        new(Math.Exp(t[0]), MaxLambda * Sigmoid(t[1]), Math.Exp(t[2]), MinAlpha + (AlphaRange * Sigmoid(t[3])), shape);

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Logit(double p) => Math.Log(p / (1 - p));

    /// <summary>
    /// The priors as two pseudo-observations on the unbounded parameters: s · (log K − its centre) / 2 and
    /// s · logit α / 2, with s the prior-free fit's residual standard deviation. The centre is the log of the median
    /// steady adstock per scale at the fit's own carry-over, so the prior speaks of K against the spend the channel
    /// really has.
    /// </summary>
    private abstract record Prior(double Scale)
    {
        public const int Rows = 2;

        public abstract void Write(IReadOnlyList<double> theta, double shape, double[] into, int at);
    }

    private sealed record SaturationPrior(double Scale, double LogMedianSpend) : Prior(Scale)
    {
        public override void Write(IReadOnlyList<double> theta, double shape, double[] into, int at)
        {
            var centre = LogMedianSpend + Math.Log(Curve(theta, shape).Carry);
            into[at] = Scale * (theta[2] - centre) / LogHalfSaturationSd;
            into[at + 1] = Scale * theta[3] / LogitAlphaSd;
        }
    }

    /// <summary>
    /// A market's offsets of log β and log K from the pool ~ N(0, 1²) each: a market's own seasons rarely fix its K,
    /// and without a prior the pair ran off together (log β offsets of 38 with log K's 29, β / K^α alone in the data),
    /// which the shrinkage's local approximation cannot bring back.
    /// </summary>
    private sealed record OffsetPrior(double Scale, IReadOnlyList<double> Pooled) : Prior(Scale)
    {
        public override void Write(IReadOnlyList<double> theta, double shape, double[] into, int at)
        {
            into[at] = Scale * (theta[0] - Pooled[0]) / MarketOffsetSd;
            into[at + 1] = Scale * (theta[2] - Pooled[2]) / MarketOffsetSd;
        }
    }

    /// <summary>One fit's data, carry-over shape and prior, with the adstock of the last few λ kept (a Jacobian moves λ in 2 of 8 evaluations).</summary>
    private sealed class Problem(IReadOnlyList<ChannelSeries> series, double[] weights, double shape, Prior? prior)
    {
        private readonly Dictionary<double, double[][]> _adstock = [];

        public IReadOnlyList<ChannelSeries> Series => series;

        public double[] Weights => weights;

        public double Shape => shape;

        public Prior? Prior => prior;

        public int Count { get; } = series.Sum(s => s.Fitted.Count(f => f));

        public int Rows => Count + (prior is null ? 0 : Prior.Rows);

        public double[][] Adstock(HillCurve curve)
        {
            if (_adstock.TryGetValue(curve.Lambda, out var cached))
            {
                return cached;
            }

            if (_adstock.Count >= 8)
            {
                _adstock.Clear();
            }

            return _adstock[curve.Lambda] = [.. series.Select(s => curve.Adstock(s.Spend))];
        }
    }

    /// <param name="shapes">The carry-over shapes to try (all when null); the geometric first when it is among them.</param>
    /// <param name="from">A fit of the same channel to start from (a refit on fewer days), instead of the starts over λ and α.</param>
    public static CurveFit? Fit(IReadOnlyList<ChannelSeries> series, IReadOnlyList<double>? shapes = null, CurveFit? from = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        var weights = Weights(series);
        var observations = series.Sum(s => s.Fitted.Count(f => f));
        if (observations < 60 || weights.All(w => w == 0) || MedianSpend(series) is not { } median)
        {
            return null;
        }

        // Prior-free, each shape from its starts: the geometric from six over λ and α; a delayed one from the λ whose mean
        // lag matches the geometric fit's (mean day ≈ (shape + 1) / −ln λ − 1) and its α, or from the middle without it.
        var fits = new List<(double Shape, double[] Theta, double Error)>();
        HillCurve? geometric = null;
        foreach (var shape in shapes ?? Shapes)
        {
            var problem = new Problem(series, weights, shape, null);
            (double Lambda, double Alpha)[] starts = from is not null ? [(from.Curve.Lambda, from.Curve.Alpha)]
                : shape == 0 ? GeometricStarts
                : geometric is { } g ? [(Math.Exp(-(shape + 1) * (1 - g.Lambda)), g.Alpha)]
                : [(0.5, 1.5)];
            (double[] Theta, double Error)? best = null;
            foreach (var (lambda, alpha) in starts)
            {
                if ((from is not null && from.Curve.Shape == shape ? from.Theta : Start(problem, lambda, alpha)) is { } start
                    && LevenbergMarquardt(problem, start, Identity) is var fit && fit.Error < (best?.Error ?? double.PositiveInfinity))
                {
                    best = fit;
                }
            }

            if (best is { } b)
            {
                fits.Add((shape, b.Theta, b.Error));
                geometric ??= shape == 0 ? Curve(b.Theta, 0) : null;
            }
        }

        if (fits.Count == 0)
        {
            return null;
        }

        var variance = fits.Min(f => f.Error) / Math.Max(1, observations - 5);
        var chosen = fits.MinBy(f => f.Error + (f.Shape > 0 ? variance * Math.Log(observations) : 0));

        // With the priors in: from the prior-free optimum, and from K at the median adstock (where the first may have run off).
        var prior = new Problem(series, weights, chosen.Shape, new SaturationPrior(Math.Sqrt(variance), Math.Log(median)));
        var curve = Curve(chosen.Theta, chosen.Shape);
        (double[] Theta, double Error)? posterior = null;
        foreach (var start in new[] { chosen.Theta, Start(prior, curve.Lambda, curve.Alpha) }.OfType<double[]>())
        {
            var fit = LevenbergMarquardt(prior, start, Identity);
            if (fit.Error < (posterior?.Error ?? double.PositiveInfinity))
            {
                posterior = fit;
            }
        }

        return posterior is not { } p ? null
            : new CurveFit(Curve(p.Theta, chosen.Shape), p.Theta, Covariance(prior, p.Theta, Identity), observations) { ResidualScale = Math.Sqrt(variance) };
    }

    /// <summary>
    /// One market's own β and K as offsets (log scale) from the pooled curve, with λ, α and the carry-over's shape held
    /// at the pool's (a market's few seasons cannot tell carry-over and shape apart from the pool's): the offsets and
    /// their clustered covariance, or null when the market's days cannot support a fit.
    /// </summary>
    public static (double[] Offset, double[,] Covariance)? FitMarket(ChannelSeries series, CurveFit pooled)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(pooled);
        var one = new[] { series };
        var weights = Weights(one);
        if (weights[0] == 0)
        {
            return null;
        }

        // The offsets' prior is weighed by the pooled fit's residual scale (the weights make it comparable across markets).
        var theta = pooled.Theta;
        double[] Map(double[] d) => Offset(theta, d);
        var problem = new Problem(one, weights, pooled.Curve.Shape, new OffsetPrior(pooled.ResidualScale, theta));
        var (offset, _) = LevenbergMarquardt(problem, [0, 0], Map);
        return offset.Any(v => Math.Abs(v) >= 29) ? null : (offset, Covariance(problem, offset, Map));
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
    private static double[]? Start(Problem problem, double lambda, double alpha)
    {
        var shape = new[] { 0.0, Logit(Math.Clamp(lambda / MaxLambda, 1e-6, 1 - 1e-6)), 0.0, Logit(Math.Clamp((alpha - MinAlpha) / AlphaRange, 1e-6, 1 - 1e-6)) };
        var adstock = problem.Adstock(Curve(shape, problem.Shape));
        var levels = new List<double>();
        for (var m = 0; m < problem.Series.Count; m++)
        {
            var s = problem.Series[m];
            for (var t = 0; t < s.Days; t++)
            {
                if (s.Fitted[t] && adstock[m][t] > 0)
                {
                    levels.Add(adstock[m][t] / s.Scale);
                }
            }
        }

        if (levels.Count == 0)
        {
            return null;
        }

        levels.Sort();
        shape[2] = Math.Log(levels[levels.Count / 2]);
        double xy = 0, xx = 0;
        var weights = problem.Weights;
        Walk(problem, shape, (m, t, f) => { xy += weights[m] * problem.Series[m].Actions[t] * f; xx += weights[m] * f * f; });
        return xx > 0 && xy > 0 ? [Math.Log(xy / xx), shape[1], shape[2], shape[3]] : null;
    }

    /// <summary>Calls <paramref name="visit"/> with (market, day, prediction) for every fitted day.</summary>
    private static void Walk(Problem problem, IReadOnlyList<double> theta, Action<int, int, double> visit)
    {
        var curve = Curve(theta, problem.Shape);
        var adstock = problem.Adstock(curve);
        for (var m = 0; m < problem.Series.Count; m++)
        {
            var s = problem.Series[m];
            for (var t = 0; t < s.Days; t++)
            {
                if (s.Fitted[t])
                {
                    visit(m, t, curve.Beta * s.Scale * s.Season[t] * HillCurve.Hill(adstock[m][t] / s.Scale, curve.HalfSaturation, curve.Alpha));
                }
            }
        }
    }

    /// <summary>The weighted residuals of the fitted days, then the prior's rows when there is one.</summary>
    private static double[] Residuals(Problem problem, IReadOnlyList<double> theta)
    {
        var r = new double[problem.Rows];
        var i = 0;
        var (series, weights) = (problem.Series, problem.Weights);
        Walk(problem, theta, (m, t, f) => r[i++] = Math.Sqrt(weights[m]) * (series[m].Actions[t] - f));
        problem.Prior?.Write(theta, problem.Shape, r, problem.Count);
        return r;
    }

    private static Matrix<double> Jacobian(Problem problem, double[] theta, Func<double[], double[]> map)
    {
        var j = Matrix<double>.Build.Dense(problem.Rows, theta.Length);
        for (var p = 0; p < theta.Length; p++)
        {
            const double H = 1e-5;
            var up = (double[])theta.Clone();
            var down = (double[])theta.Clone();
            up[p] += H;
            down[p] -= H;
            var (ru, rd) = (Residuals(problem, map(up)), Residuals(problem, map(down)));

            // Residuals are y − f, so d f / dθ = −d r / dθ.
            for (var i = 0; i < problem.Rows; i++)
            {
                j[i, p] = -(ru[i] - rd[i]) / (2 * H);
            }
        }

        return j;
    }

    /// <summary>Levenberg–Marquardt over the free parameters; <paramref name="map"/> turns them into a curve's theta.</summary>
    private static (double[] Theta, double Error) LevenbergMarquardt(Problem problem, double[] start, Func<double[], double[]> map)
    {
        var theta = start;
        var r = Vector<double>.Build.Dense(Residuals(problem, map(theta)));
        var error = r.DotProduct(r);
        var mu = 1e-3;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            var j = Jacobian(problem, theta, map);
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
                var rc = Vector<double>.Build.Dense(Residuals(problem, map(candidate)));
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
    private static double[,] Covariance(Problem problem, double[] theta, Func<double[], double[]> map)
    {
        var count = problem.Count;
        var j = Jacobian(problem, theta, map);
        var r = Residuals(problem, map(theta));
        var bread = (j.TransposeThisAndMultiply(j) + (Matrix<double>.Build.DenseIdentity(theta.Length) * 1e-9)).Inverse();
        var meat = Matrix<double>.Build.Dense(theta.Length, theta.Length);
        if (problem.Prior is { } prior)
        {
            var rows = j.SubMatrix(count, Prior.Rows, 0, theta.Length);
            meat += rows.TransposeThisAndMultiply(rows) * (prior.Scale * prior.Scale);
        }

        var i = 0;
        foreach (var s in problem.Series)
        {
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

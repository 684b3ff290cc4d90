using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Snapshot;
using MathNet.Numerics.Distributions;

namespace Dashboard.Attribution.Incremental;

/// <summary>
/// What a stored geo test did to its channel's curve: the test's cells (markets and days), the spend the test markets
/// had there and would have had without the test, what the test measured, and what the model predicted for the same
/// cells before and after (incremental revenue over the test's days only, USD, 90% bands). <see cref="Problem"/> says why
/// a test was not applied (then <see cref="After"/> is <see cref="Before"/>).
/// </summary>
public sealed record CalibrationResult(
    string Test,
    string Channel,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> Markets,
    double SpendUsd,
    double CounterfactualSpendUsd,
    double SpendChange,
    Estimate Measured,
    Estimate? Before,
    Estimate? After,
    string? Problem)
{
    public bool Applied => Problem is null;
}

/// <summary>What a geo test may move when it calibrates its channel.</summary>
public enum CalibrationReach
{
    /// <summary>Every parameter of the curve and what an action is worth, each as far as its uncertainty allows.</summary>
    Curve,

    /// <summary>Only the channel's amplitude (everything it adds, scaled by one factor): the curve's shape stays as the data fitted it.</summary>
    Amplitude,

    /// <summary>
    /// The study's choice (docs/attribution.md): on the biased worlds letting the test reshape the curve made the channel's
    /// figure worse (carry-over and saturation absorbed the test's days), holding the shape halved the error.
    /// </summary>
    Default = Amplitude,
}

/// <summary>
/// A calibration and the figure it changed: the channel's incremental revenue over a period from its curve before the
/// geo tests and after them (null where the test was not applied).
/// </summary>
public sealed record CalibrationEffect(CalibrationResult Result, IncrementalFigure? Before, IncrementalFigure? After);

/// <summary>
/// A calibrated channel's curve over its test's markets at steady spend in the test's weeks (their season), before and after
/// the calibration: the revenue per day (USD) that spend per day above the markets' usual level adds (0 at the usual level),
/// beside the test's point (its spend per day and what it measured per day, with the interval).
/// </summary>
public sealed record CalibrationCurve(
    IReadOnlyList<double> SpendPerDay,
    IReadOnlyList<double> Before,
    IReadOnlyList<double> After,
    double UsualSpendPerDay,
    double TestSpendPerDay,
    Estimate MeasuredPerDay);

/// <summary>
/// Calibration of a channel's response curve by a read-out geo test (METRICS.md "Incremental figures"). The model's
/// prediction for the test, g(θ, v) = v × Σ over the test markets and days of the channel's actions with the spend as
/// it was less with the spend the markets would have had, is a new observation of the curve's parameters θ and of v,
/// what one of the channel's actions is worth: measured Î with σ = (high − low) / (2 × 1.645). On the Gaussian
/// approximation of the curve fit and the valuation that is an iterated Kalman update (PyMC-Marketing adds the lift
/// test to the likelihood; this is the same on a Gaussian posterior): what the data pinned least moves most, and the
/// covariance narrows along the test's direction. Where the updated prediction is still outside the test's interval,
/// the parameters move in the updated covariance's metric to the nearest end: the constraint the spec asks for. Only
/// the test's days count (a difference-in-differences measures nothing after them: Robyn's "immediate" scope).
/// </summary>
public static class Calibration
{
    /// <summary>A spend change closer to 1 than this cannot calibrate anything: the test did not move the channel.</summary>
    public const double MinimumChange = 0.05;

    /// <summary>Below this multiple the test went dark: the spend it stopped is read from the pre-period, not divided out.</summary>
    public const double DarkBelow = 0.05;

    /// <summary>
    /// What the model's band cannot hold: a confounder the data do not show (flights timed with demand) biases the fit
    /// with a narrow band. The amplitude's prior adds this spread (±100%, as weak as Meridian's default ROI prior), so an
    /// experiment, which removes the confounder, decides; the study's worlds chose it over the band alone.
    /// </summary>
    private const double AmplitudeSpread = 1.0;

    private const int Iterations = 6;
    private const double H = 1e-4;

    /// <summary>
    /// The test markets' spend on the channel over the test as a multiple of what they would have spent: their spend over
    /// the test against their pre-period's (the test's length just before it) adjusted by the control markets' change, as
    /// the difference-in-differences reads the outcome.
    /// </summary>
    public static double SpendChange(ResponseModel model, string channel, HoldoutTestDefinition test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(test);
        var c = ChannelIndex(model, channel);
        var (w0, w1) = Window(model, test) ?? throw new Metrics.Engine.MetricsQueryException(
            FormattableString.Invariant($"holdout test '{test.Test}' ({test.Start:yyyy-MM-dd}..{test.End:yyyy-MM-dd}) and its pre-period are not within the fitted data"));
        var (testPre, testTest) = PreAndTestSpend(model, c, test.TestMarkets, w0, w1);
        return testPre > 0 ? testTest / (testPre * ControlChange(model, c, test, w0, w1)) : double.NaN;
    }

    /// <summary>What each of the model's calibrations did, with its channel's incremental figure over the period before and after.</summary>
    public static IReadOnlyList<CalibrationEffect> Effects(ResponseModel model, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(model);
        return [.. model.Calibrations.Select(r =>
        {
            var c = IndexOf(model.Channels, r.Channel);
            return r.Applied && c >= 0
                ? new CalibrationEffect(r, ChannelIncrement.Uncalibrated(model, c, from, to), ChannelIncrement.Of(model, c, from, to))
                : new CalibrationEffect(r, null, null);
        })];
    }

    /// <summary>The curves of an applied calibration's channel over its test markets, before and after (null when it was not applied).</summary>
    public static CalibrationCurve? Curve(ResponseModel model, CalibrationResult result, int points = 41)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(result);
        var c = IndexOf(model.Channels, result.Channel);
        if (!result.Applied || c < 0 || model.Channels[c] is not { Uncalibrated: { } before } after)
        {
            return null;
        }

        var days = result.To.DayNumber - result.From.DayNumber + 1;
        var (w0, w1) = (result.From.DayNumber - model.Window.First, result.To.DayNumber - model.Window.First);
        var markets = Indices(model, result.Markets).ToArray();
        var spent = markets.Select(m => model.Spend(m, c).Skip(w0).Take(w1 - w0 + 1).Sum()).ToArray();
        var shares = spent.Select(x => spent.Sum() > 0 ? x / spent.Sum() : 1.0 / markets.Length).ToArray();
        var season = markets.Select(m => Enumerable.Range(w0, w1 - w0 + 1).Average(t => model.Season(m, t))).ToArray();
        var (usual, tested) = (result.CounterfactualSpendUsd / days, result.SpendUsd / days);
        double Revenue(ChannelResponse response, double perDay)
        {
            var sum = 0.0;
            for (var i = 0; i < markets.Length; i++)
            {
                sum += response.Markets[markets[i]].Curve is { } curve ? curve.Steady(perDay * shares[i], model.Scale(markets[i]), season[i]) : 0;
            }

            return response.Estimated.Value * sum;
        }

        var top = 2 * Math.Max(usual, tested);
        var spend = Enumerable.Range(0, points).Select(i => top * i / (points - 1)).ToArray();
        return new CalibrationCurve(spend,
            [.. spend.Select(x => Revenue(before, x) - Revenue(before, usual))],
            [.. spend.Select(x => Revenue(after, x) - Revenue(after, usual))],
            usual, tested, new Estimate(result.Measured.Value / days, result.Measured.Low / days, result.Measured.High / days));
    }

    /// <summary>What applying a read-out to its channel would do, the model left as it is (a preview before storing it).</summary>
    public static CalibrationResult Check(ResponseModel model, LiftCalibration readout, HoldoutTestDefinition? test)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(readout);
        var c = IndexOf(model.Channels, readout.Channel);
        return Apply(model, c, c < 0 ? null : model.Channels[c], readout, test, CalibrationReach.Default).Result;
    }

    /// <summary>The model with each stored calibration applied to its channel in turn, and what each did.</summary>
    internal static (IReadOnlyList<ChannelResponse> Channels, IReadOnlyList<CalibrationResult> Results) ApplyAll(
        ResponseModel model, IReadOnlyList<LiftCalibration> calibrations, IReadOnlyList<HoldoutTestDefinition> tests, CalibrationReach reach)
    {
        var channels = model.Channels.ToArray();
        var results = new List<CalibrationResult>();
        foreach (var stored in calibrations)
        {
            var c = IndexOf(channels, stored.Channel);
            var test = tests.FirstOrDefault(t => t.Test == stored.Test);
            var (response, result) = Apply(model, c, c < 0 ? null : channels[c], stored, test, reach);
            if (c >= 0)
            {
                channels[c] = response ?? channels[c];
            }

            results.Add(result);
        }

        return (channels, results);
    }

    private static (ChannelResponse? Response, CalibrationResult Result) Apply(ResponseModel model, int c, ChannelResponse? response, LiftCalibration stored, HoldoutTestDefinition? test,
        CalibrationReach reach)
    {
        var measured = new Estimate(stored.IncrementalUsd, stored.LowUsd, stored.HighUsd);
        CalibrationResult Skipped(string problem, DateOnly from, DateOnly to, IReadOnlyList<string> markets) =>
            new(stored.Test, stored.Channel, from, to, markets, 0, 0, stored.SpendChange, measured, null, null, problem);

        if (test is null)
        {
            return (null, Skipped("the holdout test is no longer in the data", default, default, []));
        }

        if (response?.Fit is not { } fit)
        {
            return (null, Skipped(response is null ? "the channel has no spend in this scope" : $"the channel has no response curve ({response.AbsentReason})",
                test.Start, test.End, test.TestMarkets));
        }

        var outside = test.TestMarkets.Where(m => !model.MarketCodes.Contains(m)).ToList();
        if (outside.Count > 0)
        {
            return (null, Skipped($"its test markets {string.Join(", ", outside)} are outside this scope's fit", test.Start, test.End, test.TestMarkets));
        }

        if (Window(model, test) is not var (w0, w1))
        {
            return (null, Skipped("the test and its pre-period are not within the fitted data", test.Start, test.End, test.TestMarkets));
        }

        var markets = Indices(model, test.TestMarkets).ToArray();
        var spend = markets.Select(m => model.Spend(m, c)).ToArray();
        var without = markets.Select((m, i) => Counterfactual(model, c, m, spend[i], w0, w1, stored.SpendChange, test)).ToArray();
        var (tested, counterfactual) = (Sum(spend, w0, w1), Sum(without, w0, w1));
        if (Math.Abs(tested - counterfactual) < MinimumChange * Math.Max(tested, counterfactual))
        {
            return (null, Skipped("the test did not change the channel's spend in its markets", test.Start, test.End, test.TestMarkets) with
            {
                SpendUsd = tested, CounterfactualSpendUsd = counterfactual,
            });
        }

        var (value, valueSe) = response.Estimated;
        if (value <= 0)
        {
            return (null, Skipped("what the channel's actions are worth is not estimated above 0: its curve cannot meet a revenue test", test.Start, test.End, test.TestMarkets));
        }

        var days = model.Window.Days;
        double Actions(int i, HillCurve curve) =>
            ChannelIncrement.Gain(curve, spend[i], without[i], w0, w1, days, model.Scale(markets[i]), t => model.Season(markets[i], t)).All;
        double ActionsAt(double[] theta)
        {
            var sum = 0.0;
            for (var i = 0; i < markets.Length; i++)
            {
                var own = response.Markets[markets[i]];
                sum += Actions(i, fit.At(own.Own ? CurveFitter.Offset(theta, own.Offset) : theta));
            }

            return sum;
        }

        var before = Predicted(response, markets, Actions);
        var sd = (measured.High - measured.Low) / (2 * Normal.InvCDF(0, 1, 0.95));

        var updated = reach == CalibrationReach.Curve
            ? Reshaped(response, fit, value, valueSe, ActionsAt, measured, sd)
            : Scaled(response, before, measured, sd);
        updated = updated with { Uncalibrated = response.Uncalibrated ?? response, CalibratedBy = [.. response.CalibratedBy, stored.Test] };
        var after = Predicted(updated, markets, Actions);
        return (updated, new CalibrationResult(stored.Test, stored.Channel, test.Start, test.End, test.TestMarkets, tested, counterfactual,
            counterfactual > 0 ? tested / counterfactual : double.NaN, measured, before, after, null));
    }

    /// <summary>
    /// The channel scaled to meet the test: one amplitude a on everything it adds, a ~ N(1, (the prediction's relative
    /// spread)²) before the test, updated by it; what an action is worth becomes a × its value, with as standard error what
    /// of a's remaining spread the curve's own does not already add to every figure.
    /// </summary>
    private static ChannelResponse Scaled(ChannelResponse response, Estimate before, Estimate measured, double sd)
    {
        var z = Normal.InvCDF(0, 1, 0.95);
        var spread = (before.High - before.Low) / (2 * z * Math.Abs(before.Value));
        var (a, variance) = Update([1.0], new[,] { { (spread * spread) + (AmplitudeSpread * AmplitudeSpread) } }, p => p[0] * before.Value, measured.Value, sd * sd, measured.Low, measured.High);
        var scale = a[0];
        var value = response.Estimated.Value * scale;

        // The figures add the curve's spread to the value's: the value keeps what of the amplitude's spread is not the curve's.
        var curveShare = Math.Max(0, (spread * spread) - Math.Pow(response.Estimated.StandardError / response.Estimated.Value, 2));
        var relative = Math.Sqrt(Math.Max(0, (variance[0, 0] / (scale * scale)) - curveShare));
        return response with
        {
            ValueUsd = response.ValueUsd * scale,
            ValueWeights = [.. response.ValueWeights.Select(w => w * scale)],
            Estimated = (value, Math.Abs(value) * relative),
            Mix = [.. response.Mix.Select(x => x * scale)],
        };
    }

    /// <summary>
    /// The curve's parameters and what an action is worth updated together (independent before the test; their
    /// covariance after it is not kept, which leaves the band a little wider than it could be).
    /// </summary>
    private static ChannelResponse Reshaped(ChannelResponse response, CurveFit fit, double value, double valueSe, Func<double[], double> actionsAt, Estimate measured, double sd)
    {
        var n = fit.Theta.Length;
        var prior = new double[n + 1, n + 1];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                prior[a, b] = fit.Covariance[a, b];
            }
        }

        prior[n, n] = valueSe * valueSe;
        var (phi, posterior) = Update([.. fit.Theta, value], prior, p => p[n] * actionsAt(p[..n]), measured.Value, sd * sd, measured.Low, measured.High);
        var theta = phi[..n];
        var covariance = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                covariance[a, b] = posterior[a, b];
            }
        }

        // A channel's action is its mix of types at their values: the test rescales what the mix is worth, for this channel.
        var scale = phi[n] / value;
        var calibrated = new CurveFit(fit.At(theta), theta, covariance, fit.Observations) { ResidualScale = fit.ResidualScale };
        return response with
        {
            Fit = calibrated,
            Markets = [.. response.Markets.Select(m => m.Curve is null ? m : m with { Curve = calibrated.At(m.Own ? CurveFitter.Offset(theta, m.Offset) : theta) })],
            ValueUsd = response.ValueUsd * scale,
            ValueWeights = [.. response.ValueWeights.Select(w => w * scale)],
            Estimated = (phi[n], Math.Sqrt(Math.Max(0, posterior[n, n]))),
            Mix = [.. response.Mix.Select(x => x * scale)],
        };
    }

    /// <summary>The model's incremental revenue for the test's cells with its 90% band (curve and value uncertainty).</summary>
    private static Estimate Predicted(ChannelResponse response, int[] markets, Func<int, HillCurve, double> actions)
    {
        var slot = new Dictionary<int, int>();
        for (var i = 0; i < markets.Length; i++)
        {
            slot[markets[i]] = i;
        }

        var total = 0.0;
        foreach (var (m, i) in slot)
        {
            total += response.Markets[m].Curve is { } curve ? actions(i, curve) : 0;
        }

        var (value, valueSe) = response.Estimated;
        var curveVariance = CurveBand.Variance(response, (m, curve) => slot.TryGetValue(m, out var i) ? actions(i, curve) : 0);
        var sd = Math.Sqrt((value * value * curveVariance) + Math.Pow(total * valueSe, 2));
        var z = Normal.InvCDF(0, 1, 0.95);
        return new Estimate(value * total, (value * total) - (z * sd), (value * total) + (z * sd));
    }

    /// <summary>
    /// The market's spend with the test's days as they would have been: divided by the spend change, or for a test that
    /// went dark the pre-period's mean day times the control markets' change.
    /// </summary>
    private static double[] Counterfactual(ResponseModel model, int c, int m, double[] spend, int w0, int w1, double change, HoldoutTestDefinition test)
    {
        var without = (double[])spend.Clone();
        var length = w1 - w0 + 1;
        var level = change < DarkBelow ? spend.Skip(w0 - length).Take(length).Average() * ControlChange(model, c, test, w0, w1) : 0;

        for (var t = w0; t <= w1; t++)
        {
            without[t] = change < DarkBelow ? level : spend[t] / change;
        }

        return without;
    }

    /// <summary>
    /// One observation y = g(θ) + e, e ~ N(0, noise), on θ ~ N(θ̂, Σ): the iterated extended Kalman update (g linearised
    /// at the current estimate until it settles), then, where g is still outside [low, high], a move in the updated Σ's
    /// metric to the nearest end (just inside it). Returns the new θ and covariance.
    /// </summary>
    internal static (double[] Theta, double[,] Covariance) Update(double[] theta, double[,] covariance, Func<double[], double> predict, double measured, double noise,
        double low, double high)
    {
        ArgumentNullException.ThrowIfNull(theta);
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(predict);
        var n = theta.Length;
        var current = (double[])theta.Clone();

        // A test further from the prediction than both spreads allow says the fit's covariance is too narrow (the data
        // cannot show a confounder the test removes): the covariance is scaled up until the miss is one spread away
        // (a method-of-moments estimate of the model's discrepancy), so the update weighs the test as it deserves and
        // the bands widen with the evidence that the model was off.
        var z0 = Gradient(predict, theta);
        var spread0 = Dot(z0, Times(covariance, z0));
        var miss = Math.Pow(measured - predict(theta), 2);
        var inflation = spread0 > 0 && miss > spread0 + noise ? (miss - noise) / spread0 : 1;
        covariance = Scaled(covariance, inflation);
        for (var i = 0; i < Iterations; i++)
        {
            var z = Gradient(predict, current);
            var sz = Times(covariance, z);
            var s = Dot(z, sz) + noise;
            var innovation = measured - predict(current) - Dot(z, [.. theta.Select((x, p) => x - current[p])]);
            var next = theta.Select((x, p) => x + (sz[p] * innovation / s)).ToArray();
            var step = next.Select((x, p) => Math.Abs(x - current[p])).Max();
            current = next;
            if (step < 1e-9)
            {
                break;
            }
        }

        var gradient = Gradient(predict, current);
        var spread = Times(covariance, gradient);
        var total = Dot(gradient, spread) + noise;
        var updated = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                updated[a, b] = covariance[a, b] - (spread[a] * spread[b] / total);
            }
        }

        var g0 = predict(current);
        if (g0 < low || g0 > high)
        {
            current = Project(current, updated, predict, g0 < low ? low + (1e-3 * (high - low)) : high - (1e-3 * (high - low)));
        }

        return (current, updated);
    }

    /// <summary>
    /// The point where g reaches <paramref name="bound"/> along the covariance's steepest direction Σ∇g from
    /// <paramref name="from"/>: the linear step first, then doubled until g passes the bound, then halved (bisection), as
    /// g bends and one linear step can overshoot by orders of magnitude on a log scale.
    /// </summary>
    private static double[] Project(double[] from, double[,] covariance, Func<double[], double> predict, double bound)
    {
        var z = Gradient(predict, from);
        var direction = Times(covariance, z);
        var q = Dot(z, direction);
        if (!(q > 0))
        {
            return from;
        }

        double[] At(double step) => [.. from.Select((x, p) => x + (direction[p] * step))];
        var sign = Math.Sign(bound - predict(from));
        bool Reached(double step) => predict(At(step)) is var g && (!double.IsFinite(g) || Math.Sign(bound - g) != sign);
        var (inner, outer) = (0.0, (bound - predict(from)) / q);
        for (var i = 0; i < 60 && !Reached(outer); i++)
        {
            (inner, outer) = (outer, outer * 2);
        }

        if (!Reached(outer))
        {
            return from;
        }

        for (var i = 0; i < 60; i++)
        {
            var middle = (inner + outer) / 2;
            (inner, outer) = Reached(middle) ? (inner, middle) : (middle, outer);
        }

        return At(outer);
    }

    private static double[,] Scaled(double[,] m, double factor)
    {
        var scaled = (double[,])m.Clone();
        for (var a = 0; a < m.GetLength(0); a++)
        {
            for (var b = 0; b < m.GetLength(1); b++)
            {
                scaled[a, b] *= factor;
            }
        }

        return scaled;
    }

    private static double[] Gradient(Func<double[], double> f, double[] at)
    {
        var gradient = new double[at.Length];
        for (var p = 0; p < at.Length; p++)
        {
            var (up, down) = ((double[])at.Clone(), (double[])at.Clone());
            (up[p], down[p]) = (up[p] + H, down[p] - H);
            gradient[p] = (f(up) - f(down)) / (2 * H);
        }

        return gradient;
    }

    private static double[] Times(double[,] m, double[] v) =>
        [.. Enumerable.Range(0, v.Length).Select(a => Enumerable.Range(0, v.Length).Sum(b => m[a, b] * v[b]))];

    private static double Dot(double[] a, double[] b) => a.Select((x, i) => x * b[i]).Sum();

    private static double Sum(double[][] series, int from, int to) => series.Sum(s => s.Skip(from).Take(to - from + 1).Sum());

    /// <summary>The markets' spend on channel c over the test's length just before it, and over the test.</summary>
    private static (double Pre, double Test) PreAndTestSpend(ResponseModel model, int c, IEnumerable<string> markets, int w0, int w1)
    {
        var length = w1 - w0 + 1;
        double Sum(int from) => Indices(model, markets).Sum(m => model.Spend(m, c).Skip(from).Take(length).Sum());
        return (Sum(w0 - length), Sum(w0));
    }

    /// <summary>The control markets' spend over the test against their pre-period's (1 when either is nothing).</summary>
    private static double ControlChange(ResponseModel model, int c, HoldoutTestDefinition test, int w0, int w1)
    {
        var (pre, during) = PreAndTestSpend(model, c, test.ControlMarkets, w0, w1);
        return pre > 0 && during > 0 ? during / pre : 1;
    }

    /// <summary>The channel's position in the model, or −1 when it is not one of its paid channels.</summary>
    private static int IndexOf(IReadOnlyList<ChannelResponse> channels, string channel)
    {
        for (var c = 0; c < channels.Count; c++)
        {
            if (channels[c].Channel == channel)
            {
                return c;
            }
        }

        return -1;
    }

    private static int ChannelIndex(ResponseModel model, string channel)
    {
        var c = IndexOf(model.Channels, channel);
        if (c >= 0)
        {
            return c;
        }

        throw new Metrics.Engine.MetricsQueryException($"'{channel}' is not a paid channel of the model ({string.Join(", ", model.Channels.Select(r => r.Channel))})");
    }

    private static IEnumerable<int> Indices(ResponseModel model, IEnumerable<string> markets) =>
        markets.Select(code => model.MarketCodes.ToList().IndexOf(code)).Where(i => i >= 0);

    /// <summary>The test's first and last day in the model's days, when the test and its pre-period lie within them.</summary>
    private static (int From, int To)? Window(ResponseModel model, HoldoutTestDefinition test)
    {
        var (first, days) = model.Window;
        var (w0, w1) = (test.Start.DayNumber - first, test.End.DayNumber - first);
        return w0 - (w1 - w0 + 1) >= 0 && w1 < days && w1 >= w0 ? (w0, w1) : null;
    }
}

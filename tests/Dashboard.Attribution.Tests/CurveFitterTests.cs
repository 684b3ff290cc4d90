using System.Globalization;
using System.Text;
using Dashboard.Attribution.Planning;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The response curve judged on three worlds of its own (each 4 markets × 2 years, spend in flights with bursts),
/// by the figure a scenario reads: the change in a channel's actions when its spend per day moves 20% above current.
/// One world matches the fitter's equations; in one spend never nears saturation (only β / K^α is in the data, the
/// case where K used to run off to e¹⁸ and the band with it); three do not match them: a response linear in spend
/// (no saturation at all), exponential saturation, or a carry-over that peaks on day 3, each with over-dispersed counts
/// and persistent daily shocks. The band is the delta
/// method on the fit's covariance, as the planner computes it. (Before the fitter had delayed shapes, the day-3 world's
/// change came out 12% high with 4 of 20 bands covering.) Bars: within ±35% (the scenario bar of the
/// incremental-figures issue) and 90% coverage ≥ 80%, each at its 1% binomial lower bound on 20 runs (12), and a
/// median half-width under 75% of the change (a band as wide as the change covers without saying anything).
/// </summary>
public sealed class CurveFitterTests
{
    private const int Markets = 4;
    private const int Days = 730;
    private const int Seeds = 20;
    private const double Step = 1.2;
    private const double Z90 = 1.6448536269514722;

    private sealed record World(string Name, Func<double, double> Saturation, double[] Kernel, double Dispersion, double ShockSd)
    {
        /// <summary>Steady carry-over per unit of daily spend.</summary>
        public double Carry => Kernel.Sum();
    }

    private static readonly double[] Geometric = [.. Enumerable.Range(0, 40).Select(l => Math.Pow(0.5, l))];

    /// <summary>Gamma-shaped weights peaking on day 3, 21 days long, summing to 2.5.</summary>
    private static readonly double[] Delayed = Normalise([.. Enumerable.Range(0, 21).Select(l => Math.Pow(l + 1, 3) * Math.Exp(-(l + 1) / 1.0 * 0.75))], 2.5);

    private static double[] Normalise(double[] w, double sum) => [.. w.Select(x => x * sum / w.Sum())];

    // Spend per scale runs about 0.3 on average (× carry-over): K is set against that level.
    private static readonly World[] Worlds =
    [
        new("hill", a => Hill(a, 0.6, 1.5), Geometric, 0, 0),
        new("unsaturated", a => Hill(a, 12, 1.0), Geometric, 0, 0),
        new("linear", a => a / 12, Geometric, 0.15, 0.1),
        new("exponential", a => 1 - Math.Exp(-a / 0.96), Geometric, 0.15, 0.1),
        new("delayed", a => Hill(a, 0.75, 1.5), Delayed, 0.15, 0.1),
    ];

    private static double Hill(double a, double k, double alpha) => a <= 0 ? 0 : 1 / (1 + Math.Pow(k / a, alpha));

    private static (IReadOnlyList<ChannelSeries> Series, double[] Current, double[] Scales) Simulate(World world, int seed)
    {
        var random = new Random(seed);
        var series = new List<ChannelSeries>();
        var current = new double[Markets];
        var scales = new double[Markets];
        for (var m = 0; m < Markets; m++)
        {
            var scale = 500 * (m + 1);
            var level = scale * (0.2 + (0.2 * random.NextDouble()));
            var spend = new double[Days];
            var phase = random.Next(60);
            for (var t = 0; t < Days; t++)
            {
                var flight = ((t + phase) / 30 % 4) switch { 0 => 2.0, 1 => 0.5, 2 => 1.0, _ => 0.1 };
                var burst = random.NextDouble() < 0.02 ? 3.0 : 1.0;
                spend[t] = level * flight * burst * Math.Exp(0.3 * ((random.NextDouble() * 2) - 1));
            }

            var actions = new double[Days];
            var shock = 0.0;
            for (var t = 0; t < Days; t++)
            {
                var a = 0.0;
                for (var l = 0; l < world.Kernel.Length; l++)
                {
                    a += world.Kernel[l] * spend[Math.Max(0, t - l)];
                }

                shock = (0.8 * shock) + (world.ShockSd * Sampling.Normal(random));
                var mean = 0.08 * scale * world.Saturation(a / scale) * Math.Exp(shock - (world.ShockSd * world.ShockSd / 0.72));
                var rate = world.Dispersion > 0 ? mean * Sampling.Gamma(random, 1 / world.Dispersion) * world.Dispersion : mean;
                actions[t] = Sampling.Poisson(random, rate);
            }

            current[m] = spend.Skip(Days - 90).Average();
            scales[m] = scale;
            series.Add(new ChannelSeries($"M{m}", scale, spend, actions, [.. Enumerable.Repeat(1.0, Days)], [.. Enumerable.Repeat(true, Days)]));
        }

        return (series, current, scales);
    }

    /// <summary>The world's expected daily actions at a constant spend (no shocks: their mean multiplier is 1).</summary>
    private static double TrueSteady(World world, double spend, double scale) => 0.08 * scale * world.Saturation(spend * world.Carry / scale);

    /// <summary>The fitted change in daily actions from current spend to 20% more, and its delta-method standard error.</summary>
    private static (double Change, double Se) FittedChange(CurveFit fit, double[] current, double[] scales)
    {
        double Change(IReadOnlyList<double> theta)
        {
            var curve = fit.At(theta);
            return current.Select((x, m) => curve.Steady(x * Step, scales[m]) - curve.Steady(x, scales[m])).Sum();
        }

        var gradient = new double[fit.Theta.Length];
        for (var p = 0; p < gradient.Length; p++)
        {
            const double H = 1e-4;
            var (up, down) = ((double[])fit.Theta.Clone(), (double[])fit.Theta.Clone());
            (up[p], down[p]) = (up[p] + H, down[p] - H);
            gradient[p] = (Change(up) - Change(down)) / (2 * H);
        }

        var variance = 0.0;
        for (var i = 0; i < gradient.Length; i++)
        {
            for (var j = 0; j < gradient.Length; j++)
            {
                variance += gradient[i] * fit.Covariance[i, j] * gradient[j];
            }
        }

        return (Change(fit.Theta), Math.Sqrt(Math.Max(0, variance)));
    }

    [Fact]
    public void A_20_percent_spend_change_is_predicted_within_35_percent_with_bands_that_cover_in_every_world()
    {
        var report = new StringBuilder("| world | within ±35% | covered | median error | median |error| | median half-width / change | median K / median steady adstock | median peak day |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        var failures = new List<string>();
        foreach (var world in Worlds)
        {
            var (within, covered) = (0, 0);
            var errors = new List<double>();
            var signed = new List<double>();
            var widths = new List<double>();
            var halfSaturations = new List<double>();
            var peaks = new List<double>();
            for (var seed = 0; seed < Seeds; seed++)
            {
                var (series, current, scales) = Simulate(world, 9100 + seed);
                var fit = CurveFitter.Fit(series) ?? throw new InvalidOperationException($"{world.Name} seed {seed}: no fit");
                var truth = current.Select((x, m) => TrueSteady(world, x * Step, scales[m]) - TrueSteady(world, x, scales[m])).Sum();
                var (change, se) = FittedChange(fit, current, scales);
                var error = (change - truth) / truth;
                errors.Add(Math.Abs(error));
                signed.Add(error);
                widths.Add(Z90 * se / truth);
                within += Math.Abs(error) <= 0.35 ? 1 : 0;
                covered += Math.Abs(change - truth) <= Z90 * se ? 1 : 0;
                var median = series.SelectMany(s => s.Spend.Select(x => x / s.Scale)).Order().ElementAt(Markets * Days / 2);
                halfSaturations.Add(fit.Curve.HalfSaturation / (median * fit.Curve.Carry));
                peaks.Add(fit.Curve.PeakDay);
            }

            double Median(List<double> x) => x.Order().ElementAt(x.Count / 2);
            report.Append(CultureInfo.InvariantCulture,
                $"| {world.Name} | {within} of {Seeds} | {covered} of {Seeds} | {Median(signed):P1} | {Median(errors):P1} | {Median(widths):P1} | {Median(halfSaturations):0.00} | {Median(peaks):0.0} |\n");

            // No fit runs to the power-law limit (K more than e⁶, three prior deviations, above the median steady adstock),
            // where only β / K^α is left in the data and the band rests on a near-singular covariance.
            if (within < 12 || covered < 12 || Median(widths) > 0.75 || halfSaturations.Max() > Math.Exp(6))
            {
                failures.Add(world.Name);
            }
        }

        TestContext.Current.SendDiagnosticMessage(report.ToString());
        Assert.True(failures.Count == 0, $"worlds below the bars: {string.Join(", ", failures)}\n{report}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.DemoData;
using Dashboard.Metrics.Query;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Dashboard.Benchmarks;

/// <summary>
/// The budget planner: fitting every channel's response curve (issue 7's bars: 10 s small, 60 s large), a scenario
/// prediction (the slider's work) and the optimiser. Peer: the same pooled curve per channel fitted by MathNet.Numerics'
/// own Levenberg–Marquardt on the natural parameters with box bounds, from one generic start; its time and its
/// weighted squared error are printed beside ours.
/// </summary>
internal static class PlannerBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("large", StringComparer.OrdinalIgnoreCase) ? DemoSize.Large : DemoSize.Small;
        var snapshot = await BenchDatabase.LoadSnapshotAsync(size);
        var clock = Stopwatch.StartNew();
        var valuation = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All });
        var valuationMs = clock.Elapsed.TotalMilliseconds;

        var fits = new List<double>();
        ResponseModel? model = null;
        for (var i = 0; i < Runs; i++)
        {
            clock.Restart();
            model = ResponseModel.Fit(snapshot, AccessScope.All, valuation);
            fits.Add(clock.Elapsed.TotalMilliseconds);
        }

        var planner = PlannerFactory.For(model!, snapshot.Fx, "USD");
        var period = PlanningPeriod.Parse(null, model!.LastDay);
        var random = new Random(7);
        var scenario = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var plan = planner.CurrentSpend.ToDictionary(p => p.Key, p => p.Value * (0.5 + random.NextDouble()));
            clock.Restart();
            planner.Scenario(plan, period);
            scenario.Add(clock.Elapsed.TotalMilliseconds);
        }

        var optimize = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, period, BudgetPerDay: planner.CurrentSpend.Values.Sum()));
            optimize.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine($"Budget planner, {size.ToString().ToLowerInvariant()} demo data: {model.MarketCodes.Count} markets, {model.Channels.Count} paid channels, fit on up to {3 * 365} days");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"Command: `flock /tmp/dash-build.lock dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll planner {size.ToString().ToLowerInvariant()}`");
        Console.WriteLine();
        Console.WriteLine("| step | median ms | runs | bar |");
        Console.WriteLine("|---|---:|---:|---|");
        Console.WriteLine(string.Create(Inv, $"| fit every channel's curve (after the valuation) | {Median(fits):0} | {Runs} | {(size == DemoSize.Large ? "60,000" : "10,000")} |"));
        Console.WriteLine(string.Create(Inv, $"| valuation (once, shared with the engine) | {valuationMs:0} | 1 | |"));
        Console.WriteLine(string.Create(Inv, $"| one scenario prediction (what a slider move computes) | {Median(scenario):0.00} | {scenario.Count} | 100 (in the browser) |"));
        Console.WriteLine(string.Create(Inv, $"| optimise the current budget, revenue mode | {Median(optimize):0} | {optimize.Count} | |"));
        Console.WriteLine();
        Console.WriteLine("| channel | markets | days fitted | λ | K (per scale) | α | R² held back | MAPE held back | ours: ms, weighted SSE | MathNet LM: ms, weighted SSE | SSE ratio (ours / MathNet) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|");
        foreach (var channel in model.Channels)
        {
            if (channel.Fit is not { } fit)
            {
                Console.WriteLine($"| {channel.Channel} | | | | | | | | {channel.AbsentReason} | | |");
                continue;
            }

            var series = ResponseModel.SeriesFor(snapshot, AccessScope.All, channel.Channel);
            clock.Restart();
            var ours = CurveFitter.Fit(series)!;
            var oursMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var (peer, peerIterations) = Peer(series);
            var peerMs = clock.Elapsed.TotalMilliseconds;
            var (sseOurs, ssePeer) = (Sse(series, ours.Curve), Sse(series, peer));
            var c = fit.Curve;
            Console.WriteLine(string.Create(Inv,
                $"| {channel.Channel} | {series.Count} | {fit.Observations:N0} | {c.Lambda:0.000} | {c.HalfSaturation:0.0000} | {c.Alpha:0.00} | {channel.RSquared:0.000} | {channel.Mape:P1} | {oursMs:0}, {sseOurs:E4} | {peerMs:0} ({peerIterations} iterations), {ssePeer:E4} | {sseOurs / ssePeer:0.0000} |"));
        }

        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>Flattened fitted days: (market, day) per point, for the peer's model function.</summary>
    private static (int Market, int Day)[] Points(IReadOnlyList<ChannelSeries> series) =>
        [.. series.SelectMany((s, m) => Enumerable.Range(0, s.Days).Where(t => s.Fitted[t]).Select(t => (m, t)))];

    private static double[] Predict(IReadOnlyList<ChannelSeries> series, HillCurve curve)
    {
        var points = new List<double>();
        foreach (var s in series)
        {
            var adstock = curve.Adstock(s.Spend);
            for (var t = 0; t < s.Days; t++)
            {
                if (s.Fitted[t])
                {
                    points.Add(curve.Beta * s.Scale * s.Season[t] * HillCurve.Hill(adstock[t] / s.Scale, curve.HalfSaturation, curve.Alpha));
                }
            }
        }

        return [.. points];
    }

    private static double[] Weights(IReadOnlyList<ChannelSeries> series) =>
        [.. series.SelectMany(s =>
        {
            var days = Enumerable.Range(0, s.Days).Where(t => s.Fitted[t]).ToList();
            var mean = days.Average(t => s.Actions[t]);
            return days.Select(_ => mean > 0 ? 1 / mean : 0);
        })];

    private static double Sse(IReadOnlyList<ChannelSeries> series, HillCurve curve)
    {
        var predicted = Predict(series, curve);
        var weights = Weights(series);
        var points = Points(series);
        return points.Select((p, i) => weights[i] * Math.Pow(series[p.Market].Actions[p.Day] - predicted[i], 2)).Sum();
    }

    /// <summary>MathNet's Levenberg–Marquardt on (β, λ, K, α) with box bounds, from λ 0.5, α 1.5, K the median adstock per scale, β by least squares.</summary>
    private static (HillCurve Curve, int Iterations) Peer(IReadOnlyList<ChannelSeries> series)
    {
        var points = Points(series);
        var observed = Vector<double>.Build.Dense([.. points.Select(p => series[p.Market].Actions[p.Day])]);
        var weights = Vector<double>.Build.Dense(Weights(series));
        var x = Vector<double>.Build.Dense(points.Length, i => i);
        var levels = series.SelectMany(s => s.Spend.Select(v => v / 0.5 / s.Scale)).Where(v => v > 0).Order().ToList();
        var k = levels[levels.Count / 2];
        var shape = Predict(series, new HillCurve(1, 0.5, k, 1.5));
        var beta = observed.Select((y, i) => weights[i] * y * shape[i]).Sum() / shape.Select((f, i) => weights[i] * f * f).Sum();
        var objective = ObjectiveFunction.NonlinearModel(
            (p, _) => Vector<double>.Build.Dense(Predict(series, new HillCurve(p[0], p[1], p[2], p[3]))), x, observed, weights);
        var result = new LevenbergMarquardtMinimizer(maximumIterations: 200).FindMinimum(objective,
            Vector<double>.Build.Dense([beta, 0.5, k, 1.5]),
            lowerBound: Vector<double>.Build.Dense([1e-9, 0, 1e-9, 0.5]),
            upperBound: Vector<double>.Build.Dense([1e9, 0.9, 1e6, 3]));
        var p = result.MinimizingPoint;
        return (new HillCurve(p[0], p[1], p[2], p[3]), result.Iterations);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Dashboard.Attribution;
using Dashboard.Attribution.Models;
using Dashboard.Attribution.Valuation;
using Dashboard.DemoData;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Benchmarks;

/// <summary>
/// The attribution models on every journey of the demo data, against the floor: one pass that only reads the
/// journey columns (what any model must at least do). Prints a markdown table with the bars.
/// </summary>
internal static class AttributionBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Runs = 7;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("small", StringComparer.OrdinalIgnoreCase) ? DemoSize.Small : DemoSize.Large;
        var snapshot = await BenchDatabase.LoadSnapshotAsync(size);
        var journeys = snapshot.Journeys;
        var first = DateOnly.FromDayNumber(JourneyTable.DayOf(journeys.Second.Min()));
        var last = DateOnly.FromDayNumber(JourneyTable.DayOf(journeys.Second.Max()));
        var service = new AttributionService(snapshot);
        var query = new AttributionQuery { Range = new DateRange(first, last), Scope = AccessScope.All };
        var notes = new List<string>();
        var paths = service.Paths(query, notes);
        Console.WriteLine(string.Create(Inv,
            $"{journeys.Journeys:N0} journeys, {journeys.Touches:N0} touches, {paths.Count:N0} paths ({paths.Conversions:N0} converting), {snapshot.Reference.Channels.Count} channels, {first:yyyy-MM-dd}..{last:yyyy-MM-dd}"));

        var rows = new List<(string Step, double Ms, double? Bar)>
        {
            ("floor: one pass reading the journey columns", Time(() => Floor(journeys)), null),
            ("paths (cut journeys, lookback, FX)", Time(() => service.Paths(query, notes).Count), null),
            ("all 5 rule-based models (paths + credit)", Time(() => RuleBased(service, query)), 1000),
            ("Markov order 1 (paths + credit)", Time(() => service.Run(query with { Model = AttributionModel.Markov }).Totals.Paths), 1000),
            ("Markov order 2 (paths + credit)", Time(() => service.Run(query with { Model = AttributionModel.Markov, MarkovOrder = 2 }).Totals.Paths), null),
            ("Markov order 3 (paths + credit)", Time(() => service.Run(query with { Model = AttributionModel.Markov, MarkovOrder = 3 }).Totals.Paths), null),
            ("Shapley (paths + credit)", Time(() => service.Run(query with { Model = AttributionModel.Shapley }).Totals.Paths), 300),
            ("Markov order 1 credit on built paths", Time(() => MarkovModel.Run(paths).Credit.Conversions.Length), null),
            ("Shapley credit on built paths", Time(() => ShapleyModel.Run(paths).Conversions.Length), null),
            ("valuation of every micro-conversion type (all markets, all days)", Time(() => ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All }).Observations), 2000),
        };

        var floor = rows[0].Ms;
        var states = string.Join(", ", new[] { 1, 2, 3 }.Select(o => string.Create(Inv, $"order {o}: {MarkovModel.Run(paths, o).ChannelStates}")));
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(Inv));
        Line($"Attribution on the {size.ToString().ToLowerInvariant()} demo data: {journeys.Journeys:N0} journeys, {journeys.Touches:N0} touches, {paths.Count:N0} paths, {snapshot.Reference.Channels.Count} channels");
        Line($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; median of {Runs} runs after 1 warm-up");
        Line($"Command: `dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll attribution {size.ToString().ToLowerInvariant()}`");
        s.AppendLine();
        s.AppendLine("| step | median ms | × floor | bar |");
        s.AppendLine("|---|---:|---:|---|");
        foreach (var (step, ms, bar) in rows)
        {
            var verdict = bar is { } b ? (ms <= b ? $"≤ {b:0} ms: met" : $"≤ {b:0} ms: MISSED") : "";
            // The journey floor means nothing for the valuation, which reads the daily facts instead.
            var ratio = step.StartsWith("valuation", StringComparison.Ordinal) ? "" : (ms / floor).ToString("0.0", Inv);
            Line($"| {step} | {ms:0.0} | {ratio} | {verdict} |");
        }

        s.AppendLine();
        Line($"Channel states of the Markov chains (each solve is over these plus start): {states}.");
        Console.WriteLine();
        Console.WriteLine(s.ToString());
        return 0;
    }

    private static int RuleBased(AttributionService service, AttributionQuery query)
    {
        var paths = service.Paths(query, []);
        var n = 0;
        foreach (var model in new[] { AttributionModel.FirstTouch, AttributionModel.LastTouch, AttributionModel.Linear, AttributionModel.TimeDecay, AttributionModel.PositionBased })
        {
            n += RuleBasedModels.Run(paths, model, query.HalfLifeDays).Conversions.Length;
        }

        return n;
    }

    /// <summary>Reads every journey's market and every touch's time, channel and event once, doing nothing else.</summary>
    private static long Floor(JourneyTable j)
    {
        long sink = 0;
        for (var journey = 0; journey < j.Journeys; journey++)
        {
            sink += j.Market[journey];
            for (var t = j.Start[journey]; t < j.Start[journey + 1]; t++)
            {
                sink += j.Second[t] + j.Channel[t] + j.Event[t];
            }
        }

        return sink;
    }

    private static double Time(Func<long> work)
    {
        GC.KeepAlive(work());
        var times = new double[Runs];
        for (var r = 0; r < Runs; r++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(work());
            times[r] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[Runs / 2];
    }

    private static double Time(Func<int> work) => Time(() => (long)work());
}

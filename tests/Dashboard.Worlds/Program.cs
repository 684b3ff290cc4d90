using System.Globalization;
using Dashboard.Worlds.Simulation;
using Dashboard.Worlds.Study;

// The full simulation study: every world (or --worlds a,b) on --seeds fresh seeds (default 20) from --first-seed,
// at the full size (or --small, the size CI runs). Prints the summary table with the issue's bars, and the per-type
// detail with --detail. Run in Release: dotnet run -c Release --project tests/Dashboard.Worlds -- --seeds 20
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length && !args[x.i + 1].StartsWith("--", StringComparison.Ordinal) ? args[x.i + 1] : "true");
var seeds = int.Parse(options.GetValueOrDefault("seeds", "20"), CultureInfo.InvariantCulture);
var firstSeed = int.Parse(options.GetValueOrDefault("first-seed", "1000"), CultureInfo.InvariantCulture);
var small = options.ContainsKey("small");
var worlds = options.TryGetValue("worlds", out var names)
    ? names.Split(',').Select(WorldCatalogue.Named).ToList()
    : [.. WorldCatalogue.All];

var template = await WorldRun.CreateTemplateAsync(Directory.CreateTempSubdirectory("worlds-template-").FullName);
var runner = new WorldRun(template);
var performances = new List<WorldPerformance>();
var details = new List<string>();
var times = new List<double>();
foreach (var spec in worlds)
{
    var runs = new List<RunResult>();
    for (var seed = firstSeed; seed < firstSeed + seeds; seed++)
    {
        var run = await runner.RunAsync(small ? spec.Small() : spec, seed);
        runs.Add(run);
        times.Add(run.ValuationTime.TotalSeconds);
        var total = run.Product.Single(e => e.Estimand == Estimate.Engagement);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{spec.Name} seed {seed}: engagement {total.Value:N0} [{total.Low:N0}, {total.High:N0}] for {run.Truth[Estimate.Engagement]:N0}; verdict {run.Verdict ?? "-"}; {run.ValuationTime.TotalSeconds:0.00} s"));
    }

    performances.Add(WorldPerformance.Of(spec.Name, runs));
    details.Add(StudyTable.Detail(spec.Name, runs));
}

Console.WriteLine(FormattableString.Invariant($"Worlds at {(small ? "CI" : "full")} size, seeds {firstSeed}..{firstSeed + seeds - 1}; valuation median {MethodPerformance.Median(times):0.00} s, max {times.Max():0.00} s"));
Console.WriteLine();
Console.WriteLine(StudyTable.Summary(performances, binomial: false));
if (options.ContainsKey("detail"))
{
    foreach (var d in details)
    {
        Console.WriteLine(d);
    }
}

using System.Globalization;
using Dashboard.Attribution.Valuation;
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

// A diagnostic: every type acts with one lag kernel, so the cost of the types' different shapes shows.
if (options.ContainsKey("one-kernel"))
{
    worlds = [.. worlds.Select(w => w with { Name = w.Name + "_one_kernel", OneKernel = true })];
}

if (options.TryGetValue("ablate", out var ablate))
{
    worlds = [.. worlds.Select(w => w with { Name = w.Name + "_no_" + ablate.Replace(',', '_'), Ablate = ablate.Split(',').ToHashSet() })];
}

var templateFolder = Directory.CreateTempSubdirectory("worlds-template-");
AppDomain.CurrentDomain.ProcessExit += (_, _) =>
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    templateFolder.Delete(recursive: true);
};
var template = await WorldRun.CreateTemplateAsync(templateFolder.FullName);
var settings = ValuationSettings.Default;
if (options.TryGetValue("spend-blocks", out var blocks))
{
    settings = settings with { SpendBlockEnds = [.. blocks.Split(',').Select(b => int.Parse(b, CultureInfo.InvariantCulture))] };
}

if (options.TryGetValue("knots", out var knots))
{
    settings = settings with { KnotDays = int.Parse(knots, CultureInfo.InvariantCulture) };
}

if (options.TryGetValue("media", out var media))
{
    settings = settings with { Media = Enum.Parse<MediaControl>(media, ignoreCase: true) };
}

if (options.TryGetValue("rho-grid", out var grid))
{
    settings = settings with { RhoGrid = [.. grid.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))] };
}

if (options.TryGetValue("only-kernel", out var only))
{
    settings = settings with { Kernels = [settings.Kernels[int.Parse(only, CultureInfo.InvariantCulture)]] };
}

if (options.TryGetValue("cluster-days", out var clusterDays))
{
    settings = settings with { ClusterDays = int.Parse(clusterDays, CultureInfo.InvariantCulture) };
}

if (options.TryGetValue("prior-scale", out var priorScale))
{
    settings = settings with { PriorScale = double.Parse(priorScale, CultureInfo.InvariantCulture) };
}

if (options.ContainsKey("additive-season"))
{
    settings = settings with { SeasonCurvature = false };
}

if (options.ContainsKey("tracked-rows-only"))
{
    settings = settings with { PartialRows = false };
}

if (options.ContainsKey("additive-base"))
{
    settings = settings with { MultiplicativeBase = false };
}

if (options.ContainsKey("shared-season"))
{
    settings = settings with { MarketSeasons = false };
}

// --demo a.db,b.db: the same settings on seeded demo databases, each with its planted truth beside it.
if (options.TryGetValue("demo", out var demo))
{
    foreach (var database in demo.Split(','))
    {
        Console.WriteLine(await DemoCheck.RunAsync(database, settings));
    }

    return;
}

var cache = options.GetValueOrDefault("cache");
if (cache is not null)
{
    Directory.CreateDirectory(cache);
}

var parallel = int.Parse(options.GetValueOrDefault("parallel", "1"), CultureInfo.InvariantCulture);
// --incremental: also each paid channel's incremental ROAS from the response model (seconds more per run).
var incremental = options.ContainsKey("incremental");
var runner = new WorldRun(template, settings, cache, incremental);
var incrementalRuns = new List<(string World, IReadOnlyList<RunResult> Runs)>();
var performances = new List<WorldPerformance>();
var details = new List<string>();
var times = new List<double>();
foreach (var spec in worlds)
{
    var results = new RunResult[seeds];
    await Parallel.ForEachAsync(Enumerable.Range(0, seeds), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (i, ct) =>
        results[i] = await runner.RunAsync(small ? spec.Small() : spec, firstSeed + i, ct));
    var runs = results.ToList();
    foreach (var run in runs)
    {
        var seed = run.Seed;
        if (options.ContainsKey("notes"))
        {
            Console.Error.WriteLine("  " + string.Join("\n  ", run.Notes));
        }

        foreach (var channel in run.Channels)
        {
            Console.Error.WriteLine(FormattableString.Invariant(
                $"  {channel.Channel}: incremental ROAS {channel.Product?.Value:0.000} [{channel.Product?.Low:0.000}, {channel.Product?.High:0.000}], sales-only {channel.RevenueOnly?.Value:0.000} [{channel.RevenueOnly?.Low:0.000}, {channel.RevenueOnly?.High:0.000}] for {channel.TrueRoas:0.000}; {channel.SpendShare:P0} of spend{(channel.Test is null or "other" ? "" : $"; {channel.Test} test: " + string.Join(", ", channel.Calibrated.Select(p => FormattableString.Invariant($"{p.Key} {p.Value?.Value:0.000} [{p.Value?.Low:0.000}, {p.Value?.High:0.000}]"))))}"));
        }

        times.Add(run.ValuationTime.TotalSeconds);
        var total = run.Product.Single(e => e.Estimand == Estimate.Engagement);
        Console.Error.WriteLine(FormattableString.Invariant(
            $"{spec.Name} seed {seed}: engagement {total.Value:N0} [{total.Low:N0}, {total.High:N0}] for {run.Truth[Estimate.Engagement]:N0}; verdict {run.Verdict ?? "-"}; {run.ValuationTime.TotalSeconds:0.00} s"));
    }

    if (options.TryGetValue("dump", out var dump))
    {
        // One JSON line per run, for comparing variants seed by seed outside the runner.
        await File.AppendAllLinesAsync(dump, runs.Select(r => System.Text.Json.JsonSerializer.Serialize(new { r.World, r.Seed, r.Truth, r.Product, r.Oracle, r.Verdict })));
    }

    performances.Add(WorldPerformance.Of(spec.Name, runs));
    incrementalRuns.Add((spec.Name, runs));
    details.Add(StudyTable.Detail(spec.Name, runs));
}

Console.WriteLine(FormattableString.Invariant($"Worlds at {(small ? "CI" : "full")} size, seeds {firstSeed}..{firstSeed + seeds - 1}; valuation median {MethodPerformance.Median(times):0.00} s, max {times.Max():0.00} s"));
Console.WriteLine();
Console.WriteLine(StudyTable.Summary(performances, binomial: options.ContainsKey("binomial")));
if (incremental)
{
    Console.WriteLine(StudyTable.Incremental(incrementalRuns));
    if (incrementalRuns.Any(w => w.Runs.Any(r => r.Channels.Any(c => c.Test is not null))))
    {
        Console.WriteLine();
        Console.WriteLine(StudyTable.Calibration(incrementalRuns));
    }
}

if (options.ContainsKey("detail"))
{
    foreach (var d in details)
    {
        Console.WriteLine(d);
    }
}

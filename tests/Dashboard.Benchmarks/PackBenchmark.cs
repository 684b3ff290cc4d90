using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.Data.Inventory;
using Dashboard.DemoData;
using Dashboard.Exports.Packs;
using Dashboard.Exports.Rendering;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Application.Charts;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Packs;

namespace Dashboard.Benchmarks;

/// <summary>
/// Business review packs of 20 charts (issue 9's bar: 10 s for the deck): the whole deck and the whole PDF report,
/// cold (Chromium starting) and warm. Peer: headless Chromium drawing the same 20 figures with Plotly's own
/// toImage and nothing else, in the same run, so the ratio says what the pack adds to the drawing it cannot avoid.
/// </summary>
internal static class PackBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("large", StringComparer.OrdinalIgnoreCase) ? DemoSize.Large : DemoSize.Small;
        var path = await BenchDatabase.EnsureAsync(size, reseed: false);
        var analysis = new SnapshotAnalysis(await BenchDatabase.LoadSnapshotAsync(size));
        var context = DashboardContexts.Create(analysis, AccessScope.All, new StoredPreferences(null, null), "", TimeProvider.System);
        var all = ReportPages.All.SelectMany(p => p.Charts.Select(c => $"{p.Key}/{c.Id}")).ToList();
        var keys = all.Concat(all).Take(20).ToList();
        var request = new ReviewRequest(DatePreset.LastFullMonth, Comparison.PreviousPeriod, keys);

        var factory = new OptionsContextFactory(DashboardDatabase.SqliteOptions(path));
        using var inventory = new DataInventory(factory);
        await using var renderer = new ChartRenderer(new RenderingOptions());
        var maker = new PackMaker(new ReviewPackBuilder(renderer), renderer, inventory, factory, TimeProvider.System);

        var clock = Stopwatch.StartNew();
        await renderer.WarmUpAsync();
        var startMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var cold = await maker.BuildAsync(context, request, "pptx", "benchmark");
        var coldMs = clock.Elapsed.TotalMilliseconds;
        var decks = new List<double>();
        var reports = new List<double>();
        var peer = new List<double>();
        PackFile deck = cold;
        PackFile? report = null;

        // The peer's figures: the same 20, built once (the pages' models are the pack's work, not the peer's).
        var review = context with { View = context.View with { Period = DatePreset.LastFullMonth.Key() } };
        var figures = keys.Select(k => k.Split('/')).Select(k => ReportPages.Find(k[0])!.Build(review)!.Charts.First(c => c.Id == k[1])).ToList();
        for (var i = 0; i < Runs; i++)
        {
            clock.Restart();
            deck = await maker.BuildAsync(context, request, "pptx", "benchmark");
            decks.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            report = await maker.BuildAsync(context, request, "pdf", "benchmark");
            reports.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await renderer.RenderPngAsync(figures, ["peer"]);
            peer.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine();
        Console.WriteLine($"Business review pack of {keys.Count} charts, {size.ToString().ToLowerInvariant()} demo data, all markets, last full month");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"Command: `dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll pack {size.ToString().ToLowerInvariant()}`");
        Console.WriteLine();
        Console.WriteLine("| what | median ms | runs | file | bar | vs. drawing the 20 figures alone |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| Chromium starts and loads plotly.js (the app does this at start) | {startMs:0} | 1 | | | |"));
        Console.WriteLine(string.Create(Inv, $"| first deck (the engine's attribution and valuation computed on first use) | {coldMs:0} | 1 | {cold.Bytes.Length / 1024.0:#,0} KB | 10,000 | {coldMs / Median(peer):0.00}× |"));
        Console.WriteLine(string.Create(Inv, $"| deck (PPTX) | {Median(decks):0} | {Runs} | {deck.Bytes.Length / 1024.0:#,0} KB | 10,000 | {Median(decks) / Median(peer):0.00}× |"));
        Console.WriteLine(string.Create(Inv, $"| report (PDF) | {Median(reports):0} | {Runs} | {report!.Bytes.Length / 1024.0:#,0} KB | | {Median(reports) / Median(peer):0.00}× |"));
        Console.WriteLine(string.Create(Inv, $"| peer: Plotly.toImage of the 20 figures in the same Chromium | {Median(peer):0} | {Runs} | | | 1.00× |"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

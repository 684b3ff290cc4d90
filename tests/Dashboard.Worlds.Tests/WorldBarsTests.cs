using Dashboard.Worlds.Simulation;
using Dashboard.Worlds.Study;

namespace Dashboard.Worlds.Tests;

/// <summary>
/// CI's part of the simulation study (docs/worlds.md): every world on fixed seeds at the smaller size, the valuation
/// beside the oracle, each of the issue's bars checked at its 1% binomial bound (a bar of rate p over n cases fails
/// only when so few cases meet it that a true rate of p would give that few in under 1% of studies). The full runner,
/// with 20 fresh seeds per world at full size, decides; its table is in docs/attribution.md.
/// </summary>
public sealed class WorldBarsTests
{
    /// <summary>Seeds per world: the fixed ones CI runs.</summary>
    public const int Seeds = 6;

    public const int FirstSeed = 7001;

    /// <summary>
    /// Every world but the one with a hidden demand: its valuation is biased by design (the oracle, which knows every
    /// equation but that demand, is too), and it grades calibration instead (<see cref="CalibrationWorldTests"/>).
    /// </summary>
    public static TheoryData<string> Worlds => [.. WorldCatalogue.All.Where(w => !w.HiddenDemand).Select(w => w.Name)];

    private const string Coverage = "type coverage >= 80%";
    private const string Width = "median width <= 1.5x oracle";
    private const string Power = "0 excluded where the oracle excludes it, >= 80%";
    private const string Engagement = "engagement within 15% in >= 90% of runs";
    private const string NoisyEngagement = "engagement median error <= 1.5x oracle's (noisy world)";
    private const string ZeroTypes = "zero-valued types: <= 12% exclude 0";
    private const string NoEvidence = "verdict no_evidence in >= 85% of seeds";

    /// <summary>
    /// The bars each world does not meet yet, in the full study (docs/attribution.md, "after", on its 60 seeds) or on
    /// CI's seeds: the issue stays open for them. Every other bar of every world is asserted, so what the valuation
    /// meets stays met.
    /// </summary>
    private static readonly Dictionary<string, string[]> KnownMisses = new()
    {
        ["feedback"] = [Coverage, Engagement, ZeroTypes],
        ["delayed_peak"] = [Engagement],
        ["sales_caused"] = [Coverage, Engagement, ZeroTypes],
        ["shared_channel"] = [Power],
        ["rollout"] = [Width, Power, Engagement],
        ["few_markets"] = [Power, Engagement],
        ["heavy_noise"] = [Power, Engagement, NoisyEngagement],
        ["no_effect"] = [NoEvidence],
        ["direct_media"] = [Coverage, Width, Engagement, NoisyEngagement, ZeroTypes],
    };


    [Theory]
    [MemberData(nameof(Worlds))]
    public async Task The_valuation_meets_the_bars_in_the_world(string name)
    {
        var runner = new WorldRun(await WorldTemplate.GetAsync());
        var spec = WorldCatalogue.Named(name).Small();
        var runs = new RunResult[Seeds];
        await Parallel.ForEachAsync(Enumerable.Range(0, Seeds), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) => runs[i] = await runner.RunAsync(spec, FirstSeed + i, ct));

        var performance = WorldPerformance.Of(name, runs);
        TestContext.Current.SendDiagnosticMessage(StudyTable.Summary([performance], binomial: true) + StudyTable.Detail(name, runs));

        // The yardstick first: the oracle's intervals cover as 90% intervals should, or the world itself is wrong.
        if (name != "no_effect")
        {
            Assert.True(performance.Oracle.Coverage.AtLeast(0.85) && performance.Oracle.Coverage.AtMost(0.95), $"oracle coverage {performance.Oracle.Coverage}");
        }

        var known = KnownMisses.GetValueOrDefault(name, []);
        var bars = performance.Bars(binomial: true, noEffectWorld: name == "no_effect");
        var missed = bars.Where(b => !b.Holds && !known.Contains(b.Bar)).Select(b => b.Bar).ToList();
        Assert.True(missed.Count == 0, $"{name}: {string.Join("; ", missed)}");
    }
}

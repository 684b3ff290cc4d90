using Dashboard.Worlds.Simulation;
using Dashboard.Worlds.Study;

namespace Dashboard.Worlds.Tests;

/// <summary>
/// CI's part of the calibration study: the world whose uncalibrated fit is biased and that has a geo test, at the smaller
/// size on fixed seeds, the test read out by the product and applied to the model. The world must do what it is for
/// (the tested channel's figure biased well up before calibration); then every calibration bar of the issue is asserted
/// but the known misses (docs/attribution.md, "Calibration by a read-out geo test", has the full study's table).
/// </summary>
public sealed class CalibrationWorldTests
{
    private const int Seeds = 12;
    private const int FirstSeed = 7001;

    /// <summary>
    /// A dark test's read-out covers its truth only 70% of the time in this world (the full study: −48% error with the
    /// product's read-out, −57% with a sound one); a test of extra spend measures what more spend adds, which the scaled
    /// curve carries to all the spend only as far as the shapes agree.
    /// </summary>
    private static readonly string[] KnownMisses =
    [
        "go_dark: mean abs. error falls >= 50%",
        "heavy_up: mean abs. error falls >= 50%",
        "heavy_up: calibrated coverage >= 80%",
    ];

    [Fact]
    public async Task A_geo_test_pulls_the_biased_channel_toward_its_truth()
    {
        var runner = new WorldRun(await WorldTemplate.GetAsync(), incremental: true);
        var spec = WorldCatalogue.Named("biased_with_test").Small();
        var runs = new RunResult[Seeds];
        await Parallel.ForEachAsync(Enumerable.Range(0, Seeds), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken },
            async (i, ct) => runs[i] = await runner.RunAsync(spec, FirstSeed + i, ct));
        TestContext.Current.SendDiagnosticMessage(StudyTable.Calibration([("biased_with_test", runs)]));

        var kinds = new[] { "go_dark", "heavy_up" }.Select(k => CalibrationPerformance.Of(runs, k)).ToList();
        Assert.All(kinds, k => Assert.True(k.Runs >= 3, $"{k.Kind}: {k.Runs} runs"));
        Assert.All(kinds, k => Assert.True(k.MeanErrorBefore > 0.5, $"{k.Kind}: the uncalibrated figure is off by {k.MeanErrorBefore:P0} only: the world is not biased"));
        var missed = kinds.SelectMany(k => k.Bars(binomial: true)).Where(b => !b.Holds && !KnownMisses.Contains(b.Bar)).Select(b => b.Bar).ToList();
        Assert.True(missed.Count == 0, string.Join("; ", missed));
    }
}

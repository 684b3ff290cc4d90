using System.Text.Json;
using Dashboard.Attribution.Lift;
using Dashboard.Cli;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>The demo data plants a geo holdout test with a known lift (truth.json); the analysis must find it.</summary>
public sealed class PlantedLiftTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_planted_paid_social_lift_is_recovered_within_two_points_and_inside_the_interval()
    {
        var truth = (await SeededTemplate.TruthAsync(Ct)).Holdout;
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await using var db = temp.Open();
        var snapshot = await SnapshotLoader.LoadAsync(db, Ct);

        var result = HoldoutLift.Run(snapshot, truth.Test, HoldoutLift.RevenueOutcome, AccessScope.All);

        Assert.Equal(truth.TestMarkets.Order(), result.Definition.TestMarkets.Order());
        Assert.Equal(truth.ControlMarkets.Order(), result.Definition.ControlMarkets.Order());
        Assert.Equal(truth.PreStart, result.PreStart);
        Assert.Equal(truth.PreEnd, result.PreEnd);
        Assert.InRange(result.Lift, truth.LiftTrue - 0.02, truth.LiftTrue + 0.02);
        Assert.InRange(truth.LiftTrue, result.Low, result.High);
        TestContext.Current.SendDiagnosticMessage(
            $"planted lift {truth.LiftTrue:0.0000}, recovered {result.Lift:0.0000} [{result.Low:0.0000}, {result.High:0.0000}]; incremental {result.Incremental:N0} vs planted {truth.IncrementalRevenueUsd:N0} USD");
    }

    [Fact]
    public async Task The_lift_command_prints_the_API_shape()
    {
        var truth = (await SeededTemplate.TruthAsync(Ct)).Holdout;
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await CliApp.RunAsync(["lift", "--test", truth.Test, "--db", temp.Path], stdout, stderr, TimeProvider.System);

        Assert.True(exit == 0, stderr.ToString());
        var json = JsonDocument.Parse(stdout.ToString()).RootElement;
        Assert.Equal(truth.Test, json.GetProperty("test").GetString());
        Assert.Equal("revenue", json.GetProperty("outcome").GetString());
        Assert.Equal(0.9, json.GetProperty("interval").GetDouble());
        var (lift, low, high) = (json.GetProperty("lift").GetDouble(), json.GetProperty("low").GetDouble(), json.GetProperty("high").GetDouble());
        Assert.True(low <= lift && lift <= high);
        Assert.Equal(low > 0 || high < 0, json.GetProperty("significant").GetBoolean());
        Assert.Equal(2 * (truth.End.DayNumber - truth.Start.DayNumber + 1), json.GetProperty("series").GetArrayLength());
    }
}

using System.Text.Json.Nodes;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Cli;
using Dashboard.Data.Calibrations;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// Geo tests calibrating their channels' curves: stored on both providers and read into every snapshot in the order
/// stored; on the demo data a read-out the model disagrees with pulls the channel's prediction for the test's cells inside
/// the test's interval and moves the channel's figure with it, leaving the other channels alone; the command line reads
/// the planted test out, finds the spend change the demo planted and applies it.
/// </summary>
public sealed class CalibrationTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(ProviderDatabase.Sqlite)]
    [InlineData(ProviderDatabase.Postgres)]
    public async Task Stored_calibrations_reach_the_snapshot_in_the_order_stored_and_storing_a_test_again_replaces_it(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await using var db = temp.Open();
        var clock = new PinnedTime(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var version = await SnapshotLoader.ReferenceVersionAsync(db, Ct);

        await LiftCalibrations.SaveAsync(db, clock, new LiftCalibration("spring", "paid_social", 1000, 600, 1400, 1.6), false, "ann", Ct);
        await LiftCalibrations.SaveAsync(db, clock, new LiftCalibration("autumn", "display", -500, -900, -100, 0), true, "ann", Ct);
        await LiftCalibrations.SaveAsync(db, clock, new LiftCalibration("spring", "paid_social", 1200, 800, 1600, 1.5), false, "bob", Ct);

        Assert.True(await SnapshotLoader.ReferenceVersionAsync(db, Ct) > version, "a stored calibration makes every instance read the snapshot again");
        var snapshot = await SnapshotLoader.LoadAsync(db, Ct);
        Assert.Equal(
            [new LiftCalibration("autumn", "display", -500, -900, -100, 0), new LiftCalibration("spring", "paid_social", 1200, 800, 1600, 1.5)],
            snapshot.Calibrations);
        var listed = await LiftCalibrations.ListAsync(db, Ct);
        Assert.Equal([true, false], listed.Select(c => c.SpendChangeStated));
        Assert.Equal("bob", listed[1].Actor);

        Assert.True(await LiftCalibrations.RemoveAsync(db, clock, "autumn", "ann", Ct));
        Assert.False(await LiftCalibrations.RemoveAsync(db, clock, "autumn", "ann", Ct));
        Assert.Equal(["spring"], (await SnapshotLoader.LoadAsync(db, Ct)).Calibrations.Select(c => c.Test));
        Assert.Equal(4, db.AuditLog.Count(a => a.Action.StartsWith("calibration_")));
    }

    [Fact]
    public void A_read_out_the_model_disagrees_with_pulls_its_channel_inside_the_tests_interval()
    {
        var model = fixture.Planner.Model;
        var test = fixture.Snapshot.HoldoutTests.Single();
        var c = model.Channels.ToList().FindIndex(x => x.Channel == test.Channel);

        // What the model predicts for the test's cells, then a read-out at half of it (±20%): the model is twice the test.
        var predicted = Calibration.Check(model, new LiftCalibration(test.Test, test.Channel, 0, -1, 1, 1.6), test).Before!.Value;
        Assert.True(predicted > 0, $"the model predicts {predicted:N0} for the test");
        var readout = new LiftCalibration(test.Test, test.Channel, predicted / 2, predicted * 0.4, predicted * 0.6, 1.6);
        var snapshot = With(fixture.Snapshot, readout);
        var calibrated = ResponseModel.Fit(snapshot, AccessScope.All, ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All }));

        var result = Assert.Single(calibrated.Calibrations);
        Assert.True(result.Applied, result.Problem);
        Assert.Equal(predicted, result.Before!.Value, predicted * 1e-9);
        Assert.InRange(result.After!.Value, readout.LowUsd, readout.HighUsd);
        Assert.Equal([test.Test], calibrated.Channels[c].CalibratedBy);

        // The curve keeps its shape and is scaled to meet the test (CalibrationReach.Default, the study's choice): the
        // channel's predicted gain from +60% spend next quarter and its figure for its last quarter's spend follow the
        // test's cells, and the figure's band widens, as the test showed the model off by more than its band allowed.
        var period = fixture.Period;
        double Gain(ResponseModel m)
        {
            var planner = PlannerFactory.For(m, fixture.Snapshot.Fx, "USD");
            var (season, current) = (planner.SeasonFor(period), planner.CurrentSpend[test.Channel]);
            return planner.IncrementalRevenue(c, current * 1.6, period, season) - planner.IncrementalRevenue(c, current, period, season);
        }

        var shrink = result.After.Value / result.Before.Value;
        Assert.InRange(shrink, 0.4, 0.6);
        Assert.Equal(shrink, Gain(calibrated) / Gain(model), 0.02);
        var (from, to) = (model.LastDay.AddDays(-90), model.LastDay);
        var before = ChannelIncrement.Of(model, c, from, to)!.RevenueUsd;
        var after = ChannelIncrement.Of(calibrated, c, from, to)!.RevenueUsd;
        Assert.Equal(shrink, after.Value / before.Value, 0.02);
        Assert.True((after.High - after.Low) / after.Value > (before.High - before.Low) / before.Value,
            $"relative band {(after.High - after.Low) / after.Value:0.000} after, {(before.High - before.Low) / before.Value:0.000} before");
        Assert.Equal(before.Value, ChannelIncrement.Uncalibrated(calibrated, c, from, to)!.RevenueUsd.Value, before.Value * 1e-9);

        for (var other = 0; other < model.Channels.Count; other++)
        {
            if (other != c && ChannelIncrement.Of(model, other, from, to) is { } figure)
            {
                Assert.Equal(figure.RevenueUsd, ChannelIncrement.Of(calibrated, other, from, to)!.RevenueUsd);
            }
        }
    }

    [Fact]
    public async Task The_command_line_reads_the_demo_test_out_finds_its_planted_spend_change_and_applies_it()
    {
        var truth = (await SeededTemplate.TruthAsync(Ct)).Holdout;
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));

        var (exit, stdout, stderr) = await RunAsync(["calibrations", "add", "--test", truth.Test, "--db", temp.Path]);
        Assert.True(exit == 0, stderr);
        var added = JsonNode.Parse(stdout)!;
        Assert.True(added["applied"]!.GetValue<bool>(), added["problem"]?.ToString());
        Assert.Equal(truth.TreatmentMultiplier, added["spend_change"]!.GetValue<double>(), 0.05);

        // What it measured is the lift command's read-out of the same test, in USD.
        var lift = HoldoutLift.Run(fixture.Snapshot, truth.Test, HoldoutLift.RevenueOutcome, AccessScope.All, "USD");
        Assert.Equal(lift.Incremental, added["measured"]!["value"]!.GetValue<double>(), 1e-6);
        var after = added["predicted_after"]!["value"]!.GetValue<double>();
        Assert.InRange(after, lift.IncrementalLow, lift.IncrementalHigh);
        Assert.NotNull(added["channel_after"]!["incremental_roas"]);

        var (listExit, listed, _) = await RunAsync(["calibrations", "list", "--db", temp.Path]);
        Assert.Equal(0, listExit);
        Assert.Equal(truth.Test, Assert.Single(JsonNode.Parse(listed)!.AsArray())!["test"]!.GetValue<string>());

        var (removeExit, _, removeErr) = await RunAsync(["calibrations", "remove", "--test", truth.Test, "--db", temp.Path]);
        Assert.True(removeExit == 0, removeErr);
        await using var db = temp.Open();
        Assert.Empty((await SnapshotLoader.LoadAsync(db, Ct)).Calibrations);

        var (unknownExit, _, unknown) = await RunAsync(["calibrations", "add", "--test", "no_such_test", "--db", temp.Path]);
        Assert.Equal(2, unknownExit);
        Assert.Contains($"'no_such_test' is not a holdout test (known: {truth.Test})", unknown, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static FactSnapshot With(FactSnapshot s, LiftCalibration calibration) => new()
    {
        Reference = s.Reference, MicroConversions = s.MicroConversions, Sales = s.Sales, Spend = s.Spend, Traffic = s.Traffic, Fx = s.Fx,
        Journeys = s.Journeys, Context = s.Context, Flights = s.Flights, Surveys = s.Surveys, HoldoutTests = s.HoldoutTests, Version = s.Version,
        Calibrations = [calibration],
    };
}

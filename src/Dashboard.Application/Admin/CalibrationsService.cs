using System.Globalization;
using Dashboard.Application.Analysis;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Lift;
using Dashboard.Attribution.Planning;
using Dashboard.Data;
using Dashboard.Data.Calibrations;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>
/// Calibrating a channel's curve with a read-out geo test (admins; page and command line): the test's revenue lift is
/// read out at constant rates in USD, the spend change it made is read from the data (or stated), and both are stored;
/// every instance then refits its curves with it. What the calibration did is read from the refitted model.
/// </summary>
public sealed class CalibrationsService(IDbContextFactory<DashboardDbContext> contexts, IAnalysisSource analyses, ISnapshotRefresh refresh, IViewer viewer, TimeProvider time)
{
    public async Task<IReadOnlyList<StoredCalibration>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await LiftCalibrations.ListAsync(db, ct);
    }

    /// <summary>Reads the test out and stores it as its channel's calibration.</summary>
    /// <param name="spendChange">The test markets' spend as a multiple of what they would have spent; null to read it from the data.</param>
    /// <returns>The stored calibration, or null with why nothing was stored.</returns>
    public async Task<(LiftCalibration? Stored, string Message)> AddAsync(string test, double? spendChange, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(test);
        var analysis = await analyses.GetAnalysisAsync(ct);
        var snapshot = analysis.Snapshot;
        var definition = snapshot.HoldoutTests.FirstOrDefault(t => t.Test == test);
        if (definition is null)
        {
            return (null, $"'{test}' is not a holdout test (known: {string.Join(", ", snapshot.HoldoutTests.Select(t => t.Test))})");
        }

        if (definition.Channel.Length == 0)
        {
            return (null, $"holdout test '{test}' names no channel: only a test of one channel can calibrate that channel's curve");
        }

        if (snapshot.LastDay is not { } last || definition.End > last)
        {
            return (null, FormattableString.Invariant($"holdout test '{test}' runs until {definition.End:yyyy-MM-dd}, after the data's last day: calibrate once it is read out"));
        }

        if (spendChange is { } stated && !(stated >= 0 && stated <= 100))
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"a spend change of {stated} is not a multiple of the usual spend (0 for a test that went dark, 1.6 for +60%)"));
        }

        HoldoutLiftResult lift;
        double change;
        try
        {
            lift = HoldoutLift.Run(snapshot, test, HoldoutLift.RevenueOutcome, AccessScope.All, "USD");
            var model = await analysis.ResponseModels.GetAsync(AccessScope.All);
            change = spendChange ?? Calibration.SpendChange(model, definition.Channel, definition);
        }
        catch (MetricsQueryException ex)
        {
            return (null, ex.Message);
        }

        if (double.IsNaN(change))
        {
            return (null, $"the test markets had no {definition.Channel} spend before the test: state the spend change it made");
        }

        if (Math.Abs(change - 1) < Calibration.MinimumChange)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"the test markets' {definition.Channel} spend was {change:0.00}× what the control markets' change predicts: the test did not move the channel, so it cannot calibrate its curve (state the spend change if the data miss it)"));
        }

        var name = snapshot.Reference.Channels.FirstOrDefault(c => c.Key == definition.Channel)?.Name ?? definition.Channel;
        var calibration = new LiftCalibration(test, definition.Channel, lift.Incremental, lift.IncrementalLow, lift.IncrementalHigh, Math.Round(change, 3));
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            await LiftCalibrations.SaveAsync(db, time, calibration, spendChange is not null, await viewer.ActorAsync(), ct);
        }

        await refresh.RefreshAsync(ct);
        return (calibration, string.Create(CultureInfo.InvariantCulture,
            $"{name} is calibrated by {test}: it measured {lift.Incremental:N0} USD [{lift.IncrementalLow:N0}, {lift.IncrementalHigh:N0}] with spend × {change:0.00}; the curves are refitted with it."));
    }

    public async Task<(bool Removed, string Message)> RemoveAsync(string test, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(test);
        bool removed;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            removed = await LiftCalibrations.RemoveAsync(db, time, test, await viewer.ActorAsync(), ct);
        }

        if (!removed)
        {
            return (false, $"'{test}' calibrates nothing");
        }

        await refresh.RefreshAsync(ct);
        return (true, $"{test} no longer calibrates its channel; the curves are refitted without it.");
    }

    /// <summary>What the test did to its channel's curve in the current model of every market (waits for the fit).</summary>
    public async Task<(CalibrationResult? Result, ChannelResponse? Channel)> ResultAsync(string test, CancellationToken ct = default)
    {
        var model = await (await analyses.GetAnalysisAsync(ct)).ResponseModels.GetAsync(AccessScope.All);
        var result = model.Calibrations.FirstOrDefault(r => r.Test == test);
        return (result, result is null ? null : model.Channels.FirstOrDefault(c => c.Channel == result.Channel));
    }
}

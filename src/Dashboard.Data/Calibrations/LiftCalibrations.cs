using System.Globalization;
using Dashboard.Data.Entities;
using Dashboard.Metrics.Snapshot;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Calibrations;

/// <summary>A stored calibration as listed: the read-out, how its spend change was known, who stored it and when.</summary>
public sealed record StoredCalibration(LiftCalibration Calibration, bool SpendChangeStated, DateTime CreatedUtc, string Actor);

/// <summary>
/// The stored geo-test calibrations (one per test; storing a test again replaces its read-out). Each change is a data
/// change of kind "calibrations": every instance reads the snapshot again (not the fact rows) and refits its curves.
/// </summary>
public static class LiftCalibrations
{
    public static async Task<IReadOnlyList<StoredCalibration>> ListAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.LiftCalibrations.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        return [.. rows.Select(r => new StoredCalibration(new LiftCalibration(r.Test, r.Channel, r.IncrementalUsd, r.LowUsd, r.HighUsd, r.SpendChange),
            r.SpendChangeStated, r.CreatedUtc, r.Actor))];
    }

    /// <summary>Stores (or replaces) the test's calibration, audited under the actor.</summary>
    public static async Task SaveAsync(DashboardDbContext db, TimeProvider time, LiftCalibration calibration, bool spendChangeStated, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(calibration);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.LiftCalibrations.FirstOrDefaultAsync(r => r.Test == calibration.Test, ct);
        if (row is not null)
        {
            // Replaced rows go to the end of the order: tests apply in the order they were (last) stored.
            db.LiftCalibrations.Remove(row);
            await db.SaveChangesAsync(ct);
        }

        db.LiftCalibrations.Add(new LiftCalibrationRow
        {
            Test = calibration.Test, Channel = calibration.Channel, IncrementalUsd = calibration.IncrementalUsd, LowUsd = calibration.LowUsd,
            HighUsd = calibration.HighUsd, SpendChange = calibration.SpendChange, SpendChangeStated = spendChangeStated, CreatedUtc = now, Actor = actor,
        });
        var details = string.Create(CultureInfo.InvariantCulture,
            $"{calibration.Channel}: {calibration.IncrementalUsd:0} USD [{calibration.LowUsd:0}, {calibration.HighUsd:0}], spend × {calibration.SpendChange:0.###}{(spendChangeStated ? " (stated)" : "")}");
        Record(db, now, actor, row is null ? "calibration_added" : "calibration_replaced", calibration.Test, details);
        await db.SaveChangesAsync(ct);
    }

    /// <returns>False when the test had no calibration.</returns>
    public static async Task<bool> RemoveAsync(DashboardDbContext db, TimeProvider time, string test, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var row = await db.LiftCalibrations.FirstOrDefaultAsync(r => r.Test == test, ct);
        if (row is null)
        {
            return false;
        }

        db.LiftCalibrations.Remove(row);
        Record(db, time.GetUtcNow().UtcDateTime, actor, "calibration_removed", test, row.Channel);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Record(DashboardDbContext db, DateTime now, string actor, string action, string test, string details)
    {
        db.DataChanges.Add(new DataChange { Utc = now, Kind = DataChange.Calibrations, Actor = actor, Summary = $"{action} {test}" });
        db.AuditLog.Add(new AuditEntry { Utc = now, Actor = actor, Action = action, Target = test, Details = details });
    }
}

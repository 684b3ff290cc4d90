using Dashboard.Application.Analysis;
using Dashboard.Application.Schedules;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Packs;
using Dashboard.Exports.Packs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Exports.Delivery;

/// <summary>
/// Runs scheduled packs when they fall due: each is built for its owner as their page would show it (their markets,
/// currency and format, as they stand on the day), delivered, and its outcome recorded on the schedule. A failed run
/// (SMTP down, Chromium missing) is retried an hour later; a delivered one waits for the next month or quarter.
/// </summary>
public sealed class PackScheduleRunner(IDbContextFactory<DashboardDbContext> contexts, Func<CancellationToken, Task<SnapshotAnalysis>> analysis,
    PackMaker maker, PackDelivery delivery, TimeProvider time) : Application.Schedules.IPackRunner
{
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromHours(1);

    /// <summary>Raised after a run's outcome is recorded: the schedule's id and the outcome.</summary>
    public event Action<int, string>? Ran;

    /// <summary>Runs every schedule due now; returns how many ran.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var ran = 0;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            var due = await db.PackSchedules.AsNoTracking().Where(s => s.NextRunUtc <= now).OrderBy(s => s.NextRunUtc)
                .Select(s => new { s.Id, s.NextRunUtc }).ToListAsync(ct);
            foreach (var schedule in due)
            {
                // Every instance on a shared database looks for due packs: the one whose update moves the due time
                // first runs it, so a pack goes out once. Should that instance die mid-run, another retries an hour on.
                var claimed = await db.PackSchedules.Where(s => s.Id == schedule.Id && s.NextRunUtc == schedule.NextRunUtc)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.NextRunUtc, now + RetryAfterFailure), ct);
                if (claimed == 1)
                {
                    await RunAsync(schedule.Id, scheduled: true, ct);
                    ran++;
                }
            }
        }

        return ran;
    }

    /// <summary>Runs one schedule (when due, or at once for "run now"); returns its recorded outcome.</summary>
    public async Task<string> RunAsync(int id, bool scheduled, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var schedule = await db.PackSchedules.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new InvalidOperationException($"No schedule {id}.");
        var email = await db.Users.AsNoTracking().Where(u => u.Id == schedule.UserId).Select(u => u.Email).FirstOrDefaultAsync(ct) ?? schedule.UserId;
        bool delivered;
        try
        {
            var context = await UserContexts.ForUserAsync(db, await analysis(ct), schedule.UserId, schedule.Query, time, ct);
            var request = new ReviewRequest(PackCadence.Period(schedule.Cadence), context.View.Compare, schedule.Charts.Split(',', StringSplitOptions.RemoveEmptyEntries));
            var file = await maker.BuildAsync(context, request, schedule.Format, $"{email} (schedule {schedule.Id})", ct: ct);
            if (schedule.Delivery == PackSchedule.ByEmail)
            {
                await delivery.ByEmailAsync(file, schedule.Recipient, $"Business review: {schedule.ViewName}",
                    $"Your {schedule.Cadence} business review pack for the view \"{schedule.ViewName}\" is attached ({file.FileName}).", ct);
                schedule.LastOutcome = $"Sent {file.FileName} to {schedule.Recipient}";
            }
            else
            {
                schedule.LastOutcome = $"Wrote {await delivery.ToFolderAsync(file, email, ct)}";
            }

            delivered = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever stopped this run is the schedule's to show; the others still run.
            schedule.LastOutcome = $"Failed: {e.Message}";
            delivered = false;
        }

        var now = time.GetUtcNow();
        schedule.LastRunUtc = now.UtcDateTime;
        if (scheduled)
        {
            schedule.NextRunUtc = delivered ? PackCadence.NextRun(schedule.Cadence, now) : (now + RetryAfterFailure).UtcDateTime;
        }

        await db.SaveChangesAsync(ct);
        Ran?.Invoke(schedule.Id, schedule.LastOutcome);
        return schedule.LastOutcome;
    }
}

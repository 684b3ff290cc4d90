using Dashboard.Application.Analysis;
using Dashboard.Application.Charts;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Schedules;

/// <summary>A scheduled pack as the page lists it, in words.</summary>
public sealed record ScheduleLine(int Id, string ViewName, string Every, string Format, string GoesTo, int Charts, DateTime NextRunUtc, DateTime? LastRunUtc, string LastOutcome);

/// <summary>A saved view a pack can be scheduled for: its label (name and page) and its page's charts (keys "page/chart").</summary>
public sealed record ScheduleViewOption(int Id, string Label, IReadOnlyList<string> Charts);

/// <summary>Builds and delivers one scheduled pack at once (the exports layer's runner in the app).</summary>
public interface IPackRunner
{
    /// <returns>The outcome recorded on the schedule.</returns>
    Task<string> RunAsync(int id, bool scheduled, CancellationToken ct = default);
}

/// <summary>
/// The Scheduled packs page's tasks for the signed-in user: their schedules, the saved views of report pages they can
/// schedule, scheduling one (by the rules of <see cref="PackSchedules"/>) and deleting one of theirs.
/// </summary>
public sealed class SchedulesService(IDbContextFactory<DashboardDbContext> contexts, ICurrentUser user, IPackRunner runner, TimeProvider time)
{
    public static IReadOnlyList<(string Key, string Label)> Cadences { get; } = [(PackSchedule.Monthly, "Month"), (PackSchedule.Quarterly, "Quarter")];

    public static IReadOnlyList<(string Key, string Label)> Formats { get; } = [("pptx", "PowerPoint deck"), ("pdf", "PDF report")];

    public const string ToFolder = PackSchedule.ToFolder;

    public const string ByEmail = PackSchedule.ByEmail;

    /// <summary>Every chart a pack can hold: key ("page/chart") and name ("Page: chart").</summary>
    public static IReadOnlyList<(string Key, string Name)> AllCharts { get; } =
        [.. ReportPages.All.SelectMany(p => p.Charts.Select(c => ($"{p.Key}/{c.Id}", $"{p.Title}: {c.Title}")))];

    public static string ChartName(string key) => AllCharts.FirstOrDefault(c => c.Key == key).Name ?? key;

    public async Task<IReadOnlyList<ScheduleLine>> ListAsync(CancellationToken ct = default)
    {
        var id = await user.IdAsync() ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        return [.. (await PackSchedules.ListAsync(db, id, ct)).Select(s => new ScheduleLine(s.Id, s.ViewName,
            s.Cadence == PackSchedule.Quarterly ? "quarter" : "month", s.Format == "pdf" ? "PDF report" : "PowerPoint deck",
            s.Delivery == PackSchedule.ByEmail ? s.Recipient : "pack folder", s.Charts.Split(',').Length, s.NextRunUtc, s.LastRunUtc, s.LastOutcome))];
    }

    /// <summary>The user's saved views of report pages, by name, each with its page's charts to start with.</summary>
    public async Task<IReadOnlyList<ScheduleViewOption>> ViewsAsync(CancellationToken ct = default)
    {
        var id = await user.IdAsync() ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var views = await db.SavedViews.AsNoTracking().Where(v => v.UserId == id).OrderBy(v => v.Name).ToListAsync(ct);
        return [.. views.Select(v => (View: v, Page: ReportPages.AtPath(v.Page))).Where(v => v.Page is not null)
            .Select(v => new ScheduleViewOption(v.View.Id, $"{v.View.Name} ({v.Page!.Title})", [.. v.Page.Charts.Select(c => $"{v.Page.Key}/{c.Id}")]))];
    }

    /// <returns>What is wrong (nothing when scheduled).</returns>
    public async Task<IReadOnlyList<string>> CreateAsync(ScheduleRequest request, bool emailConfigured, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = await user.IdAsync() ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (_, errors) = await PackSchedules.CreateAsync(db, id, request with { Recipient = request.Recipient.Trim() }, emailConfigured, time.GetUtcNow(), ct);
        return errors;
    }

    /// <summary>Deletes one of the user's schedules; another's id deletes nothing.</summary>
    public async Task DeleteAsync(int scheduleId, CancellationToken ct = default)
    {
        var id = await user.IdAsync() ?? "";
        await using var db = await contexts.CreateDbContextAsync(ct);
        await PackSchedules.DeleteAsync(db, id, scheduleId, ct);
    }

    /// <summary>Builds and delivers one of the user's schedules now ("run now"); another's id runs nothing.</summary>
    /// <returns>The outcome, or null when the schedule is not theirs.</returns>
    public async Task<string?> RunNowAsync(int scheduleId, CancellationToken ct = default)
    {
        var id = await user.IdAsync() ?? "";
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            if (!await db.PackSchedules.AnyAsync(s => s.Id == scheduleId && s.UserId == id, ct))
            {
                return null;
            }
        }

        return await runner.RunAsync(scheduleId, scheduled: false, ct);
    }
}

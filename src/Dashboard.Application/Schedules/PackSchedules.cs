using System.Net.Mail;
using Dashboard.Data;
using Dashboard.Data.Entities;
using Dashboard.Application.Charts;
using Dashboard.Application.Packs;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Schedules;

/// <summary>What a user asks to schedule: one of their saved views, the cadence, the format, the charts and where it goes.</summary>
public sealed record ScheduleRequest(int SavedViewId, string Cadence, string Format, IReadOnlyList<string> Charts, string Delivery, string Recipient);

/// <summary>A user's scheduled packs: listed, created (checked first: nothing half-valid is stored) and deleted.</summary>
public static class PackSchedules
{
    public static async Task<IReadOnlyList<PackSchedule>> ListAsync(DashboardDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PackSchedules.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.ViewName).ThenBy(s => s.Id).ToListAsync(ct);
    }

    /// <summary>The new schedule, or the reasons it was refused.</summary>
    public static async Task<(PackSchedule? Schedule, IReadOnlyList<string> Errors)> CreateAsync(DashboardDbContext db, string userId, ScheduleRequest request,
        bool emailConfigured, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<string>();
        var view = await db.SavedViews.AsNoTracking().FirstOrDefaultAsync(v => v.Id == request.SavedViewId && v.UserId == userId, ct);
        if (view is null)
        {
            errors.Add("Choose one of your saved views.");
        }
        else if (ReportPages.AtPath(view.Page) is null)
        {
            errors.Add($"\"{view.Name}\" is a view of a page packs are not made from; save a view on {string.Join(", ", ReportPages.All.Select(p => p.Title))}.");
        }

        if (!PackCadence.IsKnown(request.Cadence))
        {
            errors.Add($"Cadence \"{request.Cadence}\": use monthly or quarterly.");
        }

        if (!PackFormats.All.Contains(request.Format))
        {
            errors.Add($"Format \"{request.Format}\": use pptx or pdf.");
        }

        var known = ReportPages.All.SelectMany(p => p.Charts.Select(c => $"{p.Key}/{c.Id}")).ToHashSet(StringComparer.Ordinal);
        if (request.Charts.Count == 0)
        {
            errors.Add("Choose at least one chart.");
        }

        errors.AddRange(request.Charts.Where(c => !known.Contains(c)).Select(c => $"No chart \"{c}\"."));
        if (request.Delivery == PackSchedule.ByEmail)
        {
            if (!emailConfigured)
            {
                errors.Add("E-mail delivery is not set up on this server (Delivery:Smtp); deliver to the folder instead.");
            }

            if (!MailAddress.TryCreate(request.Recipient, out _))
            {
                errors.Add($"\"{request.Recipient}\" is not an e-mail address.");
            }
        }
        else if (request.Delivery != PackSchedule.ToFolder)
        {
            errors.Add($"Delivery \"{request.Delivery}\": use folder or email.");
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var schedule = new PackSchedule
        {
            UserId = userId, ViewName = view!.Name, Page = view.Page, Query = view.Query, Charts = string.Join(',', request.Charts),
            Cadence = request.Cadence, Format = request.Format, Delivery = request.Delivery,
            Recipient = request.Delivery == PackSchedule.ByEmail ? request.Recipient : "",
            CreatedUtc = now.UtcDateTime, NextRunUtc = PackCadence.NextRun(request.Cadence, now),
        };
        db.PackSchedules.Add(schedule);
        await db.SaveChangesAsync(ct);
        return (schedule, []);
    }

    public static async Task<bool> DeleteAsync(DashboardDbContext db, string userId, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.PackSchedules.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(ct) > 0;
    }
}

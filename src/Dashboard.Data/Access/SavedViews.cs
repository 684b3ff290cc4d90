using Dashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>A user's named views of one page.</summary>
public sealed record SavedViewLine(int Id, string Name, string Query, DateTime SavedUtc);

/// <summary>Named dashboard views, per user and page. Saving a name that exists replaces that view.</summary>
public static class SavedViews
{
    public const int MaxNameLength = 80;

    public static async Task<IReadOnlyList<SavedViewLine>> ListAsync(DashboardDbContext db, string userId, string page, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var views = await db.SavedViews.AsNoTracking().Where(v => v.UserId == userId && v.Page == page)
            .Select(v => new SavedViewLine(v.Id, v.Name, v.Query, v.SavedUtc)).ToListAsync(ct);
        return [.. views.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase)];
    }

    /// <returns>Null when saved, else why not.</returns>
    public static async Task<string?> SaveAsync(DashboardDbContext db, string userId, string page, string name, string query, DateTime utc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return "give the view a name";
        }

        if (trimmed.Length > MaxNameLength)
        {
            return $"a view's name has at most {MaxNameLength} characters";
        }

        var existing = await db.SavedViews.FirstOrDefaultAsync(v => v.UserId == userId && v.Page == page && v.Name == trimmed, ct);
        if (existing is null)
        {
            db.SavedViews.Add(new SavedView { UserId = userId, Page = page, Name = trimmed, Query = query, SavedUtc = utc });
        }
        else
        {
            (existing.Query, existing.SavedUtc) = (query, utc);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Deletes one of the user's own views (another user's id deletes nothing).</summary>
    public static async Task<bool> DeleteAsync(DashboardDbContext db, string userId, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.SavedViews.Where(v => v.Id == id && v.UserId == userId).ExecuteDeleteAsync(ct) == 1;
    }
}

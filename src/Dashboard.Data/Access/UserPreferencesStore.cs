using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Access;

/// <summary>What a user chose to read figures in; null fields mean the product's defaults.</summary>
public sealed record StoredPreferences(string? ReportingCurrency, string? NumberFormat);

/// <summary>Per-user display preferences, kept on the user's row.</summary>
public static class UserPreferencesStore
{
    public static async Task<StoredPreferences> GetAsync(DashboardDbContext db, string userId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new StoredPreferences(u.ReportingCurrency, u.NumberFormat))
            .FirstOrDefaultAsync(ct) ?? new StoredPreferences(null, null);
    }

    /// <returns>False when the user no longer exists.</returns>
    public static async Task<bool> SaveAsync(DashboardDbContext db, string userId, StoredPreferences preferences, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(preferences);
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.ReportingCurrency, preferences.ReportingCurrency)
            .SetProperty(u => u.NumberFormat, preferences.NumberFormat), ct);
        return changed == 1;
    }
}

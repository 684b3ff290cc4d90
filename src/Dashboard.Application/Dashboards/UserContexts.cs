using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// A stored user's dashboard context, as their own page would compute it: their markets (from their roles and grants
/// as they stand now), their currency and number format, and a view. For files made without the user present (the
/// command line, schedules), so a pack never shows more than its owner may see.
/// </summary>
public static class UserContexts
{
    public static async Task<DashboardContext> ForUserAsync(DashboardDbContext db, SnapshotAnalysis analysis, string userId, string? query, TimeProvider time,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = await db.UserRoles.AsNoTracking().Where(ur => ur.UserId == userId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var scope = await UserAccounts.ScopeAsync(db, userId, roles, ct);
        return DashboardContexts.Create(analysis, scope, await UserPreferencesStore.GetAsync(db, userId, ct), query, time);
    }
}

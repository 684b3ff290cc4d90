using Dashboard.Data;
using Dashboard.Data.Access;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>The audit log as the admin page reads it.</summary>
public sealed class AuditService(IDbContextFactory<DashboardDbContext> contexts)
{
    /// <summary>How many events the page shows, newest first.</summary>
    public const int PageSize = 500;

    public async Task<IReadOnlyList<AuditLine>> LatestAsync(int count = PageSize, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await AuditLog.LatestAsync(db, count, ct);
    }
}

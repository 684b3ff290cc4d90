using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Imports;

/// <summary>Undoes an import (its rows go, the rows it replaced come back) for the Import page and <c>dashboard import rollback</c>, then reloads the figures.</summary>
public sealed class RollbackService(IDbContextFactory<DashboardDbContext> contexts, ISnapshotRefresh refresh, TimeProvider time, ILogger<RollbackService> log)
{
    public async Task<RollbackResult> RollbackAsync(int importId, string user, CancellationToken ct = default)
    {
        RollbackResult result;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            result = await new ImportRollback(db, time).RollbackAsync(importId, user, ct);
        }

        if (result.RolledBack)
        {
            await refresh.RefreshOrLogAsync(log);
        }

        return result;
    }
}

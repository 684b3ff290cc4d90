using Dashboard.Application.Analysis;
using Dashboard.Data;
using Dashboard.Data.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Admin;

/// <summary>Erases one person's data (a journey id or a survey respondent) and reloads the figures when anything went.</summary>
public sealed class ErasureService(IDbContextFactory<DashboardDbContext> contexts, ISnapshotRefresh refresh, TimeProvider time)
{
    /// <param name="what"><see cref="Erasure.Journey"/> or <see cref="Erasure.Respondent"/>.</param>
    public async Task<ErasureResult> EraseAsync(string what, string id, string actor, CancellationToken ct = default)
    {
        ErasureResult result;
        await using (var db = await contexts.CreateDbContextAsync(ct))
        {
            result = what == Erasure.Journey
                ? await Erasure.EraseJourneyAsync(db, time, id, actor, ct)
                : await Erasure.EraseRespondentAsync(db, time, id, actor, ct);
        }

        if (result.Found)
        {
            await refresh.RefreshAsync(ct);
        }

        return result;
    }
}

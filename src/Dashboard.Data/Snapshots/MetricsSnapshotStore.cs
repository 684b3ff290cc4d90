using Dashboard.Attribution;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Snapshots;

/// <summary>
/// Holds the engine over the current snapshot. A refresh builds a whole new snapshot off to the side and swaps one
/// reference, so a query runs on all of an import or none of it and never waits for a lock.
/// </summary>
public sealed class MetricsSnapshotStore(IDbContextFactory<DashboardDbContext> contexts) : IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile MetricsEngine? _engine;

    /// <summary>The engine over the latest loaded snapshot (loads it on first use).</summary>
    public async ValueTask<MetricsEngine> GetAsync(CancellationToken ct = default) => _engine ?? await RefreshAsync(ct);

    /// <summary>Reloads when the data changed since the current snapshot (every change is an import or a rollback).</summary>
    public async Task<MetricsEngine> RefreshAsync(CancellationToken ct = default)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var version = await DataVersionAsync(db, ct);
            if (_engine is { } current && current.Snapshot.Version == version)
            {
                return current;
            }

            var snapshot = await SnapshotLoader.LoadAsync(db, ct);
            var values = new ValuationValueSource(snapshot);
            var engine = new MetricsEngine(snapshot, new AttributionCreditSource(snapshot), values);

            // The valuation takes seconds: start it now so the first page that shows engagement value does not wait.
            _ = Task.Run(() => values.UsdPerAction(), CancellationToken.None);
            _engine = engine;
            return engine;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>A number that changes with every import and every rollback: the snapshot's <see cref="FactSnapshot.Version"/>.</summary>
    public static async Task<long> DataVersionAsync(DashboardDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var imports = await db.Imports.Select(i => new { i.Id, Rolled = i.RolledBackUtc != null }).ToListAsync(ct);
        return imports.Count == 0 ? 0 : (imports.Max(i => i.Id) * 1_000_000L) + imports.Count(i => i.Rolled);
    }

    public void Dispose() => _refreshing.Dispose();
}

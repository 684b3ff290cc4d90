using Dashboard.Data;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Application.Analysis;

/// <summary>
/// Holds the engine over the current snapshot. A refresh builds a whole new snapshot off to the side and swaps one
/// reference, so a query runs on all of an import or none of it and never waits for a lock.
/// </summary>
public sealed class MetricsSnapshotStore(IDbContextFactory<DashboardDbContext> contexts) : IAnalysisSource, ISnapshotRefresh, IDisposable
{
    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile SnapshotAnalysis? _current;

    /// <summary>The data version of the loaded snapshot; null before the first load.</summary>
    public long? LoadedVersion => _current?.Snapshot.Version;

    /// <summary>Raised after a new snapshot replaced the previous one (an import here, or another instance's seen by a poll).</summary>
    public event Action<SnapshotAnalysis>? Reloaded;

    /// <summary>The engine over the latest loaded snapshot (loads it on first use).</summary>
    public async ValueTask<MetricsEngine> GetAsync(CancellationToken ct = default) => (await GetAnalysisAsync(ct)).Engine;

    /// <summary>The engine, the attribution service and the valuation over the latest loaded snapshot.</summary>
    public async ValueTask<SnapshotAnalysis> GetAnalysisAsync(CancellationToken ct = default) => _current ?? await RefreshAnalysisAsync(ct);

    /// <summary>Reloads when the data (an import, a rollback, an erasure) or the definitions changed since the current snapshot.</summary>
    public async Task<MetricsEngine> RefreshAsync(CancellationToken ct = default) => (await RefreshAnalysisAsync(ct)).Engine;

    Task ISnapshotRefresh.RefreshAsync(CancellationToken ct) => RefreshAnalysisAsync(ct);

    private async Task<SnapshotAnalysis> RefreshAnalysisAsync(CancellationToken ct)
    {
        await _refreshing.WaitAsync(ct);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var version = await SnapshotLoader.DataVersionAsync(db, ct);
            var referenceVersion = await SnapshotLoader.ReferenceVersionAsync(db, ct);
            if (_current is { } current && current.Snapshot.Version == version && current.ReferenceVersion == referenceVersion)
            {
                return current;
            }

            var analysis = new SnapshotAnalysis(await SnapshotLoader.LoadAsync(db, ct)) { ReferenceVersion = referenceVersion };

            // The valuation takes a second or more: start it now so the first page that shows values does not wait, unless
            // a newer snapshot replaced this one before it started (imports in a row would otherwise queue a fit each).
            _current = analysis;
            _ = Task.Run(() =>
            {
                if (ReferenceEquals(_current, analysis))
                {
                    analysis.Valuation.UsdPerAction();
                }
            }, CancellationToken.None);
            Reloaded?.Invoke(analysis);
            return analysis;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public void Dispose() => _refreshing.Dispose();
}

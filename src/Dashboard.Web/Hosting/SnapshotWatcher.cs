using Dashboard.Application.Analysis;

namespace Dashboard.Web.Hosting;

/// <summary>
/// Several instances share one database: an import, rollback or erasure through one of them (or through the command
/// line) changes the data version, and every instance sees it on its next poll (Snapshot:PollSeconds, 2 s by default)
/// and reloads its engine. A poll is two one-row queries; the reload happens only when the version moved.
/// </summary>
public sealed class SnapshotWatcher(MetricsSnapshotStore store, IConfiguration configuration, TimeProvider time, ILogger<SnapshotWatcher> log) : BackgroundService
{
    public const string PollSecondsKey = "Snapshot:PollSeconds";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.2, configuration.GetValue<double?>(PollSecondsKey) ?? 2));
        using var timer = new PeriodicTimer(every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var before = store.LoadedVersion;
                var engine = await store.RefreshAsync(stoppingToken);
                if (before is not null && engine.Snapshot.Version != before)
                {
                    log.LogInformation("Data version {Before} → {After}: the engine reloaded {Rows} fact rows", before, engine.Snapshot.Version, engine.Snapshot.FactRows);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be restarting or failing over: keep the current snapshot and look again next time.
                log.LogWarning(e, "The data version could not be read; the engine keeps its current snapshot");
            }
        }
    }
}

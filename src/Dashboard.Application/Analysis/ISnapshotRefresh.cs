using Microsoft.Extensions.Logging;

namespace Dashboard.Application.Analysis;

/// <summary>
/// Reloads the figures after a data change (an import, a rollback, an erasure). The web host's snapshot store does;
/// a process that holds no figures (the command line) has nothing to reload.
/// </summary>
public interface ISnapshotRefresh
{
    Task RefreshAsync(CancellationToken ct = default);
}

public static class SnapshotRefreshExtensions
{
    /// <summary>Reloads, logging a failure instead of throwing: the change is stored, and the next page that asks loads it again.</summary>
    public static async Task RefreshOrLogAsync(this ISnapshotRefresh refresh, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(refresh);
        try
        {
            await refresh.RefreshAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError(ex, "refreshing the snapshot after a data change failed");
        }
    }
}

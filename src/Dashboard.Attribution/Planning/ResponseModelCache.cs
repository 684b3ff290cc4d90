using System.Collections.Concurrent;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// The response models of one snapshot, one per market scope (a regional team's curves come from its own markets),
/// fitted once in the background on first request and kept until the snapshot is replaced by an import. The fit's
/// progress can be read while it runs.
/// </summary>
public sealed class ResponseModelCache(FactSnapshot snapshot, Func<ValuationResult> valuation)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ResponseModel>>> _fits = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<RevenueOnlyModel>>> _salesOnly = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (int Done, int Total)> _progress = new(StringComparer.Ordinal);

    public FactSnapshot Snapshot => snapshot;

    /// <summary>The scope's model: started on first call, then the same task for every caller.</summary>
    public Task<ResponseModel> GetAsync(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var key = Key(scope);
        return _fits.GetOrAdd(key, k => new Lazy<Task<ResponseModel>>(() => Task.Run(() =>
            ResponseModel.Fit(snapshot, scope, valuation(), new ProgressSink(this, k))))).Value;
    }

    /// <summary>The scope's sales-only model (spend and sales alone), fitted once as the mediated one.</summary>
    public Task<RevenueOnlyModel> GetRevenueOnlyAsync(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return _salesOnly.GetOrAdd(Key(scope), _ => new Lazy<Task<RevenueOnlyModel>>(() => Task.Run(() => RevenueOnlyModel.Fit(snapshot, scope)))).Value;
    }

    /// <summary>(channels fitted, channels) of the scope's fit, or null before it started.</summary>
    public (int Done, int Total)? Progress(AccessScope scope) =>
        _progress.TryGetValue(Key(scope ?? throw new ArgumentNullException(nameof(scope))), out var p) ? p : null;

    private static string Key(AccessScope scope) => KeyOf(scope);

    /// <summary>"*" for every market, else the scope's market codes in order: the key under which its fits and scenarios are kept.</summary>
    public static string KeyOf(AccessScope scope) =>
        (scope ?? throw new ArgumentNullException(nameof(scope))).Markets is { } markets ? string.Join(',', markets.Order(StringComparer.Ordinal)) : "*";

    // Synchronous on purpose: System.Progress posts to a context, and the page polls this value.
    private sealed class ProgressSink(ResponseModelCache cache, string key) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => cache._progress[key] = value;
    }
}

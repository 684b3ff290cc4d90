using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Query;

/// <summary>
/// The markets a question may read: the asking user's access scope narrowed by market and region filters, resolved by
/// the same rules (and the same "did you mean" errors) as the engine's queries. Services beside the engine (the
/// attribution service) use it so no caller can skip the scope.
/// </summary>
public static class ScopeMarkets
{
    /// <summary>Per market code, whether the question may read it.</summary>
    /// <exception cref="MetricsQueryException">A filter names an unknown market or region, or filters anything else.</exception>
    public static bool[] Resolve(ReferenceSet reference, AccessScope scope, IReadOnlyDictionary<Dimension, IReadOnlyList<string>> filters)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(filters);
        foreach (var (d, keys) in filters)
        {
            if (d is not (Dimension.Market or Dimension.Region) && keys.Count > 0)
            {
                throw new MetricsQueryException($"filter '{d.Key()}' is not supported here: filter by market or region");
            }
        }

        var query = new MetricsQuery { Range = new DateRange(DateOnly.MinValue, DateOnly.MinValue), Measures = [], Scope = scope, Filters = filters };
        var maps = ColumnMaps.Build(query, reference, new GroupLayout([], reference, null));
        var allowed = new bool[reference.Markets.Count];
        foreach (var m in maps.ScopeMarkets)
        {
            allowed[m] = true;
        }

        return allowed;
    }
}

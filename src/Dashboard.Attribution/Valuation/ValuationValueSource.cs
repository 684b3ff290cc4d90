using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The engine's values per action: one valuation of the whole snapshot (every market, every day), computed once on
/// first use and kept with the snapshot. The values pool every market, so no market's own data can be read from them.
/// </summary>
public sealed class ValuationValueSource(FactSnapshot snapshot) : IEventValueSource
{
    private readonly Lazy<ValuationResult> _valuation = new(() => ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All }));

    /// <summary>The valuation behind the values (computed on first use).</summary>
    public ValuationResult Valuation => _valuation.Value;

    public IReadOnlyList<double?> UsdPerAction()
    {
        try
        {
            return [.. Valuation.Events.Select(e => e.Value)];
        }
        catch (MetricsQueryException)
        {
            // No sales to fit on: no type has a value, and the engine says so.
            return new double?[snapshot.Reference.Events.Count];
        }
    }
}

using Dashboard.Attribution;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Application.Analysis;

/// <summary>Everything that answers questions about one snapshot: the engine (with attribution and valuation plugged in), the attribution service, the valuation.</summary>
public sealed class SnapshotAnalysis
{
    public SnapshotAnalysis(FactSnapshot snapshot)
    {
        Snapshot = snapshot;
        Valuation = new ValuationValueSource(snapshot);
        Attribution = new AttributionService(snapshot);
        Engine = new MetricsEngine(snapshot, new AttributionCreditSource(snapshot), Valuation);
        ResponseModels = new ResponseModelCache(snapshot, () => Valuation.Valuation);
    }

    public FactSnapshot Snapshot { get; }

    /// <summary>The definitions' version the snapshot's reference lists were read at.</summary>
    public long ReferenceVersion { get; init; }
    public MetricsEngine Engine { get; }
    public AttributionService Attribution { get; }
    public ValuationValueSource Valuation { get; }

    /// <summary>The budget planner's response curves, per market scope, fitted on first use.</summary>
    public ResponseModelCache ResponseModels { get; }
}

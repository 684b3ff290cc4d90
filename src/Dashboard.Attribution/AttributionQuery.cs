using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Attribution;

/// <summary>
/// One attribution question: the paths whose last touch falls in <see cref="Range"/>, in the markets the asking user
/// may see (narrowed by market or region filters), credited under one model.
/// </summary>
public sealed record AttributionQuery
{
    public required DateRange Range { get; init; }

    public required AccessScope Scope { get; init; }

    /// <summary>Market and region filters only: attribution has channel as its output, not as a filter.</summary>
    public IReadOnlyDictionary<Dimension, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<Dimension, IReadOnlyList<string>>();

    public AttributionModel Model { get; init; } = AttributionModels.Default;

    /// <summary>Touches more than this many days before the conversion (or a non-converting path's last touch) are dropped.</summary>
    public int LookbackDays { get; init; } = 30;

    /// <summary>Time decay: a touch this many days before the purchase weighs half as much as one at the purchase.</summary>
    public double HalfLifeDays { get; init; } = 7;

    /// <summary>Markov chain order: 1 (default), 2 or 3 previous channels make a state.</summary>
    public int MarkovOrder { get; init; } = 1;

    /// <summary>ISO 4217 code of the reporting currency for revenue.</summary>
    public string Currency { get; init; } = "USD";
}

using Dashboard.Metrics.Query;

namespace Dashboard.Metrics.Narrative;

/// <summary>
/// One fact a narrative can be written from: a measure over a scope moved from <see cref="Comparison"/> to
/// <see cref="Value"/>. <see cref="Dimension"/> is null for the whole scope. Pages turn these into sentences.
/// </summary>
public sealed record Movement(
    string Measure,
    Dimension? Dimension,
    string? Key,
    double Value,
    double Comparison,
    double Change,
    double? ChangePoints,
    double ShareOfScope);

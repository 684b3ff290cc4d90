using Dashboard.Metrics.Catalogue;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// One KPI card: the measure's value over the view, its comparison, the change (relative, and in points for rates and
/// ratios), whether that change is good news (by the measure's direction, not by its sign), and a sparkline.
/// </summary>
public sealed record Kpi(
    MeasureDefinition Measure,
    double? Value,
    string? AbsentReason,
    double? Comparison,
    double? Change,
    double? ChangePoints,
    IReadOnlyList<double?> Sparkline)
{
    /// <summary>True when the change is good news, false when bad, null when there is none to judge.</summary>
    public bool? IsGood => MeasureText.IsGood(Measure, Change);
}

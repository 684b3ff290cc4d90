using Dashboard.Metrics.Time;

namespace Dashboard.Application.Packs;

/// <summary>
/// What a user asks a review pack for: the review period (last full month or quarter), the comparison, and the
/// charts ("page/chart" keys, in order). The view's filters come with the dashboard context.
/// </summary>
public sealed record ReviewRequest(DatePreset Period, Comparison Compare, IReadOnlyList<string> Charts)
{
    public static IReadOnlyList<(DatePreset Preset, string Label)> Periods { get; } =
        [(DatePreset.LastFullMonth, "Last full month"), (DatePreset.LastFullQuarter, "Last full quarter")];

    /// <summary>Parses "monthly"/"quarterly" or a preset key; null when neither.</summary>
    public static DatePreset? ParsePeriod(string? text) => text switch
    {
        "monthly" or "month" => DatePreset.LastFullMonth,
        "quarterly" or "quarter" => DatePreset.LastFullQuarter,
        _ => DatePresets.TryParse(text, out var preset) && DatePresets.ReviewPresets.Contains(preset) ? preset : null,
    };
}

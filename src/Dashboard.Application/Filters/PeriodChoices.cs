using Dashboard.Metrics.Time;

namespace Dashboard.Application.Filters;

/// <summary>The filter bar's periods: the default, the engine's presets, and a custom range, each with its URL key.</summary>
public static class PeriodChoices
{
    /// <summary>The 28 days ending on the last date with data (METRICS.md "Defaults"): not in the URL.</summary>
    public const string Latest = "";

    public const string Custom = "custom";

    public static IReadOnlyList<(string Key, string Label)> All { get; } =
    [
        (Latest, "Latest 4 weeks of data"),
        .. DatePresets.RangePresets.Concat(DatePresets.ReviewPresets).Select(p => (p.Key(), Label(p))),
        (Custom, "Custom range"),
    ];

    public static string Label(DatePreset preset) => preset switch
    {
        DatePreset.Last4Weeks => "Last 4 weeks",
        DatePreset.ThisMonth => "This month",
        DatePreset.LastMonth => "Last month",
        DatePreset.ThisQuarter => "This quarter",
        DatePreset.LastQuarter => "Last quarter",
        DatePreset.YearToDate => "Year to date",
        DatePreset.LastFullMonth => "Last full month (review)",
        DatePreset.LastFullQuarter => "Last full quarter (review)",
        _ => preset.Key(),
    };
}

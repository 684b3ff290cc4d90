namespace Dashboard.Application.Admin;

/// <summary>Thresholds of the data-quality page (section "DataQuality").</summary>
public sealed class DataQualityOptions
{
    public const string SectionName = "DataQuality";

    /// <summary>Days a feed may lag behind today before it is late (yellow up to twice this, red beyond).</summary>
    public int MaxLagDays { get; set; } = 2;

    /// <summary>Per-source overrides: offline in-store feeds sync later than online ones.</summary>
    public Dictionary<string, int> MaxLagDaysBySource { get; set; } = new(StringComparer.Ordinal) { ["in_store"] = 7 };

    /// <summary>Robust deviations (scaled MAD) above a market's and event's median daily count that flag a day as inflated.</summary>
    public double InflationDeviations { get; set; } = 6;

    public int LagLimit(string source) => MaxLagDaysBySource.TryGetValue(source, out var days) ? days : MaxLagDays;
}

namespace Dashboard.Metrics.Query;

/// <summary>What a query can filter on or group by (METRICS.md "Dimensions").</summary>
public enum Dimension
{
    Region,
    Market,
    Channel,
    Campaign,
    Brand,
    Sku,
    Event,
    Category,
    IntentGroup,
    Source,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

public static class Dimensions
{
    /// <summary>Dimensions every measure supports: time and geography.</summary>
    public static IReadOnlySet<Dimension> Universal { get; } = new HashSet<Dimension>
    {
        Dimension.Region, Dimension.Market, Dimension.Day, Dimension.Week, Dimension.Month, Dimension.Quarter, Dimension.Year,
    };

    public static bool IsTime(this Dimension d) => d is Dimension.Day or Dimension.Week or Dimension.Month or Dimension.Quarter or Dimension.Year;

    /// <summary>The snake_case key of API.md (`intent_group`, `week`, ...).</summary>
    public static string Key(this Dimension d) => d switch
    {
        Dimension.IntentGroup => "intent_group",
        _ => d.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string key, out Dimension dimension)
    {
        foreach (var d in Enum.GetValues<Dimension>())
        {
            if (string.Equals(d.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                dimension = d;
                return true;
            }
        }

        dimension = default;
        return false;
    }
}

namespace Dashboard.Metrics.Time;

/// <summary>What a figure is compared with (API.md <c>--compare previous|year</c>).</summary>
public enum Comparison
{
    None,

    /// <summary>The same number of days immediately before the range.</summary>
    PreviousPeriod,

    /// <summary>The same calendar dates a year earlier, or with "match weekday" the range 364 days earlier.</summary>
    SamePeriodLastYear,
}

public static class Comparisons
{
    /// <summary>The key of API.md <c>--compare</c>: <c>previous</c> or <c>year</c> (<c>none</c> for no comparison).</summary>
    public static string Key(this Comparison comparison) => comparison switch
    {
        Comparison.None => "none",
        Comparison.PreviousPeriod => "previous",
        Comparison.SamePeriodLastYear => "year",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "unknown comparison"),
    };

    public static bool TryParse(string? key, out Comparison comparison)
    {
        foreach (var c in Enum.GetValues<Comparison>())
        {
            if (string.Equals(c.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                comparison = c;
                return true;
            }
        }

        comparison = Comparison.None;
        return false;
    }
}

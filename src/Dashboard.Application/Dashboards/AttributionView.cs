using System.Globalization;
using Dashboard.Application.Filters;

namespace Dashboard.Application.Dashboards;

/// <summary>What the Attribution models page shows, as its URL holds it (`?days=28`), so a copied link opens the same view.</summary>
public sealed record AttributionView(int Days)
{
    /// <summary>The periods offered: days back from the last date with data, and their names.</summary>
    public static IReadOnlyList<(int Days, string Label)> Periods { get; } = [(28, "Last 28 days"), (91, "Last 13 weeks"), (364, "Last 52 weeks")];

    public static AttributionView Default { get; } = new(91);

    /// <summary>From a query string; a missing or unknown period falls back to the default.</summary>
    public static AttributionView Parse(string? query)
    {
        return QueryValues.Parse(query).GetValueOrDefault("days") is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
            && Periods.Any(p => p.Days == days) ? new AttributionView(days) : Default;
    }

    /// <summary>The query string without '?'; empty for the default view.</summary>
    public string ToQuery() => this == Default ? "" : FormattableString.Invariant($"days={Days}");
}

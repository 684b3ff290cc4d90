using System.Globalization;

namespace Dashboard.Application.Filters;

/// <summary>
/// The view of a page whose one choice is a trailing period (days back from the last date with data), as its URL
/// holds it (`?days=28`), so a copied link opens the same view: Attribution models and Micro-conversion value.
/// </summary>
public sealed record PeriodView(int Days)
{
    /// <summary>The periods offered, and their names.</summary>
    public static IReadOnlyList<(int Days, string Label)> Periods { get; } = [(28, "Last 28 days"), (91, "Last 13 weeks"), (364, "Last 52 weeks")];

    public static PeriodView Default { get; } = new(91);

    /// <summary>From a query string; a missing or unknown period falls back to the default.</summary>
    public static PeriodView Parse(string? query) =>
        QueryValues.Parse(query).GetValueOrDefault("days") is { } text
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
        && Periods.Any(p => p.Days == days) ? new PeriodView(days) : Default;

    /// <summary>The query string without '?'; empty for the default view.</summary>
    public string ToQuery() => this == Default ? "" : FormattableString.Invariant($"days={Days}");
}

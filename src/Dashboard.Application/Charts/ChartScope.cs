using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;

namespace Dashboard.Application.Charts;

/// <summary>
/// What a chart shows, in words, for everything that leaves the page: whose data (markets or the region, channels,
/// brands), the period and its comparison, the data's last day and the currency. A pasted chart or a data file is
/// never ambiguous.
/// </summary>
public static class ChartScope
{
    /// <summary>The markets and filters in one line: "Markets: DE, FR · Channels: search".</summary>
    public static string Filters(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filters = context.View.Filters();
        string? Part(Dimension dimension, string label) =>
            filters.TryGetValue(dimension, out var values) && values.Count > 0 ? $"{label}: {string.Join(", ", values)}" : null;
        var markets = Part(Dimension.Market, "Markets") ?? Part(Dimension.Region, "Region")
            ?? (context.Scope.Markets is { } own ? $"Markets: {string.Join(", ", own.Order(StringComparer.Ordinal))}" : "Markets: all");
        return string.Join(" · ", new[] { markets, Part(Dimension.Channel, "Channels"), Part(Dimension.Brand, "Brands") }.OfType<string>());
    }

    /// <summary>The two lines written under a chart image's title.</summary>
    public static IReadOnlyList<string> Caption(DashboardContext context, DateRange? range, DateOnly? dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var period = range is { } r ? $"{Formats.Date(r.From)} – {Formats.Date(r.To)}" : "";
        return [Filters(context), $"{period} · data as of {Formats.Date(dataAsOf)} · {context.Preferences.Currency}"];
    }

    /// <summary>The first lines of a data file: name and value pairs, dates in ISO 8601.</summary>
    public static IReadOnlyList<(string Name, string Value)> Context(DashboardContext context, DateRange? range, DateRange? comparedWith, DateOnly? dataAsOf)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lines = new List<(string, string)> { ("Scope", Filters(context)) };
        if (range is { } r)
        {
            lines.Add(("Period", $"{Formats.Date(r.From)} to {Formats.Date(r.To)}"));
        }

        if (comparedWith is { } c)
        {
            lines.Add(("Compared with", $"{Formats.Date(c.From)} to {Formats.Date(c.To)}"));
        }

        lines.Add(("Data as of", Formats.Date(dataAsOf)));
        lines.Add(("Currency", context.Preferences.Currency));
        return lines;
    }
}

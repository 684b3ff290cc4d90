using System.Globalization;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Query;

/// <summary>
/// The common parameters of API.md, read the same way by the command line (`--from`) and the HTTP API (`from`):
/// dates, the default range, comma lists, market and region filters. A prefix ("--") names a parameter
/// as the caller wrote it, so an error says "--from" on the command line and "from" on the API.
/// </summary>
public static class QueryParameters
{
    public static List<string> List(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }

    /// <summary>Both dates or neither (neither = the 28 days ending at the last date with data).</summary>
    public static DateRange Range(string? from, string? to, DateOnly? lastDay, string prefix = "")
    {
        if (from is null && to is null)
        {
            return lastDay is { } last ? DatePresets.DefaultRange(last)
                : throw new MetricsQueryException($"the database holds no daily facts yet: give {prefix}from and {prefix}to");
        }

        if (from is null || to is null)
        {
            throw new MetricsQueryException($"give both {prefix}from and {prefix}to, or neither");
        }

        return new DateRange(Date(from, prefix + "from"), Date(to, prefix + "to"));
    }

    public static DateOnly Date(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new MetricsQueryException($"{name} '{text}' is not a date in the form YYYY-MM-DD");

    /// <summary>market=A,B and region=R as scope filters.</summary>
    public static Dictionary<Dimension, IReadOnlyList<string>> ScopeFilters(string? markets, string? regions)
    {
        var filters = new Dictionary<Dimension, IReadOnlyList<string>>();
        if (markets is not null)
        {
            filters[Dimension.Market] = List(markets);
        }

        if (regions is not null)
        {
            filters[Dimension.Region] = List(regions);
        }

        return filters;
    }
}

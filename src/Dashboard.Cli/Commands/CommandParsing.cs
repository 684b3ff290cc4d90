using System.Globalization;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Cli.Commands;

/// <summary>Option parsing shared by the commands that ask the engine or the attribution service (API.md "Common options").</summary>
internal static class CommandParsing
{
    public static List<string> List(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static Dimension ParseDimension(string key) =>
        Dimensions.TryParse(key.Trim(), out var d) ? d : throw new MetricsQueryException($"'{key}' is not a dimension");

    public static DateRange Range(string? from, string? to, DateOnly? lastDay)
    {
        if (from is null && to is null)
        {
            return lastDay is { } last ? DatePresets.DefaultRange(last) : throw new MetricsQueryException("the database holds no daily facts yet: give --from and --to");
        }

        if (from is null || to is null)
        {
            throw new MetricsQueryException("give both --from and --to, or neither");
        }

        return new DateRange(Date(from, "--from"), Date(to, "--to"));
    }

    public static DateOnly Date(string text, string option) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new MetricsQueryException($"{option} '{text}' is not a date in the form YYYY-MM-DD");

    /// <summary>--market A,B and --region R as the scope filters of API.md.</summary>
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

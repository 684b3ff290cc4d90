using Dashboard.Data.Access;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Cli.Commands;

/// <summary>Option parsing of the commands: API.md's common options through <see cref="QueryParameters"/>, as the HTTP API reads them.</summary>
internal static class CommandParsing
{
    public static List<string> List(string text) => QueryParameters.List(text);

    public static Dimension ParseDimension(string key) =>
        Dimensions.TryParse(key.Trim(), out var d) ? d : throw new MetricsQueryException($"'{key}' is not a dimension");

    public static DateRange Range(string? from, string? to, DateOnly? lastDay) => QueryParameters.Range(from, to, lastDay, "--");

    public static Dictionary<Dimension, IReadOnlyList<string>> ScopeFilters(string? markets, string? regions) => QueryParameters.ScopeFilters(markets, regions);

    /// <summary>--grant market:CODE / region:KEY values; null with the message on a malformed one.</summary>
    public static async Task<List<ScopeGrant>?> GrantsAsync(string[]? values, TextWriter errors)
    {
        try
        {
            return [.. (values ?? []).Select(ScopeGrant.Parse)];
        }
        catch (ArgumentException e)
        {
            await errors.WriteLineAsync(e.Message);
            return null;
        }
    }
}

using Microsoft.AspNetCore.WebUtilities;

namespace Dashboard.Application.Filters;

/// <summary>A page's query string as its URL state reads it: each key's value, blank values left out.</summary>
public static class QueryValues
{
    public static Dictionary<string, string> Parse(string? query) =>
        QueryHelpers.ParseQuery(query)
            .Where(p => !string.IsNullOrWhiteSpace(p.Value.ToString()))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
}

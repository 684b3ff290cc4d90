using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

/// <summary>Checks a file's header against its kind: names are case-insensitive, order is free, unknown or missing columns are errors.</summary>
internal static class CsvHeader
{
    public static Dictionary<string, int>? Map(ImportKindSpec spec, IReadOnlyList<string> names, ErrorSink errors)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = spec.Columns.Select(c => c.Name).ToList();
        var before = errors.Total;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().ToLowerInvariant();
            if (names.Count == 1 && DelimiterIn(name) is { } delimiter)
            {
                errors.Add(1, "", names[i], $"the header is one column: the file seems to be separated by '{delimiter}', but the standard format uses ','");
                return null;
            }

            if (spec.Column(name) is null)
            {
                errors.Add(1, name, names[i], $"is not a column of {spec.Key} (expected {string.Join(", ", known)})" + NearestKey.Hint(name, known));
            }
            else if (!ordinals.TryAdd(name, i))
            {
                errors.Add(1, name, names[i], "appears twice in the header");
            }
        }

        foreach (var column in spec.Columns.Where(c => c.Presence != Presence.Optional && !ordinals.ContainsKey(c.Name)))
        {
            errors.Add(1, column.Name, "", $"is missing from the header (required for {spec.Key})");
        }

        return errors.Total == before ? ordinals : null;
    }

    private static string? DelimiterIn(string header)
    {
        foreach (var candidate in new[] { ";", "\t", "|" })
        {
            if (header.Contains(candidate, StringComparison.Ordinal))
            {
                return candidate == "\t" ? "tab" : candidate;
            }
        }

        return null;
    }
}

using Dashboard.Domain.Imports;

namespace Dashboard.Data.Imports;

/// <summary>
/// Checks a file's header against its kind, through the source's mapping: names are case-insensitive, order is
/// free, ignored columns are skipped, unknown or missing columns are errors.
/// </summary>
internal static class CsvHeader
{
    public static Dictionary<string, int>? Map(ImportKindSpec spec, IReadOnlyList<string> names, ErrorSink errors, ColumnMapping mapping)
    {
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var known = spec.Columns.Select(c => c.Name).ToList();
        var before = errors.Total;
        for (var i = 0; i < names.Count; i++)
        {
            if (mapping.Target(names[i]) is not { } name)
            {
                continue;
            }

            if (names.Count == 1 && DelimiterIn(name) is { } delimiter)
            {
                errors.Add(1, "", names[i], $"the header is one column: the file seems to be separated by '{delimiter}', but the standard format uses ','");
                return null;
            }

            if (spec.Column(name) is null)
            {
                errors.Add(1, name, names[i], $"is not a column of {spec.Key} (expected {string.Join(", ", known)})" + NearestKey.Hint(name, known)
                    + (mapping.IsEmpty ? "; a source template can map or ignore it" : "; map or ignore it in the source template"));
            }
            else if (!ordinals.TryAdd(name, i))
            {
                errors.Add(1, name, names[i], mapping.IsEmpty ? "appears twice in the header" : "is fed by two columns of the file (check the mapping)");
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

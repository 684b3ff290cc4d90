using System.Text.Json;

namespace Dashboard.Data.Imports;

/// <summary>
/// How a source's own export maps onto a standard format: source column → standard column, and source columns to
/// ignore. Names compare case-insensitively and without surrounding spaces; an unmapped column keeps its name.
/// </summary>
public sealed class ColumnMapping
{
    private readonly Dictionary<string, string> _columns;
    private readonly HashSet<string> _ignored;

    public ColumnMapping(IEnumerable<KeyValuePair<string, string>> columns, IEnumerable<string> ignored)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(ignored);
        _columns = new(StringComparer.OrdinalIgnoreCase);
        foreach (var (source, target) in columns)
        {
            if (!string.IsNullOrWhiteSpace(source) && !string.IsNullOrWhiteSpace(target))
            {
                _columns[source.Trim()] = target.Trim().ToLowerInvariant();
            }
        }

        _ignored = new(ignored.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i.Trim()), StringComparer.OrdinalIgnoreCase);
    }

    public static ColumnMapping None { get; } = new([], []);

    public IReadOnlyDictionary<string, string> Columns => _columns;

    public IReadOnlyCollection<string> Ignored => _ignored;

    public bool IsEmpty => _columns.Count == 0 && _ignored.Count == 0;

    public bool IsIgnored(string source) => _ignored.Contains(source.Trim());

    /// <summary>The standard column a source column feeds (its own name, lower-cased, when unmapped); null when ignored.</summary>
    public string? Target(string source)
    {
        var name = source.Trim();
        if (_ignored.Contains(name))
        {
            return null;
        }

        return _columns.TryGetValue(name, out var target) ? target : name.ToLowerInvariant();
    }

    public string ToJson() => JsonSerializer.Serialize(new Stored(new(_columns, StringComparer.OrdinalIgnoreCase), [.. _ignored.Order(StringComparer.Ordinal)]));

    public static ColumnMapping FromJson(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return None;
        }

        var stored = JsonSerializer.Deserialize<Stored>(json) ?? new Stored([], []);
        return new ColumnMapping(stored.Columns ?? [], stored.Ignored ?? []);
    }

    private sealed record Stored(Dictionary<string, string>? Columns, List<string>? Ignored);
}

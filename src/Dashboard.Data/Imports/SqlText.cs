namespace Dashboard.Data.Imports;

/// <summary>Small helpers for the portable SQL the bulk paths write (the same text runs on SQLite and PostgreSQL).</summary>
internal static class SqlText
{
    /// <summary>Double quotes: some column names (end, group, user) are reserved words.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string List(IEnumerable<string> columns, string? prefix = null) =>
        string.Join(", ", columns.Select(c => prefix is null ? Quote(c) : prefix + "." + Quote(c)));

    public static string KeyMatch(IEnumerable<string> keys, string left, string right) =>
        string.Join(" AND ", keys.Select(k => $"{left}.{Quote(k)} = {right}.{Quote(k)}"));
}

namespace Dashboard.Metrics.Serialization;

/// <summary>RFC 4180 quoting of one CSV cell: quoted when it holds a separator, a quote or a line break.</summary>
public static class CsvText
{
    public static string Quote(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}

using System.Globalization;
using Dashboard.Domain.Money;

namespace Dashboard.Data.Imports;

/// <summary>Exact parsers for the value formats of DATA.md. Each returns null on success or the reason it failed.</summary>
public static class FieldParsers
{
    public static string? Date(string text, out DateOnly value) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : "is not a date in the form YYYY-MM-DD";

    public static string? Month(string text, out string value)
    {
        value = text;
        return text.Length == 7 && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : "is not a month in the form YYYY-MM";
    }

    private static readonly string[] TimestampFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>ISO 8601 with an explicit offset or Z; returns the UTC instant.</summary>
    public static string? Timestamp(string text, out DateTime utc)
    {
        utc = default;
        var hasZone = text.EndsWith('Z') || (text.Length > 6 && text[^3] == ':' && text[^6] is '+' or '-');
        if (!hasZone)
        {
            return "is not an ISO 8601 timestamp with an offset or Z (for example 2025-03-04T10:15:00Z)";
        }

        if (!DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return "is not an ISO 8601 timestamp with an offset or Z (for example 2025-03-04T10:15:00Z)";
        }

        utc = parsed.UtcDateTime;
        return null;
    }

    public static string? Count(string text, out long value)
    {
        value = 0;
        if (text.StartsWith('-'))
        {
            return "must not be negative";
        }

        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return "is not a whole number";
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) ? null : "is too large";
    }

    public static string? Money(string text, out Amount value) => Amount.TryParse(text, out value, out var reason) ? null : reason;

    public static string? Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? null
            : "is not a number (use '.' as decimal point, no thousands separator)";

    public static string? PositiveNumber(string text, out double value)
    {
        if (Number(text, out value) is { } reason)
        {
            return reason;
        }

        return value > 0 ? null : "must be greater than 0";
    }

    public static string? Boolean(string text, out bool value)
    {
        value = true;
        if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        value = false;
        return string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) ? null : "is not true or false";
    }

    public static string? Score(string text, out int value)
    {
        value = 0;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value is >= 1 and <= 5
            ? null
            : "is not a score from 1 to 5";
    }

    public static string? Currency(string text) =>
        Currencies.IsKnown(text) ? null : "is not an ISO 4217 currency code" + NearestKey.Hint(text, Currencies.All);
}

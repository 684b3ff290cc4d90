using System.Globalization;

namespace Dashboard.Application.Formatting;

/// <summary>Culture-explicit display formats: the same text on every server, whatever its locale.</summary>
public static class Formats
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("#,0", Culture);

    public static string Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", Culture) ?? "—";

    public static string Timestamp(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", Culture) ?? "—";
}

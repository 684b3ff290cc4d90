using System.Globalization;

namespace Dashboard.Metrics.Time;

/// <summary>An inclusive range of days, <see cref="From"/> ≤ <see cref="To"/>, written "2025-01-01..2025-03-31".</summary>
public readonly record struct DateRange
{
    private const string DateFormat = "yyyy-MM-dd";
    private const string Separator = "..";

    public DateRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"a date range must not end before it starts: {Format(from)}..{Format(to)}", nameof(to));
        }

        From = from;
        To = to;
    }

    // Get-only (no init) so that a `with` expression cannot bypass the From ≤ To check.
    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>Number of days in the range, both ends included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    public static DateRange FromDayNumbers(int firstDayNumber, int lastDayNumber) =>
        new(DateOnly.FromDayNumber(firstDayNumber), DateOnly.FromDayNumber(lastDayNumber));

    public bool Contains(DateOnly date) => date >= From && date <= To;

    public bool Contains(int dayNumber) => dayNumber >= From.DayNumber && dayNumber <= To.DayNumber;

    public bool Contains(DateRange other) => other.From >= From && other.To <= To;

    /// <summary>The days both ranges hold, or null when they do not overlap.</summary>
    public DateRange? Intersect(DateRange other)
    {
        var from = From > other.From ? From : other.From;
        var to = To < other.To ? To : other.To;
        return from <= to ? new DateRange(from, to) : null;
    }

    /// <summary>The range moved by a number of days (negative: earlier), keeping its length.</summary>
    public DateRange Shift(int days) => new(From.AddDays(days), To.AddDays(days));

    public override string ToString() => Format(From) + Separator + Format(To);

    /// <summary>Parses "2025-01-01..2025-03-31" (a single day "2025-01-01" is a one-day range).</summary>
    public static DateRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var range)
            ? range
            : throw new FormatException($"'{text}' is not a date range: expected YYYY-MM-DD..YYYY-MM-DD with the start not after the end");
    }

    public static bool TryParse(string? text, out DateRange range)
    {
        range = default;
        if (text is null)
        {
            return false;
        }

        var at = text.IndexOf(Separator, StringComparison.Ordinal);
        var fromText = at < 0 ? text.AsSpan() : text.AsSpan(0, at);
        var toText = at < 0 ? text.AsSpan() : text.AsSpan(at + Separator.Length);
        if (!TryParseDate(fromText, out var from) || !TryParseDate(toText, out var to) || from > to)
        {
            return false;
        }

        range = new DateRange(from, to);
        return true;
    }

    internal static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    internal static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

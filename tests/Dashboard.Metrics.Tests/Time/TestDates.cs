using System.Globalization;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Time;

/// <summary>Writes expected dates as text, parsed here rather than by the code under test.</summary>
internal static class TestDates
{
    public static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateRange R(string from, string to) => new(D(from), D(to));
}

using System.Globalization;
using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Planning;

/// <summary>The future days a scenario plans for.</summary>
public sealed record PlanningPeriod(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// <c>next_month</c>, <c>next_quarter</c> (the first whole calendar month or quarter after the last day with data) or
    /// <c>YYYY-MM-DD..YYYY-MM-DD</c>; null means next_quarter.
    /// </summary>
    /// <exception cref="MetricsQueryException">Anything else, or dates in the wrong order.</exception>
    public static PlanningPeriod Parse(string? text, DateOnly lastDay)
    {
        var next = lastDay.AddDays(1);
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "next_quarter":
                var quarterStart = new DateOnly(next.Year, (((next.Month - 1) / 3) * 3) + 1, 1);
                var start = quarterStart == next ? next : quarterStart.AddMonths(3);
                return new(start, start.AddMonths(3).AddDays(-1));
            case "next_month":
                var monthStart = new DateOnly(next.Year, next.Month, 1);
                var month = monthStart == next ? next : monthStart.AddMonths(1);
                return new(month, month.AddMonths(1).AddDays(-1));
        }

        var parts = text.Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return to >= from ? new(from, to) : throw new MetricsQueryException($"period '{text}' ends before it starts");
        }

        throw new MetricsQueryException($"period '{text}' is not next_month, next_quarter or YYYY-MM-DD..YYYY-MM-DD");
    }
}

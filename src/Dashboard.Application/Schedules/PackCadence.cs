using Dashboard.Data.Entities;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Schedules;

/// <summary>
/// When a scheduled pack runs: on the first day of each month (monthly) or quarter (quarterly) at 06:00 UTC, for the
/// last full month or quarter the data reaches the end of.
/// </summary>
public static class PackCadence
{
    public const int HourUtc = 6;

    public static bool IsKnown(string cadence) => cadence is PackSchedule.Monthly or PackSchedule.Quarterly;

    public static DatePreset Period(string cadence) => cadence == PackSchedule.Quarterly ? DatePreset.LastFullQuarter : DatePreset.LastFullMonth;

    /// <summary>The first run strictly after <paramref name="now"/>.</summary>
    public static DateTime NextRun(string cadence, DateTimeOffset now)
    {
        var utc = now.UtcDateTime;
        var months = cadence == PackSchedule.Quarterly ? 3 : 1;
        var first = new DateTime(utc.Year, utc.Month, 1, HourUtc, 0, 0, DateTimeKind.Utc);
        if (months == 3)
        {
            first = first.AddMonths(-((utc.Month - 1) % 3));
        }

        while (first <= utc)
        {
            first = first.AddMonths(months);
        }

        return first;
    }
}

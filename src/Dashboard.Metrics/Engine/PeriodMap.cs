using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Engine;

/// <summary>The days one pass reads (first..last) and each day's time contribution to the cell, −1 for none.</summary>
internal sealed record PeriodMap(int FirstDay, int LastDay, int[] DayContribution)
{
    public static PeriodMap Main(DateRange range, GroupLayout layout, Query.Dimension? timeDimension)
    {
        var days = new int[range.Days];
        if (timeDimension is { } t)
        {
            var stride = layout.Stride(t);
            for (var i = 0; i < days.Length; i++)
            {
                days[i] = layout.Buckets!.IndexOfDay(range.From.DayNumber + i) * stride;
            }
        }

        return new PeriodMap(range.From.DayNumber, range.To.DayNumber, days);
    }

    /// <summary>
    /// Comparison days feed the bucket they are compared with (ComparisonRanges.ForBuckets): March 2024 feeds the
    /// March 2025 row. A comparison day outside every bucket's comparison range contributes nothing.
    /// </summary>
    public static PeriodMap Comparison(DateRange comparison, GroupLayout layout, Query.Dimension? timeDimension, Time.Comparison kind, bool matchWeekday)
    {
        var days = new int[comparison.Days];
        if (timeDimension is not { } t)
        {
            return new PeriodMap(comparison.From.DayNumber, comparison.To.DayNumber, days);
        }

        var stride = layout.Stride(t);
        var ranges = ComparisonRanges.ForBuckets(layout.Buckets!, kind, matchWeekday);
        comparison = new DateRange(ranges.Min(r => r.From), ranges.Max(r => r.To));
        days = new int[comparison.Days];
        Array.Fill(days, -1);
        for (var b = 0; b < ranges.Count; b++)
        {
            for (var day = ranges[b].From.DayNumber; day <= ranges[b].To.DayNumber; day++)
            {
                var offset = day - comparison.From.DayNumber;
                if (offset >= 0 && offset < days.Length)
                {
                    days[offset] = b * stride;
                }
            }
        }

        return new PeriodMap(comparison.From.DayNumber, comparison.To.DayNumber, days);
    }
}

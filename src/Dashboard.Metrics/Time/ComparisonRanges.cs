namespace Dashboard.Metrics.Time;

/// <summary>
/// The range a query range, or one of its period buckets, is compared with (METRICS.md "Time rules").
/// </summary>
/// <remarks>
/// <para>Previous period: the same number of days immediately before. "Match weekday" does not apply to it.</para>
/// <para>
/// Same period last year, by calendar dates: each end moves to the same date a year earlier, and 29 February becomes
/// 28 February. One exception keeps whole months whole: when the range holds the whole of its last month, the
/// comparison ends on the last day of that month a year earlier, so February 2025 (28 days) compares with all of
/// February 2024 (29 days). Both ends move the same way, so the comparison keeps From ≤ To, but its day count may differ
/// from the range's by one around a leap day: one fewer when the range holds a 29 February that is not its first day
/// (2024-02-01..2024-02-29 → 2023-02-01..2023-02-28; 2024-02-29..2024-03-31 → 2023-02-28..2023-03-31 keeps 32), one
/// more when the comparison holds one (2025-02-01..2025-03-31 → 2024-02-01..2024-03-31).
/// </para>
/// <para>Same period last year, matching weekdays: the range 364 days (52 weeks) earlier, always the same length.</para>
/// <para>
/// Buckets: each bucket's clipped range is mapped by the same rule. With same period last year a by-month row of March
/// 2025 compares with March 2024 and a quarter with the same quarter; with previous period every bucket shifts by the
/// length of the whole query range (not by its own length), so the bucket comparisons tile the range comparison and the
/// rows add up to the total. By calendar dates, day or week buckets on 28 and 29 February of a leap year both compare
/// with 28 February of the year before.
/// </para>
/// </remarks>
public static class ComparisonRanges
{
    /// <summary>Days the "match weekday" comparison goes back: 52 whole weeks.</summary>
    public const int WeekdayMatchedYearDays = 364;

    /// <summary>The comparison range of a query range, or null for <see cref="Comparison.None"/>.</summary>
    public static DateRange? For(DateRange range, Comparison comparison, bool matchWeekday = false) => comparison switch
    {
        Comparison.None => null,
        Comparison.PreviousPeriod => PreviousPeriod(range),
        Comparison.SamePeriodLastYear => matchWeekday ? Shift(range, WeekdayMatchedYearDays) : SameDatesLastYear(range),
        _ => throw new ArgumentOutOfRangeException(nameof(comparison), comparison, "unknown comparison"),
    };

    /// <summary>
    /// The comparison range of one bucket of a query over <paramref name="range"/> (see the remarks), or null for
    /// <see cref="Comparison.None"/>.
    /// </summary>
    public static DateRange? ForBucket(PeriodBucket bucket, DateRange range, Comparison comparison, bool matchWeekday = false)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        if (!range.Contains(bucket.Clipped))
        {
            throw new ArgumentException($"the bucket {bucket.Key} ({bucket.Clipped}) is not inside the query range {range}", nameof(bucket));
        }

        return comparison switch
        {
            Comparison.None => null,
            Comparison.PreviousPeriod => Shift(bucket.Clipped, range.Days),
            _ => For(bucket.Clipped, comparison, matchWeekday),
        };
    }

    /// <summary>The comparison range of each bucket, in bucket order; empty for <see cref="Comparison.None"/>.</summary>
    public static IReadOnlyList<DateRange> ForBuckets(PeriodBuckets buckets, Comparison comparison, bool matchWeekday = false)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (comparison == Comparison.None)
        {
            return [];
        }

        var result = new DateRange[buckets.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ForBucket(buckets[i], buckets.Range, comparison, matchWeekday)!.Value;
        }

        return result;
    }

    /// <summary>The same number of days immediately before the range.</summary>
    public static DateRange PreviousPeriod(DateRange range) => Shift(range, range.Days);

    /// <summary>The same calendar dates a year earlier, 29 February → 28 February (see the remarks for whole months).</summary>
    public static DateRange SameDatesLastYear(DateRange range)
    {
        if (range.From.Year == DateOnly.MinValue.Year)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, "a range in year 1 has no year before it");
        }

        var lastMonthStart = new DateOnly(range.To.Year, range.To.Month, 1);
        var endsWithWholeMonth = range.From <= lastMonthStart && range.To.Day == DateTime.DaysInMonth(range.To.Year, range.To.Month);
        var to = endsWithWholeMonth
            ? new DateOnly(range.To.Year - 1, range.To.Month, DateTime.DaysInMonth(range.To.Year - 1, range.To.Month))
            : range.To.AddYears(-1);

        // AddYears maps 29 February to 28 February, as the spec asks.
        return new DateRange(range.From.AddYears(-1), to);
    }

    private static DateRange Shift(DateRange range, int daysBack)
    {
        if (range.From.DayNumber - daysBack < DateOnly.MinValue.DayNumber)
        {
            throw new ArgumentOutOfRangeException(nameof(range), range, $"the comparison {daysBack} days earlier starts before {DateRange.Format(DateOnly.MinValue)}");
        }

        return range.Shift(-daysBack);
    }
}

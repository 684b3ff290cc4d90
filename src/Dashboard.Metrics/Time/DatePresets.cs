namespace Dashboard.Metrics.Time;

/// <summary>
/// The ranges of the <see cref="DatePreset"/>s, counted from today's local date (<see cref="TimeProvider"/>), and the
/// default range of METRICS.md "Defaults".
/// </summary>
/// <remarks>
/// "Today" is included, though it may still be filling: last 4 weeks = the 28 days ending today; this month, this
/// quarter and year to date run from the period's first day to today (never into the future). Last month and last
/// quarter are the whole previous calendar period. The review presets (last full month, last full quarter) are the
/// latest calendar month or quarter that has ended: by today alone that is last month / last quarter; given the last
/// date with data it is also one the data reaches the end of, so a review never shows a month the data only half holds.
/// </remarks>
public static class DatePresets
{
    /// <summary>Days of the default range and of <see cref="DatePreset.Last4Weeks"/>.</summary>
    public const int FourWeeksDays = 28;

    /// <summary>The presets a range picker offers, in display order.</summary>
    public static IReadOnlyList<DatePreset> RangePresets { get; } =
    [
        DatePreset.Last4Weeks, DatePreset.ThisMonth, DatePreset.LastMonth, DatePreset.ThisQuarter, DatePreset.LastQuarter, DatePreset.YearToDate,
    ];

    /// <summary>The review cadence presets (monthly and quarterly business reviews).</summary>
    public static IReadOnlyList<DatePreset> ReviewPresets { get; } = [DatePreset.LastFullMonth, DatePreset.LastFullQuarter];

    /// <summary>The snake_case key: <c>last_4_weeks</c>, <c>this_month</c>, …, <c>last_full_quarter</c>.</summary>
    public static string Key(this DatePreset preset) => preset switch
    {
        DatePreset.Last4Weeks => "last_4_weeks",
        DatePreset.ThisMonth => "this_month",
        DatePreset.LastMonth => "last_month",
        DatePreset.ThisQuarter => "this_quarter",
        DatePreset.LastQuarter => "last_quarter",
        DatePreset.YearToDate => "year_to_date",
        DatePreset.LastFullMonth => "last_full_month",
        DatePreset.LastFullQuarter => "last_full_quarter",
        _ => throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown date preset"),
    };

    public static bool TryParse(string? key, out DatePreset preset)
    {
        foreach (var p in Enum.GetValues<DatePreset>())
        {
            if (string.Equals(p.Key(), key, StringComparison.OrdinalIgnoreCase))
            {
                preset = p;
                return true;
            }
        }

        preset = default;
        return false;
    }

    /// <summary>Today's date in the provider's local time zone.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).DateTime);
    }

    /// <summary>The preset's range as of today (local date of <paramref name="time"/>).</summary>
    public static DateRange Range(DatePreset preset, TimeProvider time, DateOnly? lastDateWithData = null) =>
        Range(preset, Today(time), lastDateWithData);

    /// <summary>
    /// The preset's range as of <paramref name="today"/>. <paramref name="lastDateWithData"/> only matters to the review
    /// presets, which then also need the data to reach the end of the period.
    /// </summary>
    public static DateRange Range(DatePreset preset, DateOnly today, DateOnly? lastDateWithData = null)
    {
        switch (preset)
        {
            case DatePreset.Last4Weeks:
                return EndingOn(today, FourWeeksDays);
            case DatePreset.ThisMonth:
                return new DateRange(PeriodKeys.PeriodOf(today, TimeGrain.Month).From, today);
            case DatePreset.LastMonth:
                return PeriodBefore(today, TimeGrain.Month);
            case DatePreset.ThisQuarter:
                return new DateRange(PeriodKeys.PeriodOf(today, TimeGrain.Quarter).From, today);
            case DatePreset.LastQuarter:
                return PeriodBefore(today, TimeGrain.Quarter);
            case DatePreset.YearToDate:
                return new DateRange(PeriodKeys.PeriodOf(today, TimeGrain.Year).From, today);
            case DatePreset.LastFullMonth:
                return LatestWholePeriod(today, lastDateWithData, TimeGrain.Month);
            case DatePreset.LastFullQuarter:
                return LatestWholePeriod(today, lastDateWithData, TimeGrain.Quarter);
            default:
                throw new ArgumentOutOfRangeException(nameof(preset), preset, "unknown date preset");
        }
    }

    /// <summary>METRICS.md "Defaults": with no --from/--to, the 28 days ending at the last date with data.</summary>
    public static DateRange DefaultRange(DateOnly lastDateWithData) => EndingOn(lastDateWithData, FourWeeksDays);

    private static DateRange EndingOn(DateOnly last, int days) =>
        DateRange.FromDayNumbers(Math.Max(DateOnly.MinValue.DayNumber, last.DayNumber - days + 1), last.DayNumber);

    private static DateRange PeriodBefore(DateOnly date, TimeGrain grain) =>
        PeriodKeys.PeriodOf(PeriodKeys.PeriodOf(date, grain).From.AddDays(-1), grain);

    // The latest period ending on or before the anchor: yesterday (today has not ended), or the last day with data if earlier.
    private static DateRange LatestWholePeriod(DateOnly today, DateOnly? lastDateWithData, TimeGrain grain)
    {
        var anchor = today.AddDays(-1);
        if (lastDateWithData is { } last && last < anchor)
        {
            anchor = last;
        }

        var period = PeriodKeys.PeriodOf(anchor, grain);
        return period.To == anchor ? period : PeriodBefore(anchor, grain);
    }
}

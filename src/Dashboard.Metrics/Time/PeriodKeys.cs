using System.Globalization;

namespace Dashboard.Metrics.Time;

/// <summary>
/// The keys of API.md "Time keys" (day <c>2025-03-04</c>, ISO week <c>2025-W09</c>, month <c>2025-03</c>, quarter
/// <c>2025-Q1</c>, year <c>2025</c>) and the calendar period each one names.
/// </summary>
public static class PeriodKeys
{
    /// <summary>The key of the period of <paramref name="grain"/> that holds the date.</summary>
    public static string Key(DateOnly date, TimeGrain grain) => grain switch
    {
        TimeGrain.Day => DateRange.Format(date),
        TimeGrain.Week => string.Create(CultureInfo.InvariantCulture, $"{IsoWeekYear(date):0000}-W{IsoWeek(date):00}"),
        TimeGrain.Month => string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-{date.Month:00}"),
        TimeGrain.Quarter => string.Create(CultureInfo.InvariantCulture, $"{date.Year:0000}-Q{Quarter(date)}"),
        TimeGrain.Year => date.Year.ToString("0000", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown time grain"),
    };

    /// <summary>The whole calendar period of <paramref name="grain"/> that holds the date.</summary>
    public static DateRange PeriodOf(DateOnly date, TimeGrain grain)
    {
        switch (grain)
        {
            case TimeGrain.Day:
                return new DateRange(date, date);
            case TimeGrain.Week:
                var monday = MondayOf(date);
                return new DateRange(monday, monday.AddDays(6));
            case TimeGrain.Month:
                return Months(date.Year, date.Month, 1);
            case TimeGrain.Quarter:
                return Months(date.Year, ((Quarter(date) - 1) * 3) + 1, 3);
            case TimeGrain.Year:
                return Months(date.Year, 1, 12);
            default:
                throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown time grain");
        }
    }

    /// <summary>The calendar period a key names; a <see cref="FormatException"/> says what is wrong with a bad key.</summary>
    public static DateRange Parse(string key, TimeGrain grain)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TryParse(key, grain, out var range, out var error) ? range : throw new FormatException(error);
    }

    public static bool TryParse(string? key, TimeGrain grain, out DateRange range) => TryParse(key, grain, out range, out _);

    /// <summary>Quarter of the year, 1 to 4.</summary>
    public static int Quarter(DateOnly date) => ((date.Month - 1) / 3) + 1;

    /// <summary>The ISO 8601 week-year: the calendar year of the Thursday of the date's Monday-to-Sunday week.</summary>
    public static int IsoWeekYear(DateOnly date) => ThursdayOf(date).Year;

    /// <summary>The ISO 8601 week number, 1 to 53: week 1 is the week that holds the year's first Thursday.</summary>
    public static int IsoWeek(DateOnly date) => ((ThursdayOf(date).DayOfYear - 1) / 7) + 1;

    /// <summary>52 or 53: a year has 53 ISO weeks when it starts or ends on a Thursday.</summary>
    public static int IsoWeeksInYear(int year) =>
        new DateOnly(year, 1, 1).DayOfWeek == DayOfWeek.Thursday || new DateOnly(year, 12, 31).DayOfWeek == DayOfWeek.Thursday ? 53 : 52;

    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-DaysSinceMonday(date));

    private static DateOnly ThursdayOf(DateOnly date) => DateOnly.FromDayNumber(date.DayNumber - DaysSinceMonday(date) + 3);

    private static int DaysSinceMonday(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;

    private static DateRange Months(int year, int firstMonth, int count)
    {
        var from = new DateOnly(year, firstMonth, 1);
        var lastMonth = firstMonth + count - 1;
        return new DateRange(from, new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth)));
    }

    private static bool TryParse(string? key, TimeGrain grain, out DateRange range, out string error)
    {
        range = default;
        error = "";
        if (key is null)
        {
            error = "a period key is required";
            return false;
        }

        var text = key.AsSpan();
        switch (grain)
        {
            case TimeGrain.Day:
                if (text.Length == 10 && DateRange.TryParseDate(text, out var day))
                {
                    range = new DateRange(day, day);
                    return true;
                }

                error = $"'{key}' is not a day key: expected YYYY-MM-DD, a real date such as 2025-03-04";
                return false;

            case TimeGrain.Week:
                if (text.Length != 8 || text[4] != '-' || text[5] != 'W' || !TryYear(text[..4], out var weekYear) || !TryDigits(text[6..], out var week))
                {
                    error = $"'{key}' is not a week key: expected YYYY-Www, an ISO week such as 2025-W09";
                    return false;
                }

                var weeks = IsoWeeksInYear(weekYear);
                if (week < 1 || week > weeks)
                {
                    error = $"'{key}' is not a week key: ISO year {weekYear} has weeks 01 to {weeks}";
                    return false;
                }

                // Monday of week 1 is the Monday of the week that holds 4 January.
                var monday = MondayOf(new DateOnly(weekYear, 1, 4)).DayNumber + ((week - 1) * 7);
                if (monday + 6 > DateOnly.MaxValue.DayNumber)
                {
                    error = $"'{key}' is not a week key: the week ends after {DateRange.Format(DateOnly.MaxValue)}";
                    return false;
                }

                range = DateRange.FromDayNumbers(monday, monday + 6);
                return true;

            case TimeGrain.Month:
                if (text.Length != 7 || text[4] != '-' || !TryYear(text[..4], out var year) || !TryDigits(text[5..], out var month) || month is < 1 or > 12)
                {
                    error = $"'{key}' is not a month key: expected YYYY-MM with a month 01 to 12, such as 2025-03";
                    return false;
                }

                range = Months(year, month, 1);
                return true;

            case TimeGrain.Quarter:
                if (text.Length != 7 || text[4] != '-' || text[5] != 'Q' || !TryYear(text[..4], out var quarterYear) || text[6] is < '1' or > '4')
                {
                    error = $"'{key}' is not a quarter key: expected YYYY-Qn with n 1 to 4, such as 2025-Q1";
                    return false;
                }

                range = Months(quarterYear, ((text[6] - '1') * 3) + 1, 3);
                return true;

            case TimeGrain.Year:
                if (text.Length != 4 || !TryYear(text, out var wholeYear))
                {
                    error = $"'{key}' is not a year key: expected four digits YYYY from 0001 to 9999, such as 2025";
                    return false;
                }

                range = Months(wholeYear, 1, 12);
                return true;

            default:
                throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown time grain");
        }
    }

    private static bool TryYear(ReadOnlySpan<char> text, out int year) => TryDigits(text, out year) && year >= 1;

    // ASCII digits only: int.TryParse would also take signs, spaces and other scripts' digits.
    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return text.Length > 0;
    }
}

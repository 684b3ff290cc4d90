namespace Dashboard.Domain.Reference;

/// <summary>
/// The shipped default calendar of public holidays: the main fixed-date and Easter-based days per market.
/// Deliberately short: it feeds the models' holiday controls, not a payroll system.
/// </summary>
public static class HolidayCalendar
{
    private sealed record Rule(string Name, Func<int, DateOnly> DateIn);

    private static Rule Fixed(string name, int month, int day) => new(name, y => new DateOnly(y, month, day));

    private static Rule EasterOffset(string name, int offset) => new(name, y => Easter(y).AddDays(offset));

    private static Rule NthWeekday(string name, int month, DayOfWeek weekday, int n) => new(name, y =>
    {
        var first = new DateOnly(y, month, 1);
        var shift = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(shift + (7 * (n - 1)));
    });

    private static readonly Rule NewYear = Fixed("New Year's Day", 1, 1);
    private static readonly Rule Christmas = Fixed("Christmas Day", 12, 25);
    private static readonly Rule GoodFriday = EasterOffset("Good Friday", -2);
    private static readonly Rule EasterMonday = EasterOffset("Easter Monday", 1);

    private static readonly Dictionary<string, Rule[]> RulesByMarket = new(StringComparer.Ordinal)
    {
        ["GB"] = [NewYear, GoodFriday, EasterMonday, Christmas, Fixed("Boxing Day", 12, 26)],
        ["DE"] = [NewYear, GoodFriday, EasterMonday, Fixed("Labour Day", 5, 1), Fixed("German Unity Day", 10, 3), Christmas, Fixed("St Stephen's Day", 12, 26)],
        ["FR"] = [NewYear, EasterMonday, Fixed("Labour Day", 5, 1), Fixed("Bastille Day", 7, 14), Fixed("Assumption", 8, 15), Christmas],
        ["ES"] = [NewYear, Fixed("Epiphany", 1, 6), GoodFriday, Fixed("Labour Day", 5, 1), Fixed("National Day", 10, 12), Christmas],
        ["IT"] = [NewYear, Fixed("Epiphany", 1, 6), EasterMonday, Fixed("Liberation Day", 4, 25), Fixed("Ferragosto", 8, 15), Christmas],
        ["NL"] = [NewYear, EasterMonday, Fixed("King's Day", 4, 27), Christmas, Fixed("Second Christmas Day", 12, 26)],
        ["PL"] = [NewYear, EasterMonday, Fixed("Labour Day", 5, 1), Fixed("Constitution Day", 5, 3), Fixed("Independence Day", 11, 11), Christmas],
        ["SE"] = [NewYear, GoodFriday, EasterMonday, Fixed("National Day", 6, 6), Fixed("Christmas Eve", 12, 24), Christmas],
        ["TR"] = [NewYear, Fixed("National Sovereignty Day", 4, 23), Fixed("Victory Day", 8, 30), Fixed("Republic Day", 10, 29)],
        ["ZA"] = [NewYear, GoodFriday, Fixed("Freedom Day", 4, 27), Fixed("Heritage Day", 9, 24), Christmas],
        ["AE"] = [NewYear, Fixed("Commemoration Day", 12, 1), Fixed("National Day", 12, 2)],
        ["US"] = [NewYear, Fixed("Independence Day", 7, 4), NthWeekday("Thanksgiving", 11, DayOfWeek.Thursday, 4), Christmas],
        ["CA"] = [NewYear, GoodFriday, Fixed("Canada Day", 7, 1), NthWeekday("Thanksgiving", 10, DayOfWeek.Monday, 2), Christmas],
        ["MX"] = [NewYear, Fixed("Independence Day", 9, 16), Fixed("Revolution Day", 11, 20), Christmas],
        ["BR"] = [NewYear, EasterOffset("Carnival", -47), GoodFriday, Fixed("Independence Day", 9, 7), Christmas],
        ["AR"] = [NewYear, GoodFriday, Fixed("Revolution Day", 5, 25), Fixed("Independence Day", 7, 9), Christmas],
        ["CO"] = [NewYear, GoodFriday, Fixed("Independence Day", 7, 20), Christmas],
        ["CL"] = [NewYear, GoodFriday, Fixed("National Day", 9, 18), Christmas],
        ["JP"] = [NewYear, Fixed("Constitution Day", 5, 3), Fixed("Children's Day", 5, 5), Fixed("Culture Day", 11, 3)],
        ["CN"] = [NewYear, Fixed("Labour Day", 5, 1), Fixed("National Day", 10, 1), Fixed("National Day holiday", 10, 2)],
        ["IN"] = [Fixed("Republic Day", 1, 26), Fixed("Independence Day", 8, 15), Fixed("Gandhi Jayanti", 10, 2)],
        ["AU"] = [NewYear, Fixed("Australia Day", 1, 26), GoodFriday, EasterMonday, Christmas, Fixed("Boxing Day", 12, 26)],
        ["KR"] = [NewYear, Fixed("Independence Movement Day", 3, 1), Fixed("Liberation Day", 8, 15), Christmas],
        ["ID"] = [NewYear, Fixed("Independence Day", 8, 17), Christmas],
        ["TH"] = [NewYear, Fixed("Songkran", 4, 13), Fixed("Songkran", 4, 14), Fixed("King's Birthday", 7, 28), Fixed("Father's Day", 12, 5)],
        ["PH"] = [NewYear, GoodFriday, Fixed("Independence Day", 6, 12), Christmas, Fixed("Rizal Day", 12, 30)],
    };

    public static IReadOnlyList<Holiday> For(IEnumerable<Market> markets, int fromYear, int toYear)
    {
        ArgumentNullException.ThrowIfNull(markets);
        var holidays = new List<Holiday>();
        foreach (var market in markets)
        {
            if (!RulesByMarket.TryGetValue(market.Code, out var rules))
            {
                continue;
            }

            for (var year = fromYear; year <= toYear; year++)
            {
                // Two rules may land on one day (Songkran is two days; Easter Monday can meet Labour Day): keep the first name.
                foreach (var day in rules.Select(r => new Holiday(market.Code, r.DateIn(year), r.Name)).DistinctBy(h => h.Date))
                {
                    holidays.Add(day);
                }
            }
        }

        return holidays;
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}

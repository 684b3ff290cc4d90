using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Tests.Time.TestDates;

namespace Dashboard.Metrics.Tests.Time;

public sealed class DatePresetsTests
{
    [Theory]
    [InlineData(DatePreset.Last4Weeks, "2024-12-05", "2025-01-01")]
    [InlineData(DatePreset.ThisMonth, "2025-01-01", "2025-01-01")]
    [InlineData(DatePreset.LastMonth, "2024-12-01", "2024-12-31")]
    [InlineData(DatePreset.ThisQuarter, "2025-01-01", "2025-01-01")]
    [InlineData(DatePreset.LastQuarter, "2024-10-01", "2024-12-31")]
    [InlineData(DatePreset.YearToDate, "2025-01-01", "2025-01-01")]
    [InlineData(DatePreset.LastFullMonth, "2024-12-01", "2024-12-31")]
    [InlineData(DatePreset.LastFullQuarter, "2024-10-01", "2024-12-31")]
    public void DatePresets_OnNewYearsDay2025_LastQuarterIs2024Q4(DatePreset preset, string from, string to)
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 1, 1, 9, 30, 0, TimeSpan.Zero));

        Assert.Equal(R(from, to), DatePresets.Range(preset, time));
    }

    [Theory]
    [InlineData(DatePreset.Last4Weeks, "2025-03-04", "2025-03-31")]
    [InlineData(DatePreset.ThisMonth, "2025-03-01", "2025-03-31")]
    [InlineData(DatePreset.LastMonth, "2025-02-01", "2025-02-28")]
    [InlineData(DatePreset.ThisQuarter, "2025-01-01", "2025-03-31")]
    [InlineData(DatePreset.LastQuarter, "2024-10-01", "2024-12-31")]
    [InlineData(DatePreset.YearToDate, "2025-01-01", "2025-03-31")]
    [InlineData(DatePreset.LastFullMonth, "2025-02-01", "2025-02-28")] // March has not ended: today is still going
    [InlineData(DatePreset.LastFullQuarter, "2024-10-01", "2024-12-31")]
    public void DatePresets_OnMarch31_2025_RangesEndTodayOrAtLastWholePeriod(DatePreset preset, string from, string to)
    {
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(R(from, to), DatePresets.Range(preset, time));
    }

    [Theory]
    [InlineData(DatePreset.LastMonth, "2024-02-01", "2024-02-29")]
    [InlineData(DatePreset.Last4Weeks, "2024-02-03", "2024-03-01")]
    public void DatePresets_OnMarch1_2024_LeapFebruaryHas29Days(DatePreset preset, string from, string to)
    {
        Assert.Equal(R(from, to), DatePresets.Range(preset, D("2024-03-01")));
    }

    [Fact]
    public void DatePresets_Today_IsTheLocalDateOfTheProvider()
    {
        // 23:30 UTC on 31 March is 01:30 on 1 April two hours east.
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.Zero), zone);

        Assert.Equal(D("2025-04-01"), DatePresets.Today(time));
        Assert.Equal(R("2025-04-01", "2025-04-01"), DatePresets.Range(DatePreset.ThisQuarter, time));
        Assert.Equal(R("2025-01-01", "2025-03-31"), DatePresets.Range(DatePreset.LastQuarter, time));
    }

    [Fact]
    public void DatePresets_Today_WestOfUtcIsStillTheDayBefore()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("Test-05", TimeSpan.FromHours(-5), "Test-05", "Test-05");
        var time = new FixedTimeProvider(new DateTimeOffset(2025, 1, 1, 3, 0, 0, TimeSpan.Zero), zone);

        Assert.Equal(D("2024-12-31"), DatePresets.Today(time));
    }

    [Fact]
    public void DatePresets_ReviewPresetsWithDataEndingBeforeMonthEnd_GoBackToTheLastWholePeriodWithData()
    {
        // Today 2 April 2025, data only up to 30 March: March and Q1 are not whole in the data.
        var today = D("2025-04-02");
        var lastData = D("2025-03-30");

        Assert.Equal(R("2025-02-01", "2025-02-28"), DatePresets.Range(DatePreset.LastFullMonth, today, lastData));
        Assert.Equal(R("2024-10-01", "2024-12-31"), DatePresets.Range(DatePreset.LastFullQuarter, today, lastData));
        Assert.Equal(R("2025-03-01", "2025-03-31"), DatePresets.Range(DatePreset.LastMonth, today, lastData));
    }

    [Fact]
    public void DatePresets_ReviewPresetsWithDataToMonthEnd_TakeThatMonth()
    {
        Assert.Equal(R("2025-03-01", "2025-03-31"), DatePresets.Range(DatePreset.LastFullMonth, D("2025-04-02"), D("2025-03-31")));
        Assert.Equal(R("2025-01-01", "2025-03-31"), DatePresets.Range(DatePreset.LastFullQuarter, D("2025-04-02"), D("2025-04-01")));
    }

    [Fact]
    public void DatePresets_DefaultRange_Is28DaysEndingAtLastDateWithData()
    {
        var range = DatePresets.DefaultRange(D("2025-03-15"));

        Assert.Equal(R("2025-02-16", "2025-03-15"), range);
        Assert.Equal(28, range.Days);
    }

    [Fact]
    public void DatePresets_Keys_SnakeCaseForUiAndReviews()
    {
        Assert.Equal(
            ["last_4_weeks", "this_month", "last_month", "this_quarter", "last_quarter", "year_to_date"],
            DatePresets.RangePresets.Select(p => p.Key()));
        Assert.Equal(["last_full_month", "last_full_quarter"], DatePresets.ReviewPresets.Select(p => p.Key()));
    }

    [Fact]
    public void DatePresets_TryParseKey_RoundTripsEveryPreset()
    {
        foreach (var preset in Enum.GetValues<DatePreset>())
        {
            Assert.True(DatePresets.TryParse(preset.Key(), out var parsed));
            Assert.Equal(preset, parsed);
        }

        Assert.False(DatePresets.TryParse("last_week", out _));
    }
}

using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Tests.Time.TestDates;

namespace Dashboard.Metrics.Tests.Time;

public sealed class PeriodKeysTests
{
    [Theory]
    [InlineData("2024-12-30", "2025-W01")] // Monday; its Thursday is 2025-01-02
    [InlineData("2021-01-03", "2020-W53")] // Sunday of the last week of 2020
    [InlineData("2026-12-31", "2026-W53")] // 2026 starts on a Thursday: 53 weeks
    [InlineData("2027-01-01", "2026-W53")]
    [InlineData("2027-01-04", "2027-W01")]
    [InlineData("2025-01-01", "2025-W01")]
    [InlineData("2025-03-02", "2025-W09")]
    [InlineData("2025-03-04", "2025-W10")]
    [InlineData("2024-12-29", "2024-W52")]
    [InlineData("2015-12-31", "2015-W53")]
    public void PeriodKeys_WeekKey_IsIsoWeekOfIsoYear(string date, string expected)
    {
        Assert.Equal(expected, PeriodKeys.Key(D(date), TimeGrain.Week));
    }

    [Fact]
    public void PeriodKeys_EveryGrain_KeysAsApiDoc()
    {
        var date = D("2025-03-04");

        Assert.Equal("2025-03-04", PeriodKeys.Key(date, TimeGrain.Day));
        Assert.Equal("2025-W10", PeriodKeys.Key(date, TimeGrain.Week));
        Assert.Equal("2025-03", PeriodKeys.Key(date, TimeGrain.Month));
        Assert.Equal("2025-Q1", PeriodKeys.Key(date, TimeGrain.Quarter));
        Assert.Equal("2025", PeriodKeys.Key(date, TimeGrain.Year));
    }

    [Theory]
    [InlineData("2025-01-01", "2025-Q1")]
    [InlineData("2025-03-31", "2025-Q1")]
    [InlineData("2025-04-01", "2025-Q2")]
    [InlineData("2025-06-30", "2025-Q2")]
    [InlineData("2025-07-01", "2025-Q3")]
    [InlineData("2025-09-30", "2025-Q3")]
    [InlineData("2025-10-01", "2025-Q4")]
    [InlineData("2025-12-31", "2025-Q4")]
    public void PeriodKeys_QuarterBoundaries_FallInTheRightQuarter(string date, string expected)
    {
        Assert.Equal(expected, PeriodKeys.Key(D(date), TimeGrain.Quarter));
    }

    [Theory]
    [InlineData(TimeGrain.Day, "2024-02-29", "2024-02-29", "2024-02-29")]
    [InlineData(TimeGrain.Week, "2025-W01", "2024-12-30", "2025-01-05")]
    [InlineData(TimeGrain.Week, "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData(TimeGrain.Week, "2026-W53", "2026-12-28", "2027-01-03")]
    [InlineData(TimeGrain.Week, "2025-W09", "2025-02-24", "2025-03-02")]
    [InlineData(TimeGrain.Month, "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData(TimeGrain.Month, "2025-02", "2025-02-01", "2025-02-28")]
    [InlineData(TimeGrain.Month, "2025-12", "2025-12-01", "2025-12-31")]
    [InlineData(TimeGrain.Quarter, "2025-Q1", "2025-01-01", "2025-03-31")]
    [InlineData(TimeGrain.Quarter, "2025-Q2", "2025-04-01", "2025-06-30")]
    [InlineData(TimeGrain.Quarter, "2025-Q3", "2025-07-01", "2025-09-30")]
    [InlineData(TimeGrain.Quarter, "2025-Q4", "2025-10-01", "2025-12-31")]
    [InlineData(TimeGrain.Year, "2024", "2024-01-01", "2024-12-31")]
    public void PeriodKeys_Parse_GivesTheWholeCalendarPeriod(TimeGrain grain, string key, string from, string to)
    {
        Assert.Equal(R(from, to), PeriodKeys.Parse(key, grain));
    }

    [Theory]
    [InlineData(TimeGrain.Day, "2025-02-29")]
    [InlineData(TimeGrain.Day, "2025-3-4")]
    [InlineData(TimeGrain.Day, "")]
    [InlineData(TimeGrain.Week, "2025-W53")] // 2025 has 52 ISO weeks
    [InlineData(TimeGrain.Week, "2025-W00")]
    [InlineData(TimeGrain.Week, "2025-W9")]
    [InlineData(TimeGrain.Week, "2025-w09")]
    [InlineData(TimeGrain.Week, "2025W09")]
    [InlineData(TimeGrain.Month, "2025-13")]
    [InlineData(TimeGrain.Month, "2025-00")]
    [InlineData(TimeGrain.Month, "2025-3")]
    [InlineData(TimeGrain.Month, "2025-+3")]
    [InlineData(TimeGrain.Quarter, "2025-Q5")]
    [InlineData(TimeGrain.Quarter, "2025-Q0")]
    [InlineData(TimeGrain.Quarter, "2025-1")]
    [InlineData(TimeGrain.Year, "25")]
    [InlineData(TimeGrain.Year, "0000")]
    [InlineData(TimeGrain.Year, " 2025")]
    [InlineData(TimeGrain.Month, "2025-03-04")]
    public void PeriodKeys_ParseInvalidKey_ThrowsFormatExceptionNamingTheKey(TimeGrain grain, string key)
    {
        var error = Assert.Throws<FormatException>(() => PeriodKeys.Parse(key, grain));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
        Assert.False(PeriodKeys.TryParse(key, grain, out _));
    }

    [Fact]
    public void PeriodKeys_ParseWeek53OfA52WeekYear_SaysHowManyWeeks()
    {
        var error = Assert.Throws<FormatException>(() => PeriodKeys.Parse("2025-W53", TimeGrain.Week));

        Assert.Contains("01 to 52", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2020, 53)]
    [InlineData(2021, 52)]
    [InlineData(2025, 52)]
    [InlineData(2026, 53)]
    [InlineData(2032, 53)] // leap year starting on a Thursday
    public void PeriodKeys_IsoWeeksInYear_52Or53(int year, int expected)
    {
        Assert.Equal(expected, PeriodKeys.IsoWeeksInYear(year));
    }

    [Theory]
    [InlineData(TimeGrain.Day)]
    [InlineData(TimeGrain.Week)]
    [InlineData(TimeGrain.Month)]
    [InlineData(TimeGrain.Quarter)]
    [InlineData(TimeGrain.Year)]
    public void PeriodKeys_KeyRoundTripOver4000Days_PeriodHoldsTheDateAndNoNeighbourPeriod(TimeGrain grain)
    {
        var first = D("2018-12-20");
        for (var i = 0; i < 4000; i++)
        {
            var date = first.AddDays(i);
            var key = PeriodKeys.Key(date, grain);
            var period = PeriodKeys.Parse(key, grain);

            Assert.True(period.Contains(date), $"{key} → {period} does not hold {date:O}");
            Assert.Equal(period, PeriodKeys.PeriodOf(date, grain));
            Assert.Equal(key, PeriodKeys.Key(period.From, grain));
            Assert.Equal(key, PeriodKeys.Key(period.To, grain));
            Assert.NotEqual(key, PeriodKeys.Key(period.From.AddDays(-1), grain));
            Assert.NotEqual(key, PeriodKeys.Key(period.To.AddDays(1), grain));
        }
    }
}

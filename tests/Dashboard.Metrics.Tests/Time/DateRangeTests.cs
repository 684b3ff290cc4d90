using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Tests.Time.TestDates;

namespace Dashboard.Metrics.Tests.Time;

public sealed class DateRangeTests
{
    [Fact]
    public void DateRange_FirstQuarter2025_HasNinetyDaysAndDotDotText()
    {
        var range = R("2025-01-01", "2025-03-31");

        Assert.Equal(90, range.Days);
        Assert.Equal("2025-01-01..2025-03-31", range.ToString());
    }

    [Fact]
    public void DateRange_SingleDay_HasOneDay()
    {
        Assert.Equal(1, R("2024-02-29", "2024-02-29").Days);
    }

    [Fact]
    public void DateRange_EndBeforeStart_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => R("2025-03-02", "2025-03-01"));
        Assert.Contains("2025-03-02..2025-03-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DateRange_Contains_IncludesBothEndsOnly()
    {
        var range = R("2025-01-01", "2025-01-31");

        Assert.True(range.Contains(D("2025-01-01")));
        Assert.True(range.Contains(D("2025-01-31")));
        Assert.False(range.Contains(D("2024-12-31")));
        Assert.False(range.Contains(D("2025-02-01")));
        Assert.True(range.Contains(D("2025-01-15").DayNumber));
        Assert.True(range.Contains(R("2025-01-10", "2025-01-31")));
        Assert.False(range.Contains(R("2025-01-10", "2025-02-01")));
    }

    [Fact]
    public void DateRange_Intersect_OverlapOrNull()
    {
        var january = R("2025-01-01", "2025-01-31");

        Assert.Equal(R("2025-01-20", "2025-01-31"), january.Intersect(R("2025-01-20", "2025-02-10")));
        Assert.Null(january.Intersect(R("2025-02-01", "2025-02-10")));
    }

    [Fact]
    public void DateRange_Parse_ReadsToStringBack()
    {
        Assert.Equal(R("2025-01-01", "2025-03-31"), DateRange.Parse("2025-01-01..2025-03-31"));
        Assert.Equal(R("2025-03-04", "2025-03-04"), DateRange.Parse("2025-03-04"));
    }

    [Theory]
    [InlineData("2025-03-31..2025-03-01")]
    [InlineData("2025-02-30..2025-03-01")]
    [InlineData("2025/01/01..2025/01/31")]
    [InlineData("2025-01-01..")]
    [InlineData("")]
    public void DateRange_ParseInvalidText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => DateRange.Parse(text));
        Assert.False(DateRange.TryParse(text, out _));
    }
}

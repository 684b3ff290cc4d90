using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Tests.Time.TestDates;

namespace Dashboard.Metrics.Tests.Time;

public sealed class ComparisonRangesTests
{
    [Fact]
    public void ComparisonRanges_PreviousPeriodOfMarch2025_Is31DaysEndingFebruary28()
    {
        Assert.Equal(R("2025-01-29", "2025-02-28"), ComparisonRanges.For(R("2025-03-01", "2025-03-31"), Comparison.PreviousPeriod));
    }

    [Fact]
    public void ComparisonRanges_PreviousPeriodWithMatchWeekday_IgnoresMatchWeekday()
    {
        Assert.Equal(R("2025-01-29", "2025-02-28"), ComparisonRanges.For(R("2025-03-01", "2025-03-31"), Comparison.PreviousPeriod, matchWeekday: true));
    }

    [Fact]
    public void ComparisonRanges_None_IsNull()
    {
        Assert.Null(ComparisonRanges.For(R("2025-03-01", "2025-03-31"), Comparison.None));
    }

    [Theory]
    [InlineData("2025-03-01", "2025-03-31", "2024-03-01", "2024-03-31")]
    [InlineData("2024-02-29", "2024-03-31", "2023-02-28", "2023-03-31")] // starts on the leap day: 32 days both
    [InlineData("2024-02-01", "2024-02-29", "2023-02-01", "2023-02-28")] // ends on the leap day: 29 → 28 days
    [InlineData("2024-02-29", "2024-02-29", "2023-02-28", "2023-02-28")]
    [InlineData("2024-01-01", "2024-12-31", "2023-01-01", "2023-12-31")] // 366 → 365 days
    [InlineData("2025-02-01", "2025-02-28", "2024-02-01", "2024-02-29")] // whole February → whole February: 28 → 29
    [InlineData("2025-01-15", "2025-02-28", "2024-01-15", "2024-02-29")] // holds whole February: ends on the 29th
    [InlineData("2025-02-10", "2025-02-28", "2024-02-10", "2024-02-28")] // part of February: same dates
    [InlineData("2025-02-01", "2025-03-31", "2024-02-01", "2024-03-31")] // comparison holds the leap day: 59 → 60
    public void ComparisonRanges_SamePeriodLastYear_SameCalendarDatesLeapDayToFebruary28(string from, string to, string expectedFrom, string expectedTo)
    {
        Assert.Equal(R(expectedFrom, expectedTo), ComparisonRanges.For(R(from, to), Comparison.SamePeriodLastYear));
    }

    [Theory]
    [InlineData("2025-03-03", "2025-03-09", "2024-03-04", "2024-03-10")] // Monday to Sunday → Monday to Sunday
    [InlineData("2024-02-29", "2024-03-31", "2023-03-02", "2023-04-02")] // Thursday 29 Feb → Thursday 2 March
    [InlineData("2025-01-01", "2025-01-31", "2024-01-03", "2024-02-02")]
    public void ComparisonRanges_SamePeriodLastYearMatchingWeekday_Shifted364Days(string from, string to, string expectedFrom, string expectedTo)
    {
        var comparison = ComparisonRanges.For(R(from, to), Comparison.SamePeriodLastYear, matchWeekday: true);

        Assert.Equal(R(expectedFrom, expectedTo), comparison);
        Assert.Equal(D(from).DayOfWeek, comparison!.Value.From.DayOfWeek);
    }

    [Fact]
    public void ComparisonRanges_MonthBucketsSamePeriodLastYear_CompareWithTheSameMonths()
    {
        var buckets = PeriodBuckets.For(R("2025-01-01", "2025-03-31"), TimeGrain.Month);

        Assert.Equal(
            [R("2024-01-01", "2024-01-31"), R("2024-02-01", "2024-02-29"), R("2024-03-01", "2024-03-31")],
            ComparisonRanges.ForBuckets(buckets, Comparison.SamePeriodLastYear));
    }

    [Fact]
    public void ComparisonRanges_QuarterBucketsSamePeriodLastYear_PartialBucketKeepsItsDates()
    {
        var buckets = PeriodBuckets.For(R("2024-11-01", "2025-03-31"), TimeGrain.Quarter);

        Assert.Equal(
            [R("2023-11-01", "2023-12-31"), R("2024-01-01", "2024-03-31")],
            ComparisonRanges.ForBuckets(buckets, Comparison.SamePeriodLastYear));
    }

    [Fact]
    public void ComparisonRanges_MonthBucketsPreviousPeriod_ShiftedByWholeRangeLength()
    {
        // The range has 90 days: every bucket moves back 90 days, so the buckets tile 2024-10-03..2024-12-31.
        var buckets = PeriodBuckets.For(R("2025-01-01", "2025-03-31"), TimeGrain.Month);

        Assert.Equal(
            [R("2024-10-03", "2024-11-02"), R("2024-11-03", "2024-11-30"), R("2024-12-01", "2024-12-31")],
            ComparisonRanges.ForBuckets(buckets, Comparison.PreviousPeriod));
        Assert.Equal(R("2024-10-03", "2024-12-31"), ComparisonRanges.For(buckets.Range, Comparison.PreviousPeriod));
    }

    [Fact]
    public void ComparisonRanges_DayBucketsOnLeapDay_BothCompareWithFebruary28()
    {
        var buckets = PeriodBuckets.For(R("2024-02-28", "2024-03-01"), TimeGrain.Day);

        Assert.Equal(
            [R("2023-02-28", "2023-02-28"), R("2023-02-28", "2023-02-28"), R("2023-03-01", "2023-03-01")],
            ComparisonRanges.ForBuckets(buckets, Comparison.SamePeriodLastYear));
    }

    [Fact]
    public void ComparisonRanges_WeekBucketsMatchingWeekday_EachShifted364Days()
    {
        var buckets = PeriodBuckets.For(R("2025-03-05", "2025-03-20"), TimeGrain.Week);

        Assert.Equal(
            [R("2024-03-06", "2024-03-10"), R("2024-03-11", "2024-03-17"), R("2024-03-18", "2024-03-21")],
            ComparisonRanges.ForBuckets(buckets, Comparison.SamePeriodLastYear, matchWeekday: true));
    }

    [Fact]
    public void ComparisonRanges_BucketsWithNone_Empty()
    {
        var buckets = PeriodBuckets.For(R("2025-01-01", "2025-03-31"), TimeGrain.Month);

        Assert.Empty(ComparisonRanges.ForBuckets(buckets, Comparison.None));
        Assert.Null(ComparisonRanges.ForBucket(buckets[0], buckets.Range, Comparison.None));
    }

    [Fact]
    public void ComparisonRanges_BucketOutsideRange_Throws()
    {
        var march = PeriodBuckets.For(R("2025-03-01", "2025-03-31"), TimeGrain.Month)[0];

        Assert.Throws<ArgumentException>(() => ComparisonRanges.ForBucket(march, R("2025-01-01", "2025-02-28"), Comparison.PreviousPeriod));
    }

    [Theory]
    [InlineData("previous", Comparison.PreviousPeriod)]
    [InlineData("year", Comparison.SamePeriodLastYear)]
    [InlineData("none", Comparison.None)]
    public void Comparisons_TryParseApiKey_GivesComparison(string key, Comparison expected)
    {
        Assert.True(Comparisons.TryParse(key, out var comparison));
        Assert.Equal(expected, comparison);
        Assert.Equal(key, comparison.Key());
    }

    [Fact]
    public void Comparisons_TryParseUnknownKey_False()
    {
        Assert.False(Comparisons.TryParse("last_year", out _));
    }
}

using Dashboard.Metrics.Time;
using static Dashboard.Metrics.Tests.Time.TestDates;

namespace Dashboard.Metrics.Tests.Time;

public sealed class PeriodBucketsTests
{
    [Fact]
    public void PeriodBuckets_WeeksOfRangeStartingWednesday_FirstAndLastWeekPartial()
    {
        // 2025-03-05 is a Wednesday, 2025-03-20 a Thursday.
        var buckets = PeriodBuckets.For(R("2025-03-05", "2025-03-20"), TimeGrain.Week);

        Assert.Equal(3, buckets.Count);
        AssertBucket(buckets[0], "2025-W10", "2025-03-03", "2025-03-09", "2025-03-05", "2025-03-09", partial: true);
        AssertBucket(buckets[1], "2025-W11", "2025-03-10", "2025-03-16", "2025-03-10", "2025-03-16", partial: false);
        AssertBucket(buckets[2], "2025-W12", "2025-03-17", "2025-03-23", "2025-03-17", "2025-03-20", partial: true);
        Assert.Equal(5, buckets[0].Days);
        Assert.Equal(4, buckets[2].Days);
    }

    [Fact]
    public void PeriodBuckets_WeeksOverYearEnd_FollowIsoWeekYears()
    {
        // 2024-12-15 is the Sunday ending 2024-W50; 2024-12-30 starts 2025-W01.
        var buckets = PeriodBuckets.For(R("2024-12-15", "2025-01-15"), TimeGrain.Week);

        Assert.Equal(["2024-W50", "2024-W51", "2024-W52", "2025-W01", "2025-W02", "2025-W03"], buckets.Buckets.Select(b => b.Key));
        AssertBucket(buckets[0], "2024-W50", "2024-12-09", "2024-12-15", "2024-12-15", "2024-12-15", partial: true);
        AssertBucket(buckets[3], "2025-W01", "2024-12-30", "2025-01-05", "2024-12-30", "2025-01-05", partial: false);
        AssertBucket(buckets[5], "2025-W03", "2025-01-13", "2025-01-19", "2025-01-13", "2025-01-15", partial: true);
    }

    [Fact]
    public void PeriodBuckets_MonthsOverYearEnd_TwoPartialMonths()
    {
        var buckets = PeriodBuckets.For(R("2024-12-15", "2025-01-15"), TimeGrain.Month);

        Assert.Equal(2, buckets.Count);
        AssertBucket(buckets[0], "2024-12", "2024-12-01", "2024-12-31", "2024-12-15", "2024-12-31", partial: true);
        AssertBucket(buckets[1], "2025-01", "2025-01-01", "2025-01-31", "2025-01-01", "2025-01-15", partial: true);
    }

    [Fact]
    public void PeriodBuckets_QuartersAndYearsOverYearEnd_SplitAtNewYear()
    {
        var range = R("2024-11-01", "2025-03-31");

        var quarters = PeriodBuckets.For(range, TimeGrain.Quarter);
        AssertBucket(quarters[0], "2024-Q4", "2024-10-01", "2024-12-31", "2024-11-01", "2024-12-31", partial: true);
        AssertBucket(quarters[1], "2025-Q1", "2025-01-01", "2025-03-31", "2025-01-01", "2025-03-31", partial: false);
        Assert.Equal(2, quarters.Count);

        var years = PeriodBuckets.For(range, TimeGrain.Year);
        AssertBucket(years[0], "2024", "2024-01-01", "2024-12-31", "2024-11-01", "2024-12-31", partial: true);
        AssertBucket(years[1], "2025", "2025-01-01", "2025-12-31", "2025-01-01", "2025-03-31", partial: true);
        Assert.Equal(2, years.Count);
    }

    [Fact]
    public void PeriodBuckets_WholeMonths_NoBucketPartial()
    {
        var buckets = PeriodBuckets.For(R("2024-01-01", "2024-12-31"), TimeGrain.Month);

        Assert.Equal(12, buckets.Count);
        Assert.All(buckets.Buckets, b => Assert.False(b.IsPartial));
        Assert.Equal(29, buckets[1].Days);
    }

    [Fact]
    public void PeriodBuckets_Days_OneBucketPerDay()
    {
        var buckets = PeriodBuckets.For(R("2024-02-28", "2024-03-01"), TimeGrain.Day);

        Assert.Equal(["2024-02-28", "2024-02-29", "2024-03-01"], buckets.Buckets.Select(b => b.Key));
        Assert.All(buckets.Buckets, b => Assert.False(b.IsPartial));
    }

    [Fact]
    public void PeriodBuckets_IndexOfDay_BucketInsideRangeMinusOneOutside()
    {
        var buckets = PeriodBuckets.For(R("2025-03-05", "2025-03-20"), TimeGrain.Week);

        Assert.Equal(-1, buckets.IndexOfDay(D("2025-03-04").DayNumber));
        Assert.Equal(0, buckets.IndexOfDay(D("2025-03-05").DayNumber));
        Assert.Equal(0, buckets.IndexOfDay(D("2025-03-09").DayNumber));
        Assert.Equal(1, buckets.IndexOfDay(D("2025-03-10").DayNumber));
        Assert.Equal(1, buckets.IndexOfDay(D("2025-03-16").DayNumber));
        Assert.Equal(2, buckets.IndexOf(D("2025-03-17")));
        Assert.Equal(2, buckets.IndexOf(D("2025-03-20")));
        Assert.Equal(-1, buckets.IndexOf(D("2025-03-21")));
        Assert.Equal(-1, buckets.IndexOfDay(int.MinValue));
        Assert.Equal(-1, buckets.IndexOfDay(int.MaxValue));
    }

    [Fact]
    public void PeriodBuckets_BucketOfDay_OneEntryPerDayOfRange()
    {
        var buckets = PeriodBuckets.For(R("2025-03-05", "2025-03-20"), TimeGrain.Week);

        Assert.Equal([0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2], buckets.BucketOfDay.ToArray());
    }

    [Fact]
    public void PeriodBuckets_IndexOfKey_FindsBucketOrMinusOne()
    {
        var buckets = PeriodBuckets.For(R("2024-11-01", "2025-03-31"), TimeGrain.Month);

        Assert.Equal(2, buckets.IndexOfKey("2025-01"));
        Assert.Equal(-1, buckets.IndexOfKey("2025-04"));
    }

    [Fact]
    public void PeriodBuckets_IndexOfDay_DoesNotAllocate()
    {
        var buckets = PeriodBuckets.For(R("2020-01-01", "2025-12-31"), TimeGrain.Week);
        var first = D("2020-01-01").DayNumber;
        var sum = buckets.IndexOfDay(first);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var day = first; day < first + 2000; day++)
        {
            sum += buckets.IndexOfDay(day);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.True(sum > 0);
    }

    private static void AssertBucket(PeriodBucket bucket, string key, string periodFrom, string periodTo, string from, string to, bool partial)
    {
        Assert.Equal(key, bucket.Key);
        Assert.Equal(R(periodFrom, periodTo), bucket.Period);
        Assert.Equal(R(from, to), bucket.Clipped);
        Assert.Equal(partial, bucket.IsPartial);
    }
}

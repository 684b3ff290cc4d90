namespace Dashboard.Metrics.Time;

/// <summary>
/// The periods of a grain that intersect a query range, in date order, and the bucket of each day of the range.
/// Built once per query; <see cref="IndexOfDay"/> is then called per fact row.
/// </summary>
public sealed class PeriodBuckets
{
    private readonly PeriodBucket[] _buckets;

    // Bucket index per day of the range, indexed by DayNumber − Range.From.DayNumber: O(1) per row, no allocation.
    private readonly int[] _bucketOfDay;

    private readonly int _firstDay;

    private PeriodBuckets(DateRange range, TimeGrain grain, PeriodBucket[] buckets, int[] bucketOfDay)
    {
        Range = range;
        Grain = grain;
        _buckets = buckets;
        _bucketOfDay = bucketOfDay;
        _firstDay = range.From.DayNumber;
    }

    public DateRange Range { get; }

    public TimeGrain Grain { get; }

    public IReadOnlyList<PeriodBucket> Buckets => _buckets;

    public int Count => _buckets.Length;

    public PeriodBucket this[int index] => _buckets[index];

    /// <summary>The bucket index of each day of the range, from <see cref="Range"/>.From on (for loops over a day column).</summary>
    public ReadOnlySpan<int> BucketOfDay => _bucketOfDay;

    public static PeriodBuckets For(DateRange range, TimeGrain grain)
    {
        if (!Enum.IsDefined(grain))
        {
            throw new ArgumentOutOfRangeException(nameof(grain), grain, "unknown time grain");
        }

        var buckets = new List<PeriodBucket>();
        var bucketOfDay = new int[range.Days];
        var day = range.From;
        while (true)
        {
            var period = PeriodKeys.PeriodOf(day, grain);
            var clipped = new DateRange(day, period.To < range.To ? period.To : range.To);
            Array.Fill(bucketOfDay, buckets.Count, clipped.From.DayNumber - range.From.DayNumber, clipped.Days);
            buckets.Add(new PeriodBucket(PeriodKeys.Key(day, grain), period, clipped));
            if (clipped.To == range.To)
            {
                break;
            }

            day = clipped.To.AddDays(1);
        }

        return new PeriodBuckets(range, grain, [.. buckets], bucketOfDay);
    }

    /// <summary>The index of the bucket holding the day (a <see cref="DateOnly.DayNumber"/>), or −1 outside the range.</summary>
    public int IndexOfDay(int dayNumber)
    {
        // One unsigned comparison covers both "before the range" and "after it".
        var offset = (uint)(dayNumber - _firstDay);
        return offset < (uint)_bucketOfDay.Length ? _bucketOfDay[offset] : -1;
    }

    public int IndexOf(DateOnly date) => IndexOfDay(date.DayNumber);

    /// <summary>The index of the bucket with the key, or −1 when no bucket has it.</summary>
    public int IndexOfKey(string key) => Array.FindIndex(_buckets, b => string.Equals(b.Key, key, StringComparison.Ordinal));
}

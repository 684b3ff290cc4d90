namespace Dashboard.Metrics.Time;

/// <summary>
/// One period of a grouped query: its key, the whole calendar period, and the part of it inside the query range
/// (the days whose facts it holds).
/// </summary>
public sealed record PeriodBucket(string Key, DateRange Period, DateRange Clipped)
{
    /// <summary>True when the query range cuts the period, so the bucket holds only some of its days.</summary>
    public bool IsPartial => Clipped != Period;

    /// <summary>Days the bucket holds (of <see cref="Clipped"/>).</summary>
    public int Days => Clipped.Days;
}

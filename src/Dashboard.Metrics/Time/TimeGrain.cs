namespace Dashboard.Metrics.Time;

/// <summary>The calendar periods a query can group by (METRICS.md "Time rules"); weeks are ISO weeks.</summary>
public enum TimeGrain
{
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

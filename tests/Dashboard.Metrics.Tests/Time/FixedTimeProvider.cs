namespace Dashboard.Metrics.Tests.Time;

/// <summary>A clock pinned to one instant in one time zone, so presets are tested on chosen dates.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset utcNow, TimeZoneInfo localZone) : TimeProvider
{
    public FixedTimeProvider(DateTimeOffset utcNow)
        : this(utcNow, TimeZoneInfo.Utc)
    {
    }

    public override DateTimeOffset GetUtcNow() => utcNow.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => localZone;
}

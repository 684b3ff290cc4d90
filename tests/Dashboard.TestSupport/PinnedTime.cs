namespace Dashboard.TestSupport;

/// <summary>A clock that always reads the same instant (UTC), so a test's expected dates do not depend on when it runs. Timers still run in real time.</summary>
public sealed class PinnedTime(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

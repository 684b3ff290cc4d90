namespace Dashboard.Metrics.Snapshot;

/// <summary>
/// A geo holdout test as imported: test and control markets (codes), the test days, and the channel under test
/// (empty when the test is not about one channel).
/// </summary>
public sealed record HoldoutTestDefinition(
    string Test,
    string Channel,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<string> TestMarkets,
    IReadOnlyList<string> ControlMarkets);

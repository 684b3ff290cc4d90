namespace Dashboard.Metrics.Snapshot;

/// <summary>
/// A read-out geo test stored to calibrate its channel's response curve (METRICS.md "Incremental figures"): what the test
/// measured (incremental revenue over its test markets and days, USD, with its 90% interval) and the spend change it made
/// (the test markets' spend on the channel as a multiple of what they would have spent: 1.6 for +60%, 0 for going dark).
/// Stored once and applied again at every refit, so a calibration does not move when later imports move the read-out.
/// </summary>
public sealed record LiftCalibration(string Test, string Channel, double IncrementalUsd, double LowUsd, double HighUsd, double SpendChange);

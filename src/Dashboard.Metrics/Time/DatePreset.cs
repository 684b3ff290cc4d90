namespace Dashboard.Metrics.Time;

/// <summary>Named ranges that count from today (METRICS.md "Time rules"); see <see cref="DatePresets"/> for each definition.</summary>
public enum DatePreset
{
    Last4Weeks,
    ThisMonth,
    LastMonth,
    ThisQuarter,
    LastQuarter,
    YearToDate,

    /// <summary>Review cadence: the latest complete calendar month (monthly business review).</summary>
    LastFullMonth,

    /// <summary>Review cadence: the latest complete calendar quarter (quarterly business review).</summary>
    LastFullQuarter,
}

namespace Dashboard.Attribution.Planning;

/// <summary>
/// One market's response to one channel: the pooled curve with the market's own β and K (log-scale offsets) shrunk
/// toward it, or the pooled curve itself where the market's data cannot support its own (<see cref="Own"/> false).
/// </summary>
/// <param name="Curve">Null for a channel without a curve.</param>
/// <param name="Offset">Shrunk offsets of log β and log K from the pooled curve (zeros when pooled).</param>
/// <param name="OffsetCovariance">Posterior covariance of <paramref name="Offset"/> (zeros when pooled).</param>
/// <param name="OwnWeight">How much of its own β estimate the market keeps after shrinkage (0 when pooled).</param>
/// <param name="Share">The market's share of the channel's current spend.</param>
public sealed record MarketCurve(
    string Market,
    HillCurve? Curve,
    double[] Offset,
    double[,] OffsetCovariance,
    bool Own,
    double OwnWeight,
    double CurrentSpendUsd,
    double Share);

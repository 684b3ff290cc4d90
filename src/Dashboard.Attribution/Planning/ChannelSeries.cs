namespace Dashboard.Attribution.Planning;

/// <summary>
/// One market's daily history for one channel: spend in USD, the micro-conversions the channel's tracking reports, the
/// market's season index (its organic micro-conversions, smoothed, over their mean), and which days the fit reads.
/// </summary>
public sealed record ChannelSeries(string Market, double Scale, double[] Spend, double[] Actions, double[] Season, bool[] Fitted)
{
    public int Days => Spend.Length;
}

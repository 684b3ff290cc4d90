namespace Dashboard.DemoData.World;

/// <summary>
/// A paid channel's planted response: geometric adstock (λ) on spend in USD per market-size unit,
/// then Hill saturation with half-saturation K and shape α.
/// </summary>
internal sealed record ChannelCurve(int Index, PaidChannelSpec Spec, double Lambda, double HalfSaturation, double Alpha)
{
    public string Channel => Spec.Channel;

    public double Saturation(double adstock)
    {
        if (adstock <= 0)
        {
            return 0;
        }

        var ratio = Math.Pow(HalfSaturation / adstock, Alpha);
        return 1 / (1 + ratio);
    }
}

namespace Dashboard.Attribution.Planning;

/// <summary>
/// The delta method on a channel's curves: the variance of a sum over markets of something each market's curve gives,
/// from the pooled parameters' covariance (every market's curve moves with them, keeping its own offsets) and each
/// own-curve market's offsets' posterior covariance.
/// </summary>
internal static class CurveBand
{
    private const double H = 1e-4;

    /// <param name="market">What one market's curve gives (the market's index, its curve at the parameters tried).</param>
    public static double Variance(ChannelResponse response, Func<int, HillCurve, double> market)
    {
        var fit = response.Fit ?? throw new InvalidOperationException($"{response.Channel} has no curve");
        var markets = response.Markets;
        double Total(double[] theta)
        {
            var sum = 0.0;
            for (var m = 0; m < markets.Count; m++)
            {
                sum += market(m, fit.At(CurveFitter.Offset(theta, markets[m].Offset)));
            }

            return sum;
        }

        var gradient = new double[fit.Theta.Length];
        for (var p = 0; p < gradient.Length; p++)
        {
            var (up, down) = ((double[])fit.Theta.Clone(), (double[])fit.Theta.Clone());
            (up[p], down[p]) = (up[p] + H, down[p] - H);
            gradient[p] = (Total(up) - Total(down)) / (2 * H);
        }

        var variance = Quadratic(gradient, fit.Covariance);
        for (var m = 0; m < markets.Count; m++)
        {
            if (!markets[m].Own)
            {
                continue;
            }

            var g = new double[2];
            for (var p = 0; p < 2; p++)
            {
                var (up, down) = ((double[])markets[m].Offset.Clone(), (double[])markets[m].Offset.Clone());
                (up[p], down[p]) = (up[p] + H, down[p] - H);
                g[p] = (market(m, fit.At(CurveFitter.Offset(fit.Theta, up))) - market(m, fit.At(CurveFitter.Offset(fit.Theta, down)))) / (2 * H);
            }

            variance += Quadratic(g, markets[m].OffsetCovariance);
        }

        return variance;
    }

    public static double Quadratic(double[] g, double[,] covariance)
    {
        var sum = 0.0;
        for (var i = 0; i < g.Length; i++)
        {
            for (var j = 0; j < g.Length; j++)
            {
                sum += g[i] * covariance[i, j] * g[j];
            }
        }

        return sum;
    }
}

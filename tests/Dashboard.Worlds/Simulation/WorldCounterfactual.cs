namespace Dashboard.Worlds.Simulation;

/// <summary>
/// A channel's true incremental revenue over a period of data days: the world with that channel's spend set to 0 on the
/// period, every draw kept. Actions are thinned: a day's actions A with mean μ become A · μ⁰ / μ (binomial thinning of
/// a Poisson count gives a Poisson count of mean μ⁰; its expectation is used), and μ⁰ / μ is the ratio of the type's
/// media mixes, since nothing else in μ depends on the channel. Each action removed takes its value with it (the value
/// is its revenue over all its lag days); the direct path loses the channel's share of sales. First round only: where
/// actions follow past sales (feedback, sales-caused reviews), the sales the removed actions would have made do not
/// feed back into later actions here.
/// </summary>
public static class WorldCounterfactual
{
    /// <param name="from">First data day of the period (0 = the first data day).</param>
    /// <param name="to">Last data day of the period; the carry-over after it must fit in the simulated days.</param>
    public static double IncrementalRevenue(WorldSample world, int channel, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(world);
        var end = Math.Min(world.BurnIn + world.Days - 1, world.BurnIn + to + world.Media.Adstock[channel].Length);
        return Increment(world, channel, world.Markets,
            m => [.. m.Spend[channel].Select((x, t) => t >= world.BurnIn + from && t <= world.BurnIn + to ? 0 : x)], world.BurnIn + from, end);
    }

    /// <summary>
    /// What the world's geo test truly did over its days in its test markets: revenue with the test less revenue with the
    /// spend the markets would have had (the difference-in-differences' estimand), or null without a test.
    /// </summary>
    public static double? TestEffect(WorldSample world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Test is not { } test ? null
            : Increment(world, test.Channel, [.. world.Markets.Where(m => test.TestMarkets.Contains(m.Code))], m => m.UntestedSpend!,
                world.BurnIn + test.From, world.BurnIn + test.To);
    }

    /// <summary>Revenue over days start..end (simulated days) with the channel's spend as it was less with <paramref name="counterfactual"/>'s.</summary>
    private static double Increment(WorldSample world, int channel, IReadOnlyList<MarketSeries> markets, Func<MarketSeries, double[]> counterfactual, int start, int end)
    {
        var media = world.Media;
        var kernel = media.Adstock[channel];
        var salesCaused = world.Spec.SalesCausedReviews ? WorldTypes.Index("product_review") : -1;
        var total = 0.0;
        foreach (var market in markets)
        {
            var removed = counterfactual(market);
            for (var t = start; t <= end; t++)
            {
                var response = market.Response[channel][t];
                var without = Math.Pow(Kernels.Convolve(kernel, removed, t) / market.StockMean[channel], media.Saturation[channel]);
                total += market.Size * media.DirectShare[channel] * (response - without);
                for (var k = 0; k < WorldTypes.Keys.Count; k++)
                {
                    var driver = media.Drivers[k][channel];
                    if (driver == 0 || k == salesCaused)
                    {
                        continue;
                    }

                    var organic = media.Organic[k];
                    var mix = organic + ((1 - organic) * Enumerable.Range(0, world.Channels.Count).Sum(c => media.Drivers[k][c] * market.Response[c][t]));
                    var mixWithout = mix - ((1 - organic) * driver * (response - without));
                    total += market.Values[k] * market.Actions[k][t] * (1 - (mixWithout / mix));
                }
            }
        }

        return total;
    }

    /// <summary>The channel's spend over the period's data days, all markets.</summary>
    public static double Spend(WorldSample world, int channel, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Markets.Sum(m => m.Spend[channel].Skip(world.BurnIn + from).Take(to - from + 1).Sum());
    }
}

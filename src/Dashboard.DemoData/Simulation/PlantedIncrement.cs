using Dashboard.DemoData.World;

namespace Dashboard.DemoData.Simulation;

/// <summary>
/// What a paid channel's spend added to one market's revenue over a period, by the simulator's own equations: the
/// market's simulated spend with the channel's set to 0 on the period's days, adstock and Hill run again, and the
/// difference in expected actions valued over the lag kernel. Expectations, not draws: the figure a model estimates
/// (the realised difference would add Poisson noise no model can know). Every other input is the simulated one (spend
/// noise, flights, the holdout treatment). Carry-over is counted up to the last simulated day.
/// </summary>
internal static class PlantedIncrement
{
    /// <summary>Incremental revenue in USD of channel <paramref name="channel"/> over series days [from, to].</summary>
    public static double RevenueUsd(DemoWorld world, MarketProfile market, MarketSeries series, MarketCalendar calendar, int channel, int from, int to)
    {
        var curve = world.Curves[channel];
        var spend = series.SpendUsd[channel];
        var length = spend.Length;
        var kernel = world.LagKernel;
        var weights = world.Pairs
            .Where(p => !p.IsOrganic && p.ChannelIndex == channel && world.EventValues[p.EventIndex] != 0)
            .Select(p => (InStore: MediaSpecs.InStoreEvents.Contains(p.Event), ValuePerSaturation: market.Size * p.Cap * world.EventValues[p.EventIndex]))
            .ToArray();

        // tail[j]: the share of a day's revenue that falls within the days simulated when j days remain after it.
        var tail = new double[kernel.Count + 1];
        for (var j = 1; j <= kernel.Count; j++)
        {
            tail[j] = tail[j - 1] + kernel[j - 1];
        }

        var factual = MarketSimulator.StartingAdstock(curve, market);
        var without = factual;
        var total = 0.0;
        for (var i = 0; i < length; i++)
        {
            var x = spend[i] / market.Size;
            factual = x + (curve.Lambda * factual);
            without = (i >= from && i <= to ? 0 : x) + (curve.Lambda * without);
            if (i < from)
            {
                continue;
            }

            var lost = curve.Saturation(factual) - curve.Saturation(without);

            // The day's extra actions bring revenue over the next days; only the days still simulated count.
            var counted = tail[Math.Min(kernel.Count, length - i)];

            foreach (var (inStore, valuePerSaturation) in weights)
            {
                total += valuePerSaturation * lost * MarketSimulator.Season(calendar, inStore, i) * counted;
            }
        }

        return total;
    }
}

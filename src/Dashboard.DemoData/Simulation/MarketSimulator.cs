using Dashboard.DemoData.World;
using Dashboard.DemoData.Randomness;

namespace Dashboard.DemoData.Simulation;

/// <summary>
/// Simulates one market day by day: spend → adstock → Hill → Poisson actions per channel–event,
/// organic actions (social follows partly from last week's revenue), then revenue = base × context
/// + Σ values × lagged actions + noise. Every random draw is one uniform in a fixed order, so two
/// runs that differ only in the holdout treatment use exactly the same draws.
/// </summary>
internal static class MarketSimulator
{
    private const double SpendNoise = 0.12;
    private const double RevenueNoise = 0.04;

    public static MarketSeries Run(DemoWorld world, MarketProfile market, bool treated)
    {
        var burnIn = DemoWorld.BurnInDays;
        var length = burnIn + world.Days;
        var curves = world.Curves;
        var pairs = world.Pairs;
        var events = world.Events.Count;
        var series = new MarketSeries(length, curves.Count, pairs.Count);
        var calendar = new MarketCalendar(world, market);
        var context = world.Contexts[market.Index];
        var holdout = world.Holdout;
        var treatedChannel = treated && holdout.IsTest(market.Code) ? curves.First(c => c.Channel == holdout.Channel).Index : -1;

        var spendRandom = SeedDerivation.Stream(world.Seed, "spend", market.Code);
        var actionRandom = SeedDerivation.Stream(world.Seed, "actions", market.Code);
        var salesRandom = SeedDerivation.Stream(world.Seed, "sales", market.Code);

        var flightsByChannel = curves
            .Select(c => world.Campaigns.Flights.Where(f => f.ChannelIndex == c.Index && world.Campaigns.Joins(market.Index, f)).ToArray())
            .ToArray();
        var adstock = curves.Select(c => StartingAdstock(c, market)).ToArray();
        var saturation = new double[curves.Count];
        var inStore = world.Events.Select(e => MediaSpecs.InStoreEvents.Contains(e)).ToArray();
        var vanity = world.Events.Select(e => MediaSpecs.VanityEvents.Contains(e)).ToArray();
        var paidActions = Enumerable.Range(0, events).Select(_ => new double[length]).ToArray();
        var organicActions = Enumerable.Range(0, events).Select(_ => new double[length]).ToArray();
        var kernel = world.LagKernel;

        for (var i = 0; i < length; i++)
        {
            var date = world.From.AddDays(i - burnIn);
            var inData = i >= burnIn;
            for (var c = 0; c < curves.Count; c++)
            {
                var curve = curves[c];
                var spend = market.Size * curve.Spec.SpendUsdPerSizeUnit * market.ChannelMix[c] * calendar.SpendSeason[i]
                    * Math.Exp(0.03 * (i - burnIn) / 365.25) * spendRandom.LogNormalFactor(SpendNoise);
                var flight = -1;
                if (inData)
                {
                    foreach (var f in flightsByChannel[c])
                    {
                        if (f.Covers(date))
                        {
                            flight = f.Index;
                            spend *= f.SpendMultiplier;
                            break;
                        }
                    }

                    if (c == treatedChannel && holdout.InTest(date))
                    {
                        spend *= holdout.TreatmentMultiplier;
                    }
                }

                series.SpendUsd[c][i] = spend;
                series.FlightOfDay[c][i] = flight;
                adstock[c] = (spend / market.Size) + (curve.Lambda * adstock[c]);
                saturation[c] = curve.Saturation(adstock[c]);
            }

            var lastWeekRevenue = LastWeekAverage(series.RevenueUsd, i, market.BaseRevenueUsdPerDay * 1.2);
            var holidayRetail = calendar.IsHoliday[i] ? ContextEffects.HolidayFactor : 1.0;
            for (var p = 0; p < pairs.Count; p++)
            {
                var pair = pairs[p];
                var e = pair.EventIndex;
                var season = Season(calendar, inStore[e], i);
                double mean;
                if (pair.IsOrganic)
                {
                    mean = market.Size * pair.Cap * season * calendar.Trend[i];
                    if (vanity[e])
                    {
                        mean += MediaSpecs.VanityFollowsPerRevenueUsd * lastWeekRevenue;
                    }
                }
                else
                {
                    mean = market.Size * pair.Cap * saturation[pair.ChannelIndex] * season;
                }

                var count = actionRandom.Poisson(mean);
                series.Actions[p][i] = count;
                (pair.IsOrganic ? organicActions : paidActions)[e][i] += count;
            }

            var media = 0.0;
            var organic = 0.0;
            for (var e = 0; e < events; e++)
            {
                var value = world.EventValues[e];
                if (value == 0)
                {
                    continue;
                }

                double paidLagged = 0, organicLagged = 0;
                for (var lag = 0; lag < kernel.Count && lag <= i; lag++)
                {
                    paidLagged += kernel[lag] * paidActions[e][i - lag];
                    organicLagged += kernel[lag] * organicActions[e][i - lag];
                }

                media += value * paidLagged;
                organic += value * organicLagged;
            }

            var contextFactor = inData ? context.Factors[i - burnIn] : 1.0;
            var baseRevenue = market.BaseRevenueUsdPerDay * calendar.Retail[i] * holidayRetail * calendar.Trend[i] * contextFactor;
            var noisyBase = Math.Max(0, baseRevenue * (1 + (RevenueNoise * salesRandom.Normal())));
            series.MediaUsd[i] = media;
            series.OrganicActionUsd[i] = organic;
            series.RevenueUsd[i] = noisyBase + media + organic;
        }

        return series;
    }

    /// <summary>An action type's day factor: the retail calendar for in-store types, the digital one for the rest, each with its holiday factor.</summary>
    public static double Season(MarketCalendar calendar, bool inStore, int day) => inStore
        ? calendar.Retail[day] * (calendar.IsHoliday[day] ? ContextEffects.HolidayFactor : 1.0)
        : calendar.Digital[day] * (calendar.IsHoliday[day] ? MarketCalendar.DigitalHolidayFactor : 1.0);

    /// <summary>A paid channel's adstock before the first simulated day: its typical spend, carried over forever.</summary>
    public static double StartingAdstock(ChannelCurve curve, MarketProfile market) =>
        curve.Spec.SpendUsdPerSizeUnit * market.ChannelMix[curve.Index] / (1 - curve.Lambda);

    private static double LastWeekAverage(double[] revenue, int day, double fallback)
    {
        if (day < 7)
        {
            return fallback;
        }

        var sum = 0.0;
        for (var d = day - 7; d < day; d++)
        {
            sum += revenue[d];
        }

        return sum / 7;
    }
}

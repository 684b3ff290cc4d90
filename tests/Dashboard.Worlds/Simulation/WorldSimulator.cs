using Dashboard.Domain.Reference;

namespace Dashboard.Worlds.Simulation;

/// <summary>
/// Draws one world: the equations of docs/worlds.md with the parameters drawn from a seed. Written independently of
/// the demo generator and of the estimator: gamma adstock with power saturation (not geometric + Hill), three
/// harmonics of season per hemisphere with market amplitudes, per-type lag kernels, Poisson actions with their own
/// AR(1) organic fluctuation, a multiplicative base with an AR(1) log shock, and values added in revenue.
/// </summary>
public static class WorldSimulator
{
    public const int BurnIn = 70;
    private const int KernelLength = 60;
    private const int AdstockLength = 28;

    private static readonly string[] PaidChannels =
        ["paid_social", "paid_search", "display", "online_video", "email_crm", "retail_media", "influencer", "in_store"];

    public static WorldSample Simulate(WorldSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var draw = new Draw(seed);
        var types = WorldTypes.Keys.Count;
        var t0 = BurnIn;
        var total = BurnIn + spec.Days;

        // The window: two years ending on a day between mid-2024 and mid-2026, so seasons and holidays fall differently.
        var end = new DateOnly(2024, 6, 30).AddDays(draw.Whole(0, 731));
        var start = end.AddDays(1 - spec.Days);
        var first = start.AddDays(-BurnIn);

        var codes = draw.Shuffle(DefaultReferenceData.Markets).Take(spec.Markets).ToList();
        var channels = draw.Shuffle(PaidChannels.Where(c => c != "in_store")).Take(4).Append("in_store").ToList();
        var sharedPair = new[] { WorldTypes.Index("sampling_request"), WorldTypes.Index("scan_to_win") };
        var inStore = channels.IndexOf("in_store");

        // Per type: value, lag kernel, volume share of sales, organic share, driving channels, own seasonality.
        var value = new double[types];
        var kernels = new double[types][];
        var share = new double[types];
        var organic = new double[types];
        var drivers = new double[types][];
        var mainChannel = new int[types];
        var season = new (double A1, double B1, double A2, double B2)[types];
        var weekday = new double[types][];
        for (var k = 0; k < types; k++)
        {
            var key = WorldTypes.Keys[k];
            value[k] = spec.NoEffect ? 0 : draw.Uniform(WorldTypes.ValueRange[key]);
            kernels[k] = spec.Lag == LagFamily.Geometric
                ? Kernels.Geometric(draw.Uniform(0.5, 0.85), KernelLength)
                : Kernels.Gamma(draw.Uniform(2.5, 4), draw.Uniform(3, 7), KernelLength);
            share[k] = draw.Uniform(0.01, 0.03);
            organic[k] = draw.Uniform(0.3, 0.6);
            drivers[k] = new double[channels.Count];
            var picked = draw.Shuffle(Enumerable.Range(0, channels.Count)).Take(draw.Whole(1, 3)).ToList();
            foreach (var c in picked)
            {
                drivers[k][c] = draw.Uniform(0.5, 1.5);
            }

            season[k] = (0.08 * draw.Normal(), 0.08 * draw.Normal(), 0.04 * draw.Normal(), 0.04 * draw.Normal());
            weekday[k] = [.. Enumerable.Range(0, 7).Select(_ => 0.05 * draw.Normal())];
        }

        if (spec.OneKernel)
        {
            for (var k = 1; k < types; k++)
            {
                kernels[k] = kernels[0];
            }
        }

        if (spec.VanityFollows)
        {
            var f = WorldTypes.Index("social_follow");
            value[f] = 0;
            organic[f] = 0.2;
        }

        if (spec.SalesCausedReviews)
        {
            value[WorldTypes.Index("product_review")] = 0;
        }

        if (spec.SharedChannelPair)
        {
            foreach (var k in sharedPair)
            {
                drivers[k] = new double[channels.Count];
                drivers[k][inStore] = 1;
                organic[k] = 0.15;
                season[k] = season[sharedPair[0]];
                weekday[k] = weekday[sharedPair[0]];
            }
        }

        for (var k = 0; k < types; k++)
        {
            var sum = drivers[k].Sum();
            drivers[k] = [.. drivers[k].Select(d => d / sum)];
            mainChannel[k] = Array.IndexOf(drivers[k], drivers[k].Max());
        }

        // Media: per channel a gamma adstock, a power saturation and a global flight calendar that markets share in part.
        var adstock = channels.Select(_ => Kernels.Gamma(draw.Uniform(1.5, 3), draw.Uniform(0.5, 4), AdstockLength)).ToArray();
        var saturation = channels.Select(_ => draw.Uniform(0.4, 0.85)).ToArray();
        var budget = channels.Select(_ => draw.Uniform(0.005, 0.02)).ToArray();
        var globalFlights = channels.Select(_ => Flights(draw, total)).ToArray();
        var directShare = channels.Select(_ => spec.DirectMedia ? draw.Uniform(0.01, 0.04) : 0).ToArray();

        // The hidden demand and the geo test draw from their own stream: the other worlds' draws stay as they were.
        var tested = Enumerable.Range(0, channels.Count).OrderByDescending(c => mainChannel.Count(x => x == c)).ThenBy(c => c).First();
        var extra = new Draw(seed ^ 0x6E0_7E57);
        var strength = spec.HiddenDemand ? extra.Uniform(0.05, 0.12) : 0;
        var demand = Enumerable.Range(0, total).Select(t => Math.Exp(strength * globalFlights[tested][t] / 3)).ToArray();
        var test = spec.GeoTest ? PlantTest(extra, codes.Select(c => c.Code).ToList(), tested, spec.Days) : null;
        var commonTrend = spec.GeoTest ? extra.Uniform(-0.1, 0.15) : 0;

        // The base: a season per hemisphere (three harmonics), weekday pattern, holiday effect, promotion effects.
        var seasonNorth = Enumerable.Range(0, 6).Select(_ => 0.07 * draw.Normal()).ToArray();
        var weekdayBase = Enumerable.Range(0, 7).Select(_ => 0.06 * draw.Normal()).ToArray();
        var persistence = draw.Uniform(spec.Persistence);
        var noise = draw.Uniform(spec.BaseNoise);
        var holidays = HolidayCalendar.For(codes, first.Year, end.Year).Select(h => (h.MarketCode, h.Date)).ToHashSet();

        var markets = new List<MarketSeries>();
        foreach (var market in codes)
        {
            var size = Math.Exp(draw.Uniform(Math.Log(40_000), Math.Log(400_000)));
            // A world with a geo test has matched markets, as a well-run test picks them: one season shape and one trend.
            var (amplitude, trend) = (draw.Uniform(0.6, 1.4), draw.Uniform(-0.1, 0.15));
            (amplitude, trend) = spec.GeoTest ? (1, commonTrend) : (amplitude, trend);
            var ownSeason = (0.02 * draw.Normal(), 0.02 * draw.Normal());
            var ownWeekday = Enumerable.Range(0, 7).Select(_ => 0.02 * draw.Normal()).ToArray();
            var holidayEffect = draw.Uniform(-0.1, 0.3);
            var shift = market.Hemisphere == Hemisphere.South && !spec.GeoTest ? 0.5 : 0;
            var (priceCut, competitor) = spec.Promotions ? Promotions(draw, total) : (new double[total], new bool[total]);
            var priceElasticity = draw.Uniform(1.2, 2.5);
            var competitorEffect = draw.Uniform(0.04, 0.12);
            var actionElasticity = draw.Uniform(1, 3);

            // Spend and what it does to actions (response ≈ 1 on average).
            var spend = new double[channels.Count][];
            double[]? untested = null;
            var response = new double[channels.Count][];
            var stockMean = new double[channels.Count];
            for (var c = 0; c < channels.Count; c++)
            {
                var local = Flights(draw, total);
                var alwaysOn = draw.Uniform(0.3, 0.8);
                spend[c] = new double[total];
                var treated = test is not null && c == test.Channel && test.TestMarkets.Contains(market.Code);

                // The test's markets hold their own flights over the test, its pre-period and a month around them (a
                // well-run test keeps other media steady where it measures); the brand's global flights go on.
                var held = test is not null && (test.TestMarkets.Contains(market.Code) || test.ControlMarkets.Contains(market.Code));
                for (var t = 0; t < total; t++)
                {
                    var quiet = held && t >= t0 + test!.From - 42 - 28 && t <= t0 + test.To + 28;
                    var flight = alwaysOn + (0.6 * globalFlights[c][t]) + (quiet ? 0 : 0.6 * local[t]);
                    spend[c][t] = size * budget[c] * flight * Math.Exp(0.1 * draw.Normal());
                }

                if (treated)
                {
                    untested = (double[])spend[c].Clone();
                    for (var t = t0 + test!.From; t <= t0 + test.To; t++)
                    {
                        spend[c][t] *= test.Multiplier;
                    }
                }

                var stock = Enumerable.Range(0, total).Select(t => Kernels.Convolve(adstock[c], spend[c], t)).ToArray();
                var mean = stock.Skip(t0).Average();
                stockMean[c] = mean;
                response[c] = [.. stock.Select(a => Math.Pow(a / mean, saturation[c]))];
            }

            var deterministic = new double[total];
            var direct = new double[total];
            var sales = new double[total];
            var actions = Enumerable.Range(0, types).Select(_ => new double[total]).ToArray();
            var mediaActions = Enumerable.Range(0, types).Select(_ => new double[total]).ToArray();
            var marketValues = value.Select(v => spec.ValuesVaryByMarket ? v * Math.Exp((0.25 * draw.Normal()) - 0.03125) : v).ToArray();
            var fluctuation = new double[types];
            var shock = noise * draw.Normal();
            for (var t = 0; t < total; t++)
            {
                var date = first.AddDays(t);
                var years = (t - (total / 2.0)) / 365.25;
                var angle = 2 * Math.PI * ((date.DayOfYear / 365.25) + shift);
                var wd = ((int)date.DayOfWeek + 6) % 7;
                var a = spec.Ablate;
                var logBase = Math.Log(size) + (a.Contains("trend") ? 0 : trend * years)
                    + (a.Contains("season") ? 0 : 1) * (amplitude * ((seasonNorth[0] * Math.Cos(angle)) + (seasonNorth[1] * Math.Sin(angle)) + (seasonNorth[2] * Math.Cos(2 * angle))
                        + (seasonNorth[3] * Math.Sin(2 * angle)) + (seasonNorth[4] * Math.Cos(3 * angle)) + (seasonNorth[5] * Math.Sin(3 * angle))))
                    + (a.Contains("season") ? 0 : 1) * ((ownSeason.Item1 * Math.Cos(angle)) + (ownSeason.Item2 * Math.Sin(angle)))
                    + (a.Contains("weekday") ? 0 : weekdayBase[wd] + ownWeekday[wd])
                    + (holidays.Contains((market.Code, date)) && !a.Contains("holiday") ? holidayEffect : 0)
                    + (priceElasticity * priceCut[t]) - (competitor[t] ? competitorEffect : 0);
                deterministic[t] = spec.HiddenDemand ? Math.Exp(logBase) * demand[t] : Math.Exp(logBase);
                shock = (persistence * shock) + (Math.Sqrt(1 - (persistence * persistence)) * noise * draw.Normal());

                // Actions of day t: organic and media-driven, some following the past week's sales.
                var pastWeek = t >= 7 ? sales.AsSpan(t - 7, 7).ToArray().Average() / size : 1;
                var pastTen = t >= 10 ? sales.AsSpan(t - 10, 10).ToArray().Average() / size : 1;
                for (var k = 0; k < types; k++)
                {
                    var key = WorldTypes.Keys[k];
                    var own = spec.SharedChannelPair && sharedPair.Contains(k) ? 0 : spec.ActionNoise;
                    fluctuation[k] = (0.8 * fluctuation[k]) + (0.6 * own * draw.Normal());
                    var mediaMix = drivers[k].Select((g, c) => g * response[c][t]).Sum();
                    var mix = organic[k] + ((1 - organic[k]) * mediaMix);
                    var typeSeason = (season[k].A1 * Math.Cos(angle)) + (season[k].B1 * Math.Sin(angle)) + (season[k].A2 * Math.Cos(2 * angle)) + (season[k].B2 * Math.Sin(2 * angle));
                    var log = typeSeason + weekday[k][wd] + fluctuation[k];
                    if (key is "coupon_download" or "add_to_cart")
                    {
                        log += (actionElasticity * priceCut[t]) + (key == "coupon_download" && competitor[t] ? 0.15 : 0);
                    }

                    var volume = share[k] * size / Mid(WorldTypes.ValueRange[key]);
                    var mean = volume * Math.Exp(log) * mix * (spec.HiddenDemand ? demand[t] : 1);
                    if (spec.Feedback && key is "newsletter_signup" or "recipe_download" or "loyalty_enrollment")
                    {
                        mean *= Math.Pow(pastWeek, 1.5);
                    }

                    var salesCaused = spec.SalesCausedReviews && key == "product_review";
                    if (salesCaused)
                    {
                        mean = volume * Math.Exp(log) * Math.Pow(pastTen, 2);
                    }

                    actions[k][t] = draw.Poisson(mean);
                    mediaActions[k][t] = salesCaused ? 0 : Math.Round(actions[k][t] * (1 - (organic[k] / mix)));
                }

                var worth = 0.0;
                for (var k = 0; k < types; k++)
                {
                    worth += marketValues[k] * Kernels.Convolve(kernels[k], actions[k], t);
                }

                direct[t] = size * directShare.Select((b, c) => b * response[c][t]).Sum();
                sales[t] = (deterministic[t] * Math.Exp(shock)) + worth + direct[t];
            }

            markets.Add(new MarketSeries
            {
                Code = market.Code, Hemisphere = market.Hemisphere, Size = size, Sales = sales, Deterministic = deterministic, Direct = direct,
                Spend = spend, Actions = actions, MediaActions = mediaActions, Values = marketValues,
                TrackedFrom = [.. Enumerable.Range(0, types).Select(_ => spec.Rollout ? RolloutStart(draw, spec.Days) : 0)],
                PriceCut = priceCut, CompetitorPromo = competitor, Response = response, StockMean = stockMean, UntestedSpend = untested,
            });
        }

        return new WorldSample
        {
            Spec = spec, Seed = seed, Start = start, Days = spec.Days, BurnIn = BurnIn, Channels = channels, MainChannel = mainChannel,
            Markets = markets, Kernels = kernels, Persistence = persistence,
            Media = new MediaParameters(adstock, saturation, directShare, organic, drivers), Test = test,
        };
    }

    /// <summary>Six weeks ending 120 to 180 days before the end, +60% or dark, 4 to 6 test markets and as many controls (half each in small worlds).</summary>
    private static GeoTest PlantTest(Draw draw, List<string> markets, int channel, int days)
    {
        var to = days - 1 - draw.Whole(120, 181);
        var shuffled = draw.Shuffle(markets).ToList();
        var size = Math.Min(draw.Whole(4, 7), shuffled.Count / 2);
        var multiplier = draw.Chance(0.5) ? 1.6 : 0;
        return new GeoTest(multiplier > 0 ? "world_heavy_up" : "world_go_dark", channel, to - 41, to,
            [.. shuffled.Take(size).Order(StringComparer.Ordinal)], [.. shuffled.Skip(size).Take(size).Order(StringComparer.Ordinal)], multiplier);
    }

    private static double Mid((double Low, double High) range) => (range.Low + range.High) / 2;

    /// <summary>Bursts of 1–6 weeks at 1–3 times the always-on level, separated by gaps of about a month.</summary>
    private static double[] Flights(Draw draw, int total)
    {
        var f = new double[total];
        var t = draw.Whole(0, 40);
        while (t < total)
        {
            var length = draw.Whole(7, 43);
            var intensity = draw.Uniform(1, 3);
            for (var d = t; d < Math.Min(total, t + length); d++)
            {
                f[d] = intensity;
            }

            t += length + (int)(-30 * Math.Log(1 - draw.Uniform(0, 0.99)));
        }

        return f;
    }

    /// <summary>Own price cuts of 8–25% for 5–14 days about every 45 days; competitor promotions of 7–21 days about every 60.</summary>
    private static (double[] PriceCut, bool[] Competitor) Promotions(Draw draw, int total)
    {
        var cut = new double[total];
        var competitor = new bool[total];
        for (var t = draw.Whole(0, 45); t < total; t += draw.Whole(25, 65))
        {
            var depth = draw.Uniform(0.08, 0.25);
            var end = Math.Min(total, t + draw.Whole(5, 15));
            for (var d = t; d < end; d++)
            {
                cut[d] = depth;
            }
        }

        for (var t = draw.Whole(0, 60); t < total; t += draw.Whole(35, 85))
        {
            var end = Math.Min(total, t + draw.Whole(7, 22));
            for (var d = t; d < end; d++)
            {
                competitor[d] = true;
            }
        }

        return (cut, competitor);
    }

    /// <summary>A market starts reporting a type between 90 days before the data and 60 days before its end; 1 in 10 never.</summary>
    private static int RolloutStart(Draw draw, int days) => draw.Chance(0.1) ? int.MaxValue : Math.Max(0, draw.Whole(-90, days - 60));
}

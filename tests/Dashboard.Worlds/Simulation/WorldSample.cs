using Dashboard.Domain.Reference;

namespace Dashboard.Worlds.Simulation;

/// <summary>The types every world has (keys of the default definitions).</summary>
public static class WorldTypes
{
    public static IReadOnlyList<string> Keys { get; } =
    [
        "newsletter_signup", "recipe_download", "coupon_download", "loyalty_enrollment", "sampling_request",
        "product_review", "social_follow", "add_to_cart", "scan_to_win",
    ];

    /// <summary>Range of each type's value in USD per action, when it has one.</summary>
    public static IReadOnlyDictionary<string, (double Low, double High)> ValueRange { get; } = new Dictionary<string, (double, double)>
    {
        ["newsletter_signup"] = (1.5, 5), ["recipe_download"] = (0.5, 2), ["coupon_download"] = (3, 9),
        ["loyalty_enrollment"] = (5, 15), ["sampling_request"] = (2, 6), ["product_review"] = (1, 4),
        ["social_follow"] = (0.2, 1), ["add_to_cart"] = (4, 12), ["scan_to_win"] = (1, 4),
    };

    public static int Index(string key) => Keys.ToList().IndexOf(key);
}

/// <summary>One market of a drawn world: everything the study needs, over the burn-in and the data days.</summary>
public sealed class MarketSeries
{
    public required string Code { get; init; }
    public required Hemisphere Hemisphere { get; init; }
    public required double Size { get; init; }

    /// <summary>[t] sales in USD.</summary>
    public required double[] Sales { get; init; }

    /// <summary>[t] the base's deterministic part (size, trend, seasons, weekday, holidays, context): what the oracle knows.</summary>
    public required double[] Deterministic { get; init; }

    /// <summary>[t] what spend added to sales directly (0 unless the world has a direct path).</summary>
    public required double[] Direct { get; init; }

    /// <summary>[channel][t] spend in USD.</summary>
    public required double[][] Spend { get; init; }

    /// <summary>[type][t] actions that happened (reported or not).</summary>
    public required double[][] Actions { get; init; }

    /// <summary>[type][t] of those, the part credited to the type's first channel (the rest is organic).</summary>
    public required double[][] MediaActions { get; init; }

    /// <summary>[type] first data day (index from the first data day) the market reports the type; int.MaxValue = never.</summary>
    public required int[] TrackedFrom { get; init; }

    /// <summary>[type] the market's value of one action in USD.</summary>
    public required double[] Values { get; init; }

    /// <summary>[t] own price cut as a fraction (0 = none), and whether a competitor promoted.</summary>
    public required double[] PriceCut { get; init; }

    public required bool[] CompetitorPromo { get; init; }

    /// <summary>[channel][t] the media response (adstock over its mean, to the saturation's power).</summary>
    public required double[][] Response { get; init; }

    /// <summary>[channel] the mean adstock over the data days: the response's normaliser.</summary>
    public required double[] StockMean { get; init; }

    /// <summary>A geo test market's spend on the tested channel had there been no test (null elsewhere).</summary>
    public double[]? UntestedSpend { get; init; }
}

/// <summary>
/// How spend acts (docs/worlds.md): per channel its adstock kernel, power saturation and direct share of sales; per type
/// its organic share and the weights of the channels that drive it.
/// </summary>
public sealed record MediaParameters(double[][] Adstock, double[] Saturation, double[] DirectShare, double[] Organic, double[][] Drivers);

/// <summary>
/// A geo test planted in a world: one channel's spend in the test markets × <see cref="Multiplier"/> (1.6 or 0, dark) on
/// data days <see cref="From"/>..<see cref="To"/>, the control markets untouched.
/// </summary>
public sealed record GeoTest(string Name, int Channel, int From, int To, IReadOnlyList<string> TestMarkets, IReadOnlyList<string> ControlMarkets, double Multiplier);

/// <summary>A drawn world: its markets' series, the parameters the truth and the oracle need, and the truth.</summary>
public sealed class WorldSample
{
    public required WorldSpec Spec { get; init; }
    public required int Seed { get; init; }
    public required DateOnly Start { get; init; }
    public required int Days { get; init; }

    /// <summary>Days simulated before the first data day, so lags and adstock are full from the start.</summary>
    public required int BurnIn { get; init; }

    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>[type] the channel its media actions are credited to.</summary>
    public required int[] MainChannel { get; init; }

    public required IReadOnlyList<MarketSeries> Markets { get; init; }

    /// <summary>[type] the lag kernel of its revenue.</summary>
    public required double[][] Kernels { get; init; }

    /// <summary>AR(1) coefficient of the base's log shock.</summary>
    public required double Persistence { get; init; }

    public required MediaParameters Media { get; init; }

    /// <summary>The world's geo test, when it has one.</summary>
    public GeoTest? Test { get; init; }

    public DateOnly End => Start.AddDays(Days - 1);

    /// <summary>Reported actions of a type in a market over the data days.</summary>
    public long ReportedVolume(int market, int type)
    {
        var m = Markets[market];
        long sum = 0;
        for (var d = Math.Max(0, m.TrackedFrom[type]); d < Days; d++)
        {
            sum += (long)m.Actions[type][BurnIn + d];
        }

        return sum;
    }

    /// <summary>The estimand per type: the reported-volume-weighted mean of the markets' values (null: never reported).</summary>
    public double? TrueValue(int type)
    {
        double volume = 0, worth = 0;
        for (var m = 0; m < Markets.Count; m++)
        {
            var v = ReportedVolume(m, type);
            volume += v;
            worth += v * Markets[m].Values[type];
        }

        return volume > 0 ? worth / volume : null;
    }

    /// <summary>Σ reported actions × the market's value over every type and market: the true engagement value.</summary>
    public double TrueEngagement()
    {
        var sum = 0.0;
        for (var m = 0; m < Markets.Count; m++)
        {
            for (var k = 0; k < WorldTypes.Keys.Count; k++)
            {
                sum += ReportedVolume(m, k) * Markets[m].Values[k];
            }
        }

        return sum;
    }
}

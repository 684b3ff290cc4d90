using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Planning;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The counterfactual "this spend set to 0" on one market, worked by hand: geometric carry-over λ = ½, Hill with
/// K = 1 and α = 1 (s(a) = a / (a + 1)), β = scale = season = 1. Spend is 2 a day (adstock 4 from the start), so
/// every day gives s(4) = 0.8 actions; removing day 1's spend leaves adstock 2, 3, 3.5, … = 4 − 2 · ½^(t − 1) on days
/// t ≥ 1, so day t loses 0.8 − (4 − 2 · ½^(t−1)) / (5 − 2 · ½^(t−1)) actions, until the carry-over's 14 days pass.
/// </summary>
public sealed class ChannelIncrementTests
{
    private static readonly HillCurve Curve = new(1, 0.5, 1, 1);

    private static double Lost(int t) => 0.8 - ((4 - (2 * Math.Pow(0.5, t - 1))) / (5 - (2 * Math.Pow(0.5, t - 1))));

    [Fact]
    public void Removing_one_days_spend_loses_its_carry_over_day_by_day()
    {
        Assert.Equal(14, Curve.TailDays);
        double[] spend = [.. Enumerable.Repeat(2.0, 16)];
        var (all, beyond) = ChannelIncrement.Gain(Curve, spend, 1, 1, 1 + Curve.TailDays, dataDays: 3, scale: 1, season: _ => 1);

        var expected = Enumerable.Range(1, 15).Sum(Lost);
        Assert.Equal(expected, all, 12);

        // Days 3.. fall after the data's last day (day 2).
        Assert.Equal(Enumerable.Range(3, 13).Sum(Lost), beyond, 12);
        Assert.Equal(0.8 - (2.0 / 3), Lost(1), 12);
    }

    [Fact]
    public void A_period_with_no_spend_adds_nothing_and_a_season_scales_what_it_adds()
    {
        double[] spend = [2, 2, 0, 0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2];
        Assert.Equal(0, ChannelIncrement.Gain(Curve, spend, 2, 3, 17, 21, 1, _ => 1).All, 12);

        double[] flat = [.. Enumerable.Repeat(2.0, 16)];
        var plain = ChannelIncrement.Gain(Curve, flat, 1, 1, 15, 16, 1, _ => 1).All;
        var doubled = ChannelIncrement.Gain(Curve, flat, 1, 1, 15, 16, 1, _ => 2).All;
        Assert.Equal(2 * plain, doubled, 12);
    }

    /// <summary>
    /// Taking away half of day 1's spend (a campaign's share of it) leaves adstock 3 on day 1 and 4 − ½^(t−1) after:
    /// day t loses 0.8 − a / (a + 1) of it; and taking all of it away is the period's own counterfactual.
    /// </summary>
    [Fact]
    public void Taking_away_part_of_a_days_spend_loses_the_carry_over_of_that_part()
    {
        double[] spend = [.. Enumerable.Repeat(2.0, 16)];
        double[] half = [.. spend.Select((x, t) => t == 1 ? 1.0 : x)];
        var (all, _) = ChannelIncrement.Gain(Curve, spend, half, 1, 15, 16, 1, _ => 1);

        static double Lost(int t) => 0.8 - ((4 - Math.Pow(0.5, t - 1)) / (5 - Math.Pow(0.5, t - 1)));
        Assert.Equal(Enumerable.Range(1, 15).Sum(Lost), all, 12);
        Assert.True(all < ChannelIncrement.Gain(Curve, spend, 1, 1, 15, 16, 1, _ => 1).All);

        double[] none = [.. spend.Select((x, t) => t == 1 ? 0.0 : x)];
        Assert.Equal(ChannelIncrement.Gain(Curve, spend, 1, 1, 15, 16, 1, _ => 1).All, ChannelIncrement.Gain(Curve, spend, none, 1, 15, 16, 1, _ => 1).All, 12);
    }
}

using Dashboard.Attribution.Journeys;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;
using static Dashboard.Attribution.Tests.JourneyFixture;

namespace Dashboard.Attribution.Tests;

public sealed class RuleBasedModelTests
{
    private static readonly DateRange March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
    private static readonly AttributionService Service = new(Build());

    private static AttributionResult Run(AttributionModel model, AccessScope? scope = null) =>
        Service.Run(new AttributionQuery { Range = March, Scope = scope ?? AccessScope.All, Model = model });

    private static (double Conversions, double Revenue) Of(AttributionResult result, string channel)
    {
        var row = result.Channels.Single(c => c.Channel == channel);
        return (row.Conversions, row.Revenue!.Value);
    }

    [Fact]
    public void Totals_count_each_purchase_in_march_once_with_revenue_in_usd()
    {
        var result = Run(AttributionModel.Linear);

        // J1, J2, J3, J4 and J5's two purchases; 100 + 40 + 50 EUR × 1.10 + 20 + 10 + 30 USD.
        Assert.Equal(6, result.Totals.Conversions);
        Assert.Equal(255, result.Totals.Revenue!.Value, 9);
        Assert.Equal(9, result.Totals.Paths); // six converting paths, J6's tail, J8 and J9
    }

    [Fact]
    public void First_touch_credits_the_first_touch_within_the_lookback()
    {
        var result = Run(AttributionModel.FirstTouch);

        Assert.Equal((2, 110), Of(result, "paid_social"));   // J1, J5's first path
        Assert.Equal((2, 70), Of(result, "email_crm"));      // J2, J5's second path
        Assert.Equal((1, 55), Of(result, "display"));        // J3
        Assert.Equal((1, 20), Of(result, "paid_search"));    // J4: its social touch is 40 days back
        Assert.Equal((0, 0), Of(result, "organic"));
    }

    [Fact]
    public void Last_touch_credits_the_purchase_row()
    {
        var result = Run(AttributionModel.LastTouch);

        Assert.Equal((3, 130), Of(result, "paid_search"));
        Assert.Equal((2, 70), Of(result, "email_crm"));
        Assert.Equal((1, 55), Of(result, "organic"));
        Assert.Equal((0, 0), Of(result, "paid_social"));
    }

    [Fact]
    public void Linear_gives_a_repeated_channel_one_share_per_touch()
    {
        var result = Run(AttributionModel.Linear);

        Assert.Equal(0.25 + 0.5, Of(result, "paid_social").Conversions, 12);
        Assert.Equal(0.25 + 1 + 1, Of(result, "email_crm").Conversions, 12);
        Assert.Equal(0.5 + 1 + 0.5, Of(result, "paid_search").Conversions, 12);
        Assert.Equal(0.5, Of(result, "display").Conversions, 12);
        Assert.Equal(0.5, Of(result, "organic").Conversions, 12);
        Assert.Equal((0.25 * 100) + (0.5 * 10), Of(result, "paid_social").Revenue, 9);
        Assert.Equal((0.5 * 100) + 20 + (0.5 * 10), Of(result, "paid_search").Revenue, 9);
    }

    [Fact]
    public void Position_based_gives_40_20_40_and_splits_two_touches_evenly()
    {
        var result = Run(AttributionModel.PositionBased);

        Assert.Equal(0.4 + 0.5, Of(result, "paid_social").Conversions, 12);
        Assert.Equal(0.1 + 1 + 1, Of(result, "email_crm").Conversions, 12);
        Assert.Equal(0.1 + 0.4 + 1 + 0.5, Of(result, "paid_search").Conversions, 12);
        Assert.Equal(0.5, Of(result, "display").Conversions, 12);
        Assert.Equal(0.5 * 55, Of(result, "organic").Revenue, 9);
    }

    [Fact]
    public void Time_decay_halves_a_touch_weight_every_seven_days_before_the_purchase()
    {
        var result = Run(AttributionModel.TimeDecay);

        static double W(double days) => Math.Pow(2, -days / 7);
        var j1 = W(6) + W(4) + W(1) + W(0);
        var j3 = W(0.5) + W(0);
        var j5a = W(1) + W(0);
        Assert.Equal((W(6) / j1) + (W(1) / j5a), Of(result, "paid_social").Conversions, 12);
        Assert.Equal((W(4) / j1) + 1 + 1, Of(result, "email_crm").Conversions, 12);
        Assert.Equal(((W(1) + W(0)) / j1) + 1 + (W(0) / j5a), Of(result, "paid_search").Conversions, 12);
        Assert.Equal(W(0.5) / j3, Of(result, "display").Conversions, 12);
        Assert.Equal(W(0) / j3 * 55, Of(result, "organic").Revenue, 9);
    }

    [Fact]
    public void A_market_outside_the_access_scope_contributes_nothing()
    {
        var result = Run(AttributionModel.LastTouch, AccessScope.Only(["US"]));

        Assert.Equal(5, result.Totals.Conversions);
        Assert.Equal(200, result.Totals.Revenue!.Value, 9);
        Assert.Equal((0, 0), Of(result, "organic"));
    }

    [Fact]
    public void Every_model_shares_out_exactly_the_conversions_and_revenue_of_the_scope()
    {
        var all = Service.Compare(new AttributionQuery { Range = March, Scope = AccessScope.All });

        Assert.Equal(AttributionModels.All, all.Select(r => r.Model));
        foreach (var result in all)
        {
            Assert.Equal(6, result.Channels.Sum(c => c.Conversions), 9);
            Assert.Equal(255, result.Channels.Sum(c => c.Revenue!.Value), 9);
        }
    }

    [Fact]
    public void Journey_measures_follow_the_hand_count()
    {
        var measures = JourneyMeasures.Run(Service.Snapshot, new AttributionQuery { Range = March, Scope = AccessScope.All });

        // With a micro-conversion: J1, J5 convert within 30 days, J6 does not; without: J2, J3 convert, J8, J9 do not
        // (J4's first touch is in February, J7's in April).
        Assert.Equal(3, measures.MicroToMacro.JourneysWithMicro);
        Assert.Equal(4, measures.MicroToMacro.JourneysWithoutMicro);
        Assert.Equal((2.0 / 3) / (2.0 / 4) - 1, measures.MicroToMacro.Lift!.Value, 12);
        Assert.Equal(2.0 / 6, measures.MicroEngagementRate!.Value, 12); // J1's and J5's second path hold a newsletter sign-up
        Assert.Equal(
            [new("none", "medium", 2), new("none", "high", 1), new("none", "purchase", 4), new("medium", "purchase", 2)],
            measures.IntentProgression);
    }
}

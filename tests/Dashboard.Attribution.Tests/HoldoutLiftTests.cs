using Dashboard.Attribution.Lift;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Tests;

public sealed class HoldoutLiftTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);

    /// <summary>Two test markets (A, B) and two controls (C, D); 14 test days from 3 March, so the pre-period is 17 Feb to 2 March.</summary>
    private static FactSnapshot Snapshot(Func<int, bool, int, double> revenuePerDay)
    {
        string[] codes = ["AA", "BB", "CC", "DD", "EE"];
        var reference = new ReferenceSet(
            [new("emea", "EMEA")],
            [.. codes.Select(c => new MarketRef(c, c, 0, "USD", Hemisphere.North))],
            [new("paid_social", "Paid social", true)],
            [new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce)],
            [""], [new("aurora", 0.4)], [""], ["USD"]);
        var sales = new SalesTableBuilder();
        var micro = new MicroConversionTableBuilder();
        for (var day = -14; day < 14; day++)
        {
            for (var m = 0; m < 4; m++)
            {
                var value = revenuePerDay(m, day >= 0, day);
                sales.Add(Start.AddDays(day), m, 0, 0, 1, 1, (long)Math.Round(value * 10_000), 0);
                micro.Add(Start.AddDays(day), m, 0, 0, 0, 0, (long)value);
            }
        }

        return new FactSnapshot
        {
            Reference = reference, MicroConversions = micro.Build(), Sales = sales.Build(), Spend = new SpendTableBuilder().Build(),
            Traffic = new TrafficTableBuilder().Build(), Fx = new FxRates(), Version = 1,
            HoldoutTests = [new HoldoutTestDefinition("geo_test", "paid_social", Start, Start.AddDays(13), ["AA", "BB"], ["CC", "DD"])],
        };
    }

    [Fact]
    public void Steady_groups_give_the_hand_computed_lift_and_incremental_with_a_point_interval()
    {
        // Test markets: 50 a day each before, 60 during; controls: 100 before, 105 during.
        var snapshot = Snapshot((m, testing, _) => m < 2 ? (testing ? 60 : 50) : (testing ? 105 : 100));

        var result = HoldoutLift.Run(snapshot, "geo_test", "revenue", AccessScope.All);

        // Sums over 14 days and 2 markets: test 1,400 → 1,680; control 2,800 → 2,940.
        Assert.Equal((1680.0 / 1400) / (2940.0 / 2800) - 1, result.Lift, 12);
        Assert.Equal(1680 - (1400 * 2940.0 / 2800), result.Incremental, 9);
        Assert.Equal(0.2, result.Sums.TestChange, 12);
        Assert.Equal(0.05, result.Sums.ControlChange, 12);
        Assert.Equal(result.Lift, result.Low, 12);   // every week is alike, so every resample is too
        Assert.Equal(result.Lift, result.High, 12);
        Assert.True(result.Significant);
        Assert.Equal(new DateOnly(2025, 2, 17), result.PreStart);
        Assert.Equal(new DateOnly(2025, 3, 2), result.PreEnd);
        Assert.Equal(28, result.Series.Count);
        Assert.Equal(100, result.Series[0].Test);
        Assert.Equal(210, result.Series[^1].Control);
    }

    [Fact]
    public void Groups_that_move_alike_show_no_lift_and_an_interval_around_zero()
    {
        // A shared weekly wave plus day-to-day noise of its own in every market; no treatment effect.
        var random = new Random(5);
        var noise = Enumerable.Range(0, 4 * 28).Select(_ => 0.1 * ((random.NextDouble() * 2) - 1)).ToArray();
        var snapshot = Snapshot((m, _, day) => (m < 2 ? 50 : 100) * (1 + (0.3 * Math.Sin(day * 0.9)) + noise[(m * 28) + day + 14]));

        var result = HoldoutLift.Run(snapshot, "geo_test", "revenue", AccessScope.All);

        Assert.InRange(result.Lift, -0.05, 0.05);
        Assert.InRange(0, result.Low, result.High);
        Assert.False(result.Significant);
    }

    [Fact]
    public void A_micro_conversion_can_be_the_outcome()
    {
        var snapshot = Snapshot((m, testing, _) => m < 2 ? (testing ? 12 : 10) : 20);

        var result = HoldoutLift.Run(snapshot, "geo_test", "coupon_download", AccessScope.All);

        Assert.Equal(0.2, result.Lift, 12);
        Assert.Equal(2 * 14 * 2, result.Incremental, 9);
        Assert.Null(result.Currency);
    }

    [Fact]
    public void A_user_who_would_learn_fewer_than_three_hidden_markets_is_refused()
    {
        var snapshot = Snapshot((_, _, _) => 10);

        var e = Assert.Throws<MetricsQueryException>(() => HoldoutLift.Run(snapshot, "geo_test", "revenue", AccessScope.Only(["AA", "BB"])));

        Assert.Contains("control group holds 2 market(s) outside your access", e.Message, StringComparison.Ordinal);
        Assert.Empty(HoldoutLift.Tests(snapshot, AccessScope.Only(["AA", "BB"])));
        Assert.Single(HoldoutLift.Tests(snapshot, AccessScope.All));
    }

    [Fact]
    public void An_unknown_test_or_outcome_names_the_known_ones()
    {
        var snapshot = Snapshot((_, _, _) => 10);

        var test = Assert.Throws<MetricsQueryException>(() => HoldoutLift.Run(snapshot, "geo", "revenue", AccessScope.All));
        var outcome = Assert.Throws<MetricsQueryException>(() => HoldoutLift.Run(snapshot, "geo_test", "coupons", AccessScope.All));

        Assert.Contains("known: geo_test", test.Message, StringComparison.Ordinal);
        Assert.Contains("known: coupon_download", outcome.Message, StringComparison.Ordinal);
    }
}

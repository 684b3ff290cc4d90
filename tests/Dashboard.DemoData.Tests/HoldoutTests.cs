using System.Globalization;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Tests;

/// <summary>The planted geo test: its design file, its true lift, and the treatment visible in spend.</summary>
public sealed class HoldoutTests(SmallDemoFixture demo)
{
    [Fact]
    public void Design_file_matches_the_truth()
    {
        var holdout = demo.Truth.Holdout;
        var rows = demo.Records(ImportKinds.HoldoutTests).ToArray();
        Assert.Equal(holdout.TestMarkets.Order(), rows.Where(r => r["group"] == "test").Select(r => r["market"]).Order());
        Assert.Equal(holdout.ControlMarkets.Order(), rows.Where(r => r["group"] == "control").Select(r => r["market"]).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal(holdout.Test, r["test"]);
            Assert.Equal(holdout.Start, DateOnly.Parse(r["start"], CultureInfo.InvariantCulture));
            Assert.Equal(holdout.End, DateOnly.Parse(r["end"], CultureInfo.InvariantCulture));
            Assert.Equal("paid_social", r["channel"]);
        });
        Assert.Equal(41, holdout.End.DayNumber - holdout.Start.DayNumber);
        Assert.True(holdout.End < demo.Options.EndDate.AddDays(-28));
    }

    [Fact]
    public void True_lift_is_positive_and_consistent()
    {
        var holdout = demo.Truth.Holdout;
        Assert.True(holdout.LiftTrue > 0);
        Assert.True(holdout.IncrementalRevenueUsd > 0);
        Assert.Equal(holdout.RevenueWithUsd / holdout.RevenueWithoutUsd - 1, holdout.LiftTrue, 12);
        Assert.Equal(holdout.RevenueWithUsd - holdout.RevenueWithoutUsd, holdout.IncrementalRevenueUsd, 3);
    }

    [Fact]
    public void Test_markets_spend_about_sixty_percent_more_on_the_channel_and_controls_do_not()
    {
        var holdout = demo.Truth.Holdout;
        var sums = new Dictionary<(string Group, bool InTest), double>();
        foreach (var row in demo.Records(ImportKinds.Spend))
        {
            if (row["channel"] != holdout.Channel)
            {
                continue;
            }

            var date = DateOnly.Parse(row["date"], CultureInfo.InvariantCulture);
            var inTest = date >= holdout.Start && date <= holdout.End;
            var inPre = date >= holdout.PreStart && date <= holdout.PreEnd;
            var group = holdout.TestMarkets.Contains(row["market"]) ? "test" : holdout.ControlMarkets.Contains(row["market"]) ? "control" : null;
            if (group is null || !(inTest || inPre))
            {
                continue;
            }

            Assert.Equal(string.Empty, row["campaign"]);
            sums[(group, inTest)] = sums.GetValueOrDefault((group, inTest)) + double.Parse(row["spend"], CultureInfo.InvariantCulture);
        }

        Assert.InRange(sums[("test", true)] / sums[("test", false)], 1.4, 1.8);
        Assert.InRange(sums[("control", true)] / sums[("control", false)], 0.85, 1.15);
    }
}

using Dashboard.Attribution.Incremental;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Data.Tests;

/// <summary>
/// Campaigns' incremental figures on the demo data's fitted model: each campaign's spend is the engine's for that
/// campaign and channel over the dates (two paths to the same money), and taking away one campaign's spend takes away
/// something, never more than taking away the whole channel's spend on the same dates does.
/// </summary>
public sealed class CampaignIncrementTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    [Fact]
    public void A_campaign_adds_part_of_its_channels_increment_on_the_spend_the_engine_counts()
    {
        var model = fixture.Planner.Model;
        var range = new DateRange(model.LastDay.AddDays(-90), model.LastDay);
        var campaigns = CampaignIncrement.Of(model, fixture.Snapshot, range.From, range.To, top: 50);
        Assert.True(campaigns.Count >= 5, $"{campaigns.Count} campaigns with figures");

        var engine = new MetricsEngine(fixture.Snapshot).Run(new MetricsQuery
        {
            Range = range, Measures = ["spend"], By = [Dimension.Campaign, Dimension.Channel], Scope = AccessScope.All, Currency = "USD",
        });
        var channels = ChannelIncrement.All(model, range.From, range.To).Channels.ToDictionary(c => c.Name);
        foreach (var c in campaigns)
        {
            var spend = engine.Rows.Where(r => r.Group[Dimension.Campaign] == c.Campaign
                    && model.Channels.Single(x => x.Name == c.ChannelName).Channel == r.Group[Dimension.Channel])
                .Sum(r => r.Values["spend"].Value ?? 0);
            Assert.Equal(spend, c.Figure.SpendUsd, spend * 1e-9);

            var channel = channels[c.ChannelName];
            Assert.True(channel.RevenueUsd.Value > 0, $"{c.ChannelName} adds {channel.RevenueUsd.Value:N0}");
            Assert.InRange(c.Figure.RevenueUsd.Value, double.Epsilon, channel.RevenueUsd.Value);
            Assert.True(c.Figure.RevenueUsd.Low <= c.Figure.RevenueUsd.Value && c.Figure.RevenueUsd.Value <= c.Figure.RevenueUsd.High);
        }

        // Listed by spend, most first.
        Assert.Equal(campaigns.OrderByDescending(c => c.Figure.SpendUsd).Select(c => c.Campaign), campaigns.Select(c => c.Campaign));
    }
}

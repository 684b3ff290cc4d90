using Dashboard.Domain.Imports;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Tests;

/// <summary>truth.json is consistent with the planted model family and with the files next to it.</summary>
public sealed class TruthTests(SmallDemoFixture demo)
{
    [Fact]
    public void Truth_file_matches_the_returned_truth()
    {
        Assert.Equal(demo.Result.RowCounts, demo.Truth.RowCounts);
        Assert.Equal(demo.Result.Truth.Holdout.LiftTrue, demo.Truth.Holdout.LiftTrue);
        Assert.Equal(demo.Options.EndDate, demo.Truth.Options.EndDate);
        Assert.Equal(demo.Options.FromDate, demo.Truth.Options.FromDate);
        Assert.Equal("USD", demo.Truth.ValueCurrency);
    }

    [Fact]
    public void Lag_kernel_sums_to_one_over_fifteen_days()
    {
        Assert.Equal(15, demo.Truth.LagKernel.Count);
        Assert.Equal(1.0, demo.Truth.LagKernel.Sum(), 9);
        Assert.All(demo.Truth.LagKernel, w => Assert.True(w > 0));
    }

    [Fact]
    public void Vanity_events_are_worth_exactly_zero_and_others_are_not()
    {
        Assert.Contains("social_follow", demo.Truth.VanityEvents);
        foreach (var e in demo.Truth.Events)
        {
            Assert.Equal(demo.Truth.VanityEvents.Contains(e.Event), e.IsVanity);
            Assert.Equal(e.IsVanity, e.ValueUsd == 0);
        }

        Assert.Equal(DefaultReferenceData.Definitions.Select(d => d.Key).Order(), demo.Truth.Events.Select(e => e.Event).Order());
    }

    [Fact]
    public void Channel_curves_are_in_the_planted_ranges()
    {
        var paid = DefaultReferenceData.Channels.Where(c => c.IsPaid).Select(c => c.Key).ToArray();
        Assert.Equal(paid, demo.Truth.Channels.Select(c => c.Channel));
        foreach (var c in demo.Truth.Channels)
        {
            Assert.InRange(c.AdstockLambda, 0.2, 0.7);
            Assert.True(c.AdstockLambda is >= 0 and < 1);
            Assert.InRange(c.HillAlpha, 1.0, 2.5);
            // K near the typical size-normalised adstock (spend / (1 - λ)).
            Assert.InRange(c.HillK / (c.TypicalSpendUsdPerSizeUnit / (1 - c.AdstockLambda)), 0.75, 1.3);
            Assert.Contains(demo.Truth.Caps, cap => cap.Channel == c.Channel);
        }
    }

    [Fact]
    public void Planted_increments_of_every_month_add_up_to_the_media_revenue_and_spend_the_simulation_realised()
    {
        // The fixture's three years are whole months: zeroing each channel in each month in turn removes, month by month,
        // every paid action's expected revenue. Their sum is the simulated media revenue (Poisson draws, not
        // expectations) but for three small parts: the draws' noise (over ~10^8 actions: < 0.1%), the burn-in's carry-in
        // (before the first month) and the months' borders, where one month's carry-over meets the next month's
        // saturation (second order): together within 1.5%.
        var months = demo.Truth.Incremental.Where(t => !t.Period.Contains("-Q", StringComparison.Ordinal)).ToList();
        Assert.Equal(36 * demo.Truth.Channels.Count, months.Count);
        Assert.Equal(demo.Truth.Options.FromDate, months.Min(t => t.From));
        Assert.Equal(demo.Truth.Options.EndDate, months.Max(t => t.To));
        Assert.Equal(demo.Truth.Summary.SpendUsd, months.Sum(t => t.SpendUsd), demo.Truth.Summary.SpendUsd * 1e-9);
        var added = months.Sum(t => t.IncrementalRevenueUsd);
        Assert.InRange(added / demo.Truth.Summary.MediaRevenueUsd, 0.985, 1.015);

        // A quarter spends what its months spend (what it added is not its months' sum: the Hill curve is not linear).
        foreach (var quarter in demo.Truth.Incremental.Where(t => t.Period.Contains("-Q", StringComparison.Ordinal)))
        {
            var parts = months.Where(t => t.Channel == quarter.Channel && t.From >= quarter.From && t.To <= quarter.To).ToList();
            Assert.Equal(3, parts.Count);
            Assert.Equal(quarter.SpendUsd, parts.Sum(t => t.SpendUsd), quarter.SpendUsd * 1e-9);
            Assert.Equal(quarter.IncrementalRevenueUsd / quarter.SpendUsd, quarter.IncrementalRoas, 12);
            Assert.Equal(quarter.To.AddDays(60) <= demo.Truth.Options.EndDate, quarter.CarryOverObserved);
        }
    }

    [Fact]
    public void Media_drives_a_meaningful_share_of_revenue()
    {
        Assert.InRange(demo.Truth.Summary.MediaRevenueShare, 0.10, 0.30);
    }

    [Fact]
    public void Every_campaign_in_spend_and_micro_conversions_is_in_campaigns_csv()
    {
        var campaigns = demo.Records(ImportKinds.Campaigns).ToDictionary(r => r["campaign"]);
        Assert.Equal(demo.Truth.Campaigns.Select(c => c.Campaign).Order(), campaigns.Keys.Order());
        var inSpend = demo.Records(ImportKinds.Spend).Where(r => r["campaign"].Length > 0).ToArray();
        Assert.NotEmpty(inSpend);
        foreach (var row in inSpend)
        {
            Assert.True(campaigns.TryGetValue(row["campaign"], out var campaign), row["campaign"]);
            Assert.Equal(campaign["channel"], row["channel"]);
            Assert.InRange(string.CompareOrdinal(row["date"], campaign["start"]), 0, int.MaxValue);
            Assert.InRange(string.CompareOrdinal(row["date"], campaign["end"]), int.MinValue, 0);
        }

        Assert.All(
            demo.Records(ImportKinds.MicroConversions).Where(r => r["campaign"].Length > 0),
            r => Assert.True(campaigns.ContainsKey(r["campaign"]), r["campaign"]));
    }

    [Fact]
    public void A_channels_day_is_booked_under_one_campaign_or_always_on_never_both()
    {
        var groups = demo.Records(ImportKinds.Spend).GroupBy(r => (r["date"], r["market"], r["channel"]));
        Assert.All(groups, g => Assert.Single(g));
    }

    [Fact]
    public void Counts_are_never_negative_and_zero_rows_only_for_tracked_events()
    {
        var adoption = demo.Truth.Rollout.ToDictionary(r => (r.Market, r.Event), r => r.AdoptionDate);
        var aliases = DefaultReferenceData.Aliases.ToDictionary(a => (a.MarketCode, a.Alias), a => a.DefinitionKey);
        foreach (var row in demo.Records(ImportKinds.MicroConversions))
        {
            Assert.True(long.Parse(row["count"], System.Globalization.CultureInfo.InvariantCulture) >= 0);
            var e = aliases.GetValueOrDefault((row["market"], row["event"]), row["event"]);
            var adopted = adoption[(row["market"], e)];
            Assert.NotNull(adopted);
            Assert.True(string.CompareOrdinal(row["date"], adopted.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0, $"{row["market"]} {e} reported before adoption");
        }
    }
}

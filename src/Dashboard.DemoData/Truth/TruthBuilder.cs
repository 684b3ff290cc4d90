using Dashboard.DemoData.World;
using Dashboard.DemoData.Writers;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Truth;

/// <summary>Collects the planted parameters and the simulation's outcomes into the truth records.</summary>
internal static class TruthBuilder
{
    /// <summary>Days after a period by which its carry-over is spent (adstock λ ≤ 0.7 and the 14-day lag: under 0.1% left).</summary>
    private const int CarryOverDays = 60;

    public static DemoTruth Build(
        DemoWorld world,
        IReadOnlyList<MarketOutcome> outcomes,
        IReadOnlyList<AliasUse> aliases,
        JourneysOutcome journeys,
        IReadOnlyDictionary<string, long> rowCounts)
    {
        var options = new TruthOptions(world.From, world.To, world.Options.Years, world.Options.Size, world.Seed, DemoWorld.BurnInDays);
        var channels = world.Curves.Select(c => new ChannelTruth(
            c.Channel, c.Lambda, c.HalfSaturation, c.Alpha, c.Spec.SpendUsdPerSizeUnit,
            c.Spec.Caps.Sum(x => x.Cap * MediaSpecs.ValueUsd[x.Event]))).ToArray();
        var caps = world.Curves.SelectMany(c => c.Spec.Caps.Select(x => new CapTruth(c.Channel, x.Event, x.Cap))).ToArray();
        var events = world.Events.Select(e => new EventTruth(e, MediaSpecs.ValueUsd[e], MediaSpecs.VanityEvents.Contains(e), MediaSpecs.OrganicPerSizeUnit[e])).ToArray();
        ContextEffectTruth[] context =
        [
            new(ContextEffects.CompetitorPromo, ContextEffects.CompetitorPromoFactor, null, "Base revenue × factor on each promotion day; value = the promotion's depth"),
            new(ContextEffects.PriceChange, null, ContextEffects.PriceChangeRevenueElasticity, "Base revenue × (1 + elasticity × value) while the change runs; value = relative price change"),
            new(ContextEffects.Holiday, ContextEffects.HolidayFactor, null, "Base revenue and in-store actions × factor on the market's holidays; digital actions × 1.10"),
            new(ContextEffects.StockOut, ContextEffects.StockOutFactor, null, "Base revenue × factor on each stock-out day"),
        ];
        var markets = world.Markets.Select(m => new MarketTruth(
            m.Code, m.Currency, m.Market.Hemisphere.ToKey(), m.Size, m.BaseRevenueUsdPerDay, m.AverageOrderUsd, m.AnnualGrowth,
            m.ChannelMix, m.ReportsNonPurchaseSessions, m.LeavesSourceEmpty)).ToArray();
        var shares = world.Events.Select((e, i) => new RolloutShareTruth(e, world.Rollout.StartShares[i], world.Rollout.EndShares[i])).ToArray();
        var rollout = world.Markets
            .SelectMany(m => world.Events.Select((e, i) =>
            {
                var day = world.Rollout.AdoptionDay(m.Index, i);
                return new RolloutTruth(m.Code, e, day == RolloutPlan.Never ? null : world.From.AddDays(day));
            }))
            .ToArray();
        var campaigns = world.Campaigns.All.Select(f => new CampaignTruth(
            f.Key, f.Channel, f.Start, f.End, f.SpendMultiplier, f.IsAlwaysOn,
            [.. world.Markets.Where(m => world.Campaigns.Joins(m.Index, f)).Select(m => m.Code)])).ToArray();

        var holdout = world.Holdout;
        var with = outcomes.Sum(o => o.TestPeriodRevenueWithUsd);
        var without = outcomes.Sum(o => o.TestPeriodRevenueWithoutUsd);
        var holdoutTruth = new HoldoutTruth(
            holdout.Name, holdout.Channel, holdout.Start, holdout.End, holdout.PreStart, holdout.Start.AddDays(-1),
            holdout.TestMarkets, holdout.ControlMarkets, holdout.TreatmentMultiplier,
            LiftTrue: with / without - 1, IncrementalRevenueUsd: with - without, with, without);

        var journeyTruth = new JourneyTruth(
            journeys.Journeys, journeys.Conversions, journeys.NoConsentJourneys, JourneyModel.BaseConversionOdds, JourneyModel.MicroEventOddsMultiplier,
            [.. JourneyModel.OddsMultiplier.Select(kv => new JourneyChannelTruth(kv.Key, kv.Value))],
            [.. journeys.Duplicates.Select(d => new DuplicateJourneyTruth(d.Id, d.Markets))]);

        var revenue = outcomes.Sum(o => o.RevenueUsd);
        var media = outcomes.Sum(o => o.MediaRevenueUsd);
        var summary = new SummaryTruth(revenue, media, outcomes.Sum(o => o.OrganicActionRevenueUsd), media / revenue, outcomes.Sum(o => o.SpendUsd));

        var periods = TruthPeriod.Within(world.From, world.To);
        var incremental = periods.SelectMany((period, p) => world.Curves.Select(curve =>
        {
            var spend = outcomes.Sum(o => o.PeriodSpendUsd[curve.Index][p]);
            var added = outcomes.Sum(o => o.PeriodIncrementUsd[curve.Index][p]);
            return new IncrementTruth(curve.Channel, period.Key, period.From, period.To, spend, added, spend > 0 ? added / spend : 0,
                period.To.AddDays(CarryOverDays) <= world.To);
        })).ToArray();

        return new DemoTruth(
            options, "USD", channels, caps, events, world.LagKernel, MediaSpecs.VanityEvents, MediaSpecs.VanityFollowsPerRevenueUsd,
            context, markets, shares, rollout, [.. aliases.Select(a => new AliasTruth(a.Market, a.Alias, a.Event, a.From))], campaigns, holdoutTruth, journeyTruth, summary, incremental, rowCounts);
    }
}

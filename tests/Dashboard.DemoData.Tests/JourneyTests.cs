using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Tests;

/// <summary>Journeys: purchases carry money, consent is per journey, and the planted duplicates are there.</summary>
public sealed class JourneyTests(SmallDemoFixture demo)
{
    [Fact]
    public void Purchase_rows_have_revenue_and_currency_and_other_rows_do_not()
    {
        var purchases = 0;
        foreach (var row in demo.Records(ImportKinds.Journeys))
        {
            var isPurchase = row["event"] == "purchase";
            Assert.Equal(isPurchase, row["revenue"].Length > 0);
            Assert.Equal(isPurchase, row["currency"].Length > 0);
            purchases += isPurchase ? 1 : 0;
        }

        Assert.InRange(purchases, 1000, 20_000);
    }

    [Fact]
    public void Consent_is_false_for_whole_journeys_only()
    {
        var consentById = demo.Records(ImportKinds.Journeys)
            .GroupBy(r => (r["journey_id"], r["market"]))
            .Select(g => g.Select(r => r["consent"]).Distinct().ToArray())
            .ToArray();
        Assert.All(consentById, values => Assert.Single(values));
        var share = consentById.Count(v => v[0] == "false") / (double)consentById.Length;
        Assert.InRange(share, 0.01, 0.06);
    }

    [Fact]
    public void Planted_cross_market_duplicates_are_exactly_the_ids_seen_in_two_markets()
    {
        var marketsById = demo.Records(ImportKinds.Journeys)
            .GroupBy(r => r["journey_id"])
            .Where(g => g.Select(r => r["market"]).Distinct().Count() > 1)
            .ToDictionary(g => g.Key, g => g.Select(r => r["market"]).Distinct().Order().ToArray());
        var planted = demo.Truth.Journeys.CrossMarketDuplicates;
        Assert.NotEmpty(planted);
        Assert.Equal(planted.Select(d => d.JourneyId).Order(), marketsById.Keys.Order());
        Assert.All(planted, d => Assert.Equal(d.Markets.Order(), marketsById[d.JourneyId]));
    }

    [Fact]
    public void Journeys_have_one_to_eight_touches_before_a_purchase()
    {
        var touches = demo.Records(ImportKinds.Journeys)
            .GroupBy(r => (r["journey_id"], r["market"]))
            .Select(g => g.TakeWhile(r => r["event"] != "purchase").Count())
            .ToArray();
        Assert.Equal(1, touches.Min());
        Assert.Equal(8, touches.Max());
    }
}

using Dashboard.Domain.Imports;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.Tests;

/// <summary>The share of markets reporting each definition rises from about 20% to about 85% (DATA.md "Demo data").</summary>
public sealed class RolloutTests(SmallDemoFixture demo)
{
    [Fact]
    public void Share_of_reporting_markets_rises_from_a_fifth_to_most()
    {
        var aliases = DefaultReferenceData.Aliases.ToDictionary(a => (a.MarketCode, a.Alias), a => a.DefinitionKey);
        var firstMonthEnd = demo.Options.FromDate.AddDays(29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var lastMonthStart = demo.Options.EndDate.AddDays(-29).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var early = new HashSet<(string Market, string Event)>();
        var late = new HashSet<(string Market, string Event)>();
        foreach (var row in demo.Records(ImportKinds.MicroConversions))
        {
            var key = (row["market"], aliases.GetValueOrDefault((row["market"], row["event"]), row["event"]));
            if (string.CompareOrdinal(row["date"], firstMonthEnd) <= 0)
            {
                early.Add(key);
            }
            else if (string.CompareOrdinal(row["date"], lastMonthStart) >= 0)
            {
                late.Add(key);
            }
        }

        var markets = DefaultReferenceData.Markets.Count;
        var events = DefaultReferenceData.Definitions.Select(d => d.Key).ToArray();
        var earlyShare = events.Average(e => early.Count(k => k.Event == e) / (double)markets);
        var lateShare = events.Average(e => late.Count(k => k.Event == e) / (double)markets);
        Assert.InRange(earlyShare, 0.1, 0.3);
        Assert.InRange(lateShare, 0.75, 0.95);
        Assert.All(events, e => Assert.True(late.Count(k => k.Event == e) > early.Count(k => k.Event == e), e));
    }
}

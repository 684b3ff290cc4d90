using System.Globalization;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Tests.Engine;

/// <summary>
/// The micro-conversion pass reads only the columns a query needs and splits long slices over the cores. On
/// 800,000 random rows (long enough to be split) each answer must equal a plain LINQ group-by over the same rows.
/// </summary>
public sealed class MicroAggregatorTests
{
    private const int Rows = 800_000;
    private static readonly DateOnly First = new(2025, 1, 1);
    private static readonly string[] MarketCodes = ["DE", "FR", "GB", "US", "CA", "BR"];
    private static readonly int[] MarketRegion = [0, 0, 0, 1, 1, 2];
    private static readonly string[] ChannelKeys = ["paid_social", "paid_search", "display", "organic"];
    private static readonly string[] CampaignKeys = ["", "spring", "summer"];
    private static readonly string[] EventKeys = ["newsletter_signup", "coupon_download", "loyalty_enrolment", "product_review", "store_locator"];

    private static readonly List<Row> Facts = MakeRows();
    private static readonly MetricsEngine Engine = new(MakeSnapshot(Facts));

    private sealed record Row(DateOnly Day, int Market, int Channel, int Campaign, int Event, int Source, int Actions);

    [Fact]
    public void Market_by_event_over_every_row_equals_a_plain_group_by()
    {
        var answer = Engine.Run(Query(new DateRange(First, First.AddDays(89)), [Dimension.Market, Dimension.Event]));
        var expected = Facts.GroupBy(r => (MarketCodes[r.Market], EventKeys[r.Event])).ToDictionary(g => g.Key, g => (double)g.Sum(r => (long)r.Actions));

        var actual = answer.Rows.ToDictionary(r => (r.Group[Dimension.Market], r.Group[Dimension.Event]), r => r.Values["micro_conversions"].Value);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (key, sum) in expected)
        {
            Assert.Equal(sum, actual[key]);
        }

        Assert.Equal(Facts.Sum(r => (long)r.Actions), answer.Totals.Values["micro_conversions"].Value);
    }

    [Fact]
    public void Weeks_of_two_channels_within_a_scope_equal_a_plain_group_by()
    {
        var range = new DateRange(new DateOnly(2025, 1, 6), new DateOnly(2025, 3, 2));
        var query = Query(range, [Dimension.Week]) with
        {
            Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Channel] = ["paid_social", "display"] },
            Scope = AccessScope.Only(["DE", "US", "BR"]),
        };
        var answer = Engine.Run(query);

        var inScope = new HashSet<int> { 0, 3, 5 };
        var expected = Facts
            .Where(r => r.Day >= range.From && r.Day <= range.To && inScope.Contains(r.Market) && (r.Channel == 0 || r.Channel == 2))
            .GroupBy(r => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(r.Day.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(r.Day.ToDateTime(TimeOnly.MinValue)):00}"))
            .ToDictionary(g => g.Key, g => (double)g.Sum(r => (long)r.Actions));

        Assert.Equal(8, answer.Rows.Count);
        foreach (var row in answer.Rows)
        {
            Assert.Equal(expected[row.Group[Dimension.Week]], row.Values["micro_conversions"].Value);
        }
    }

    [Fact]
    public void Source_by_campaign_for_one_event_equals_a_plain_group_by()
    {
        var range = new DateRange(First.AddDays(10), First.AddDays(70));
        var query = Query(range, [Dimension.Source, Dimension.Campaign]) with
        {
            Filters = new Dictionary<Dimension, IReadOnlyList<string>> { [Dimension.Event] = ["coupon_download"] },
        };
        var answer = Engine.Run(query);

        var expected = Facts
            .Where(r => r.Day >= range.From && r.Day <= range.To && r.Event == 1)
            .GroupBy(r => (((SourceSystem)r.Source).ToKey(), CampaignKeys[r.Campaign]))
            .ToDictionary(g => g.Key, g => (double)g.Sum(r => (long)r.Actions));
        Assert.Equal(expected.Count, answer.Rows.Count);
        foreach (var row in answer.Rows)
        {
            Assert.Equal(expected[(row.Group[Dimension.Source], row.Group[Dimension.Campaign])], row.Values["micro_conversions"].Value);
        }
    }

    private static MetricsQuery Query(DateRange range, IReadOnlyList<Dimension> by) =>
        new() { Range = range, Measures = ["micro_conversions"], By = by, Scope = AccessScope.All };

    private static List<Row> MakeRows()
    {
        // Fixed seed: the same rows every run. Rows are not in day order, as a table scan may return them.
        var random = new Random(20251129);
        var rows = new List<Row>(Rows);
        for (var i = 0; i < Rows; i++)
        {
            rows.Add(new Row(First.AddDays(random.Next(90)), random.Next(MarketCodes.Length), random.Next(ChannelKeys.Length),
                random.Next(CampaignKeys.Length), random.Next(EventKeys.Length), random.Next(4), random.Next(0, 500)));
        }

        return rows;
    }

    private static FactSnapshot MakeSnapshot(List<Row> rows)
    {
        var reference = new ReferenceSet(
            [new("emea", "EMEA"), new("north_america", "North America"), new("latam", "Latin America")],
            [.. MarketCodes.Select((code, i) => new MarketRef(code, code, MarketRegion[i], "USD", Hemisphere.North))],
            [.. ChannelKeys.Select(key => new ChannelRef(key, key, key != "organic"))],
            [.. EventKeys.Select(key => new EventRef(key, key, Category.DigitalEngagement, IntentGroup.Medium, SourceSystem.Crm))],
            CampaignKeys,
            [new("aurora", 0.4)],
            [""],
            ["USD"]);
        var micro = new MicroConversionTableBuilder();
        foreach (var r in rows)
        {
            micro.Add(r.Day, r.Market, r.Channel, r.Campaign, r.Event, r.Source, r.Actions);
        }

        return new FactSnapshot
        {
            Reference = reference, MicroConversions = micro.Build(), Sales = new SalesTableBuilder().Build(), Spend = new SpendTableBuilder().Build(),
            Traffic = new TrafficTableBuilder().Build(), Fx = new FxRates(), Version = 1,
        };
    }
}

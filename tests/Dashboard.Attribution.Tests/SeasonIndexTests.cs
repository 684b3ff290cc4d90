using Dashboard.Attribution.Planning;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The curves' season index comes from organic micro-conversions. A type whose tracking starts part-way through the
/// data adds counts from that day on: the index must not read that step as season (it did, and every channel's recent
/// figures came out high on the demo, whose types roll out month by month).
/// </summary>
public sealed class SeasonIndexTests
{
    private static readonly DateOnly First = new(2025, 1, 1);

    private const int Days = 400;

    /// <summary>The planted season: a yearly wave, mean about 1.</summary>
    private static double Wave(int t) => 1 + (0.2 * Math.Sin(2 * Math.PI * t / 365.25));

    [Fact]
    public void A_type_first_reported_later_adds_no_step_and_the_index_is_the_planted_season_smoothed()
    {
        // Organic counts: loyalty 100 × season from the first day; coupons 300 × season from day 200 (its tracking starts
        // then: three times the first type's volume, so a summed series would jump to four times its level).
        var reference = new ReferenceSet(
            [new("emea", "EMEA")],
            [new MarketRef("AA", "AA", 0, "USD", Hemisphere.North)],
            [new("paid_social", "Paid social", true), new("organic", "Organic", false)],
            [new("loyalty_enrollment", "Loyalty", Category.DigitalEngagement, IntentGroup.High, SourceSystem.Crm),
             new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce)],
            [""], [new("aurora", 0.4)], [""], ["USD"]);
        var micro = new MicroConversionTableBuilder();
        var spend = new SpendTableBuilder();
        for (var t = 0; t < Days; t++)
        {
            var day = First.AddDays(t);
            micro.Add(day, 0, 1, 0, 0, 0, (long)Math.Round(100_000 * Wave(t)));
            if (t >= 200)
            {
                micro.Add(day, 0, 1, 0, 1, 0, (long)Math.Round(300_000 * Wave(t)));
            }

            spend.Add(day, 0, 0, 0, 1_000 * 10_000L, 0);
        }

        var snapshot = new FactSnapshot
        {
            Reference = reference, MicroConversions = micro.Build(), Sales = new SalesTableBuilder().Build(), Spend = spend.Build(),
            Traffic = new TrafficTableBuilder().Build(), Fx = new FxRates(), Version = 1,
        };

        var season = PlanningData.Build(snapshot, AccessScope.All, new List<string>()).Season(0);

        // By hand: the planted wave's mean over the centred 28-day window (cut at the data's ends), scaled to mean 1.
        var smoothed = Enumerable.Range(0, Days).Select(t =>
        {
            var (from, to) = (Math.Max(0, t - 14), Math.Min(Days, t + 14));
            return Enumerable.Range(from, to - from).Average(Wave);
        }).ToArray();
        var mean = smoothed.Average();
        var worst = Enumerable.Range(0, Days).MaxBy(t => Math.Abs(season[t] - (smoothed[t] / mean)));
        Assert.True(Math.Abs(season[worst] - (smoothed[worst] / mean)) < 1e-4,
            FormattableString.Invariant($"day {worst}: index {season[worst]:0.00000}, planted season smoothed {smoothed[worst] / mean:0.00000}"));
    }
}

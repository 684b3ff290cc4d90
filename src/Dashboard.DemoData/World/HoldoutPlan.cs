using System.Globalization;
using Dashboard.DemoData.Randomness;

namespace Dashboard.DemoData.World;

/// <summary>
/// The planted geo holdout test: six weeks of +60% paid social in four EMEA markets against four
/// controls, ending eight weeks before the end date. Media and context are held steady in all
/// eight markets over the quiet window (pre-period and test, plus carry-over margins).
/// </summary>
internal sealed record HoldoutPlan(
    string Name,
    string Channel,
    DateOnly Start,
    DateOnly End,
    DateOnly PreStart,
    IReadOnlyList<string> TestMarkets,
    IReadOnlyList<string> ControlMarkets,
    double TreatmentMultiplier)
{
    public const int WeeksLong = 6;

    public DateOnly QuietFrom => PreStart.AddDays(-(MediaSpecs.MaxLag + 14));

    public DateOnly QuietTo => End.AddDays(MediaSpecs.MaxLag);

    public bool IsTest(string market) => TestMarkets.Contains(market, StringComparer.Ordinal);

    public bool InHoldout(string market) => IsTest(market) || ControlMarkets.Contains(market, StringComparer.Ordinal);

    public bool InTest(DateOnly date) => date >= Start && date <= End;

    public bool OverlapsQuietWindow(DateOnly from, DateOnly to) => from <= QuietTo && to >= QuietFrom;

    public static HoldoutPlan Create(int seed, DateOnly endDate)
    {
        // End on the Sunday at least eight weeks before the end date; start on a Monday.
        var end = endDate.AddDays(-56);
        while (end.DayOfWeek != DayOfWeek.Sunday)
        {
            end = end.AddDays(-1);
        }

        var start = end.AddDays(-((7 * WeeksLong) - 1));
        var candidates = new List<string> { "GB", "DE", "FR", "ES", "IT", "NL", "PL", "SE" };
        SeedDerivation.Stream(seed, "holdout").Shuffle(candidates);
        var test = candidates.Take(4).Order(StringComparer.Ordinal).ToArray();
        var control = candidates.Skip(4).Order(StringComparer.Ordinal).ToArray();
        var name = string.Create(CultureInfo.InvariantCulture, $"geo_lift_paid_social_{start.Year}");
        return new HoldoutPlan(name, "paid_social", start, end, start.AddDays(-7 * WeeksLong), test, control, 1.6);
    }
}

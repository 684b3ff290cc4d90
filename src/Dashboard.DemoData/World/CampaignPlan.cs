using System.Globalization;
using Dashboard.DemoData.Randomness;

namespace Dashboard.DemoData.World;

/// <summary>
/// Campaign flights: per paid channel and calendar year 2–4 flights, one per slot of the year so
/// a channel's flights never overlap and start in distinct months (which keeps theme keys unique).
/// Each market joins a flight with probability 0.8, except holdout markets near the test.
/// The large size adds twelve always-on campaigns per channel that share every day's base spend.
/// </summary>
internal sealed class CampaignPlan
{
    private static readonly string[] ThemeByMonth =
    [
        "new_year_kickoff", "winter_warmers", "spring_refresh", "easter_treats", "garden_party", "summer_splash",
        "sunny_days", "back_to_school", "harvest_fest", "autumn_cosy", "black_friday", "holiday_cheer",
    ];

    private static readonly (string Variant, string Objective)[] AlwaysOnVariants =
    [
        ("prospecting", "awareness"), ("retargeting", "conversion"), ("brand", "awareness"),
        ("performance", "conversion"), ("loyalty", "engagement"), ("local", "engagement"),
        ("lookalike", "conversion"), ("reactivation", "conversion"), ("seasonal", "awareness"),
        ("community", "engagement"), ("promo", "conversion"), ("upsell", "conversion"),
    ];

    private readonly bool[][] joins;

    private CampaignPlan(IReadOnlyList<Flight> flights, IReadOnlyList<Flight> alwaysOn, bool[][] joins)
    {
        Flights = flights;
        AlwaysOn = alwaysOn;
        this.joins = joins;
    }

    public IReadOnlyList<Flight> Flights { get; }

    /// <summary>Always-on campaigns (large size only), grouped by channel index in <see cref="AlwaysOnFor"/>.</summary>
    public IReadOnlyList<Flight> AlwaysOn { get; }

    public IEnumerable<Flight> All => Flights.Concat(AlwaysOn);

    public bool Joins(int marketIndex, Flight flight) => joins[marketIndex][flight.Index];

    public IReadOnlyList<Flight> AlwaysOnFor(int channelIndex) => [.. AlwaysOn.Where(f => f.ChannelIndex == channelIndex)];

    public static CampaignPlan Create(int seed, DateOnly from, DateOnly to, bool withAlwaysOn, IReadOnlyList<MarketProfile> markets, HoldoutPlan holdout)
    {
        var flights = new List<Flight>();
        var channels = MediaSpecs.PaidChannels;
        for (var c = 0; c < channels.Count; c++)
        {
            var spec = channels[c];
            for (var year = from.Year; year <= to.Year; year++)
            {
                var random = SeedDerivation.Stream(seed, "flights", spec.Channel, year.ToString(CultureInfo.InvariantCulture));
                var count = random.NextInt(2, 5);
                var slotMonths = 12 / count;
                for (var slot = 0; slot < count; slot++)
                {
                    var slotStart = new DateOnly(year, 1 + (slot * slotMonths), 1);
                    var slotEnd = slotStart.AddMonths(slotMonths).AddDays(-1);
                    var length = random.NextInt(14, 43);
                    var latestStart = slotEnd.AddDays(-(length - 1));
                    var span = latestStart.DayNumber - slotStart.DayNumber;
                    var start = slotStart.AddDays(random.NextInt(0, span + 1));
                    var end = start.AddDays(length - 1);
                    var multiplier = Math.Round(random.Uniform(1.5, 2.5), 2);
                    if (start < from || end > to)
                    {
                        continue;
                    }

                    var theme = ThemeByMonth[start.Month - 1];
                    var key = string.Create(CultureInfo.InvariantCulture, $"{theme}_{year}_{spec.Channel}");
                    var name = string.Create(CultureInfo.InvariantCulture, $"{Title(theme)} {year} ({spec.Channel.Replace('_', ' ')})");
                    flights.Add(new Flight(flights.Count, key, name, c, spec.Channel, start, end, spec.Objective, multiplier, IsAlwaysOn: false));
                }
            }
        }

        var alwaysOn = new List<Flight>();
        if (withAlwaysOn)
        {
            for (var c = 0; c < channels.Count; c++)
            {
                foreach (var (variant, objective) in AlwaysOnVariants)
                {
                    var key = string.Create(CultureInfo.InvariantCulture, $"always_on_{variant}_{channels[c].Channel}");
                    var name = string.Create(CultureInfo.InvariantCulture, $"Always-on {variant} ({channels[c].Channel.Replace('_', ' ')})");
                    alwaysOn.Add(new Flight(flights.Count + alwaysOn.Count, key, name, c, channels[c].Channel, from, to, objective, 1.0, IsAlwaysOn: true));
                }
            }
        }

        var joins = new bool[markets.Count][];
        foreach (var market in markets)
        {
            var random = SeedDerivation.Stream(seed, "flight_joins", market.Code);
            var row = new bool[flights.Count + alwaysOn.Count];
            foreach (var flight in flights)
            {
                var draw = random.Chance(0.8);
                row[flight.Index] = draw && !(holdout.InHoldout(market.Code) && holdout.OverlapsQuietWindow(flight.Start, flight.End));
            }

            foreach (var campaign in alwaysOn)
            {
                row[campaign.Index] = true;
            }

            joins[market.Index] = row;
        }

        return new CampaignPlan(flights, alwaysOn, joins);
    }

    private static string Title(string key) =>
        string.Join(' ', key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}

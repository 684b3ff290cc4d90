using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>
/// A market's known confounders over the data range: competitor promotions, own price changes and
/// stock-outs as non-overlapping episodes (none in a holdout market's quiet window), and its
/// holidays; plus the resulting factor on base revenue per day (holidays excluded: see seasonality).
/// </summary>
internal sealed class ContextEpisodes
{
    private static readonly string[] PromoNotes = ["Rival brand, 2 for 1", "Competitor price cut", "Competitor \"mega deal\" week", "Retailer own-label promotion"];

    private ContextEpisodes(IReadOnlyList<ContextRow> rows, double[] factors)
    {
        Rows = rows;
        Factors = factors;
    }

    /// <summary>Rows sorted by date, then type.</summary>
    public IReadOnlyList<ContextRow> Rows { get; }

    /// <summary>Factor on base revenue per data day (index 0 = the first day), holidays not included.</summary>
    public IReadOnlyList<double> Factors { get; }

    public static ContextEpisodes Create(int seed, MarketProfile market, DateOnly from, int days, HoldoutPlan holdout, IReadOnlyList<Holiday> holidays)
    {
        var random = SeedDerivation.Stream(seed, "context", market.Code);
        var years = days / 365.25;
        var rows = new List<ContextRow>();
        var factors = Enumerable.Repeat(1.0, days).ToArray();
        var quiet = holdout.InHoldout(market.Code);

        void Episodes(string type, double perYearMin, double perYearMax, int minLength, int maxLength, Func<(decimal? Value, string Note, double Factor)> draw)
        {
            var count = (int)Math.Round(years * random.Uniform(perYearMin, perYearMax));
            var taken = new bool[days];
            for (var i = 0; i < count; i++)
            {
                var (value, note, factor) = draw();
                for (var attempt = 0; attempt < 50; attempt++)
                {
                    var length = random.NextInt(minLength, maxLength + 1);
                    var start = random.NextInt(0, days - length);
                    var first = from.AddDays(start);
                    var last = from.AddDays(start + length - 1);
                    var free = !(quiet && holdout.OverlapsQuietWindow(first, last));
                    for (var d = Math.Max(0, start - 1); free && d <= Math.Min(days - 1, start + length); d++)
                    {
                        free = !taken[d];
                    }

                    if (!free)
                    {
                        continue;
                    }

                    for (var d = start; d < start + length; d++)
                    {
                        taken[d] = true;
                        factors[d] *= factor;
                        rows.Add(new ContextRow(from.AddDays(d), type, value, note));
                    }

                    break;
                }
            }
        }

        Episodes(ContextEffects.CompetitorPromo, 3, 5, 4, 12, () =>
        {
            var depth = Math.Round((decimal)random.Uniform(0.1, 0.3), 2);
            return (depth, PromoNotes[random.NextInt(0, PromoNotes.Length)], ContextEffects.CompetitorPromoFactor);
        });
        Episodes(ContextEffects.PriceChange, 1, 2, 7, 21, () =>
        {
            var cut = random.Chance(0.6);
            var change = Math.Round((decimal)(cut ? -random.Uniform(0.05, 0.15) : random.Uniform(0.03, 0.08)), 2);
            var note = cut ? "Temporary price reduction" : "Temporary price increase";
            return (change, note, 1 + (ContextEffects.PriceChangeRevenueElasticity * (double)change));
        });
        Episodes(ContextEffects.StockOut, 2, 3, 1, 3, () => (null, "Stock-out at the main distribution centre", ContextEffects.StockOutFactor));

        var to = from.AddDays(days - 1);
        foreach (var holiday in holidays)
        {
            if (holiday.MarketCode == market.Code && holiday.Date >= from && holiday.Date <= to)
            {
                rows.Add(new ContextRow(holiday.Date, ContextEffects.Holiday, null, holiday.Name));
            }
        }

        var sorted = rows.OrderBy(r => r.Date).ThenBy(r => r.Type, StringComparer.Ordinal).ToArray();
        return new ContextEpisodes(sorted, factors);
    }
}

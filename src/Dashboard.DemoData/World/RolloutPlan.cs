using Dashboard.DemoData.Randomness;
using Dashboard.Domain.Reference;

namespace Dashboard.DemoData.World;

/// <summary>
/// When each market starts reporting each definition. Per definition a share of markets tracks it
/// from the start (about 20%, spread per definition) and more markets adopt it over time, until
/// about 85% report it at the end; the rest never do. Markets are ranked by a readiness score plus
/// per-definition noise, so early adopters tend to be the same without being identical.
/// The large size compresses this: half the markets at the start, all of them within a year.
/// Only reporting is gated: untracked actions still happen and still drive sales.
/// </summary>
internal sealed class RolloutPlan
{
    // [market][event] adoption day index from the first data day; int.MaxValue = never.
    private readonly int[][] adoptionDay;

    private RolloutPlan(int[][] adoptionDay, IReadOnlyList<double> startShares, IReadOnlyList<double> endShares)
    {
        this.adoptionDay = adoptionDay;
        StartShares = startShares;
        EndShares = endShares;
    }

    public const int Never = int.MaxValue;

    public IReadOnlyList<double> StartShares { get; }

    public IReadOnlyList<double> EndShares { get; }

    public int AdoptionDay(int market, int eventIndex) => adoptionDay[market][eventIndex];

    public bool Tracks(int market, int eventIndex, int day) => day >= adoptionDay[market][eventIndex];

    public static RolloutPlan Create(int seed, int days, bool large, IReadOnlyList<MarketProfile> markets)
    {
        var definitions = DefaultReferenceData.Definitions;
        var adoption = new int[markets.Count][];
        for (var m = 0; m < markets.Count; m++)
        {
            adoption[m] = new int[definitions.Count];
        }

        var startShares = new double[definitions.Count];
        var endShares = new double[definitions.Count];
        for (var e = 0; e < definitions.Count; e++)
        {
            var random = SeedDerivation.Stream(seed, "rollout", definitions[e].Key);
            var startShare = large ? 0.5 : 0.2 + random.Uniform(-0.08, 0.08);
            var endShare = large ? 1.0 : 0.85 + random.Uniform(-0.07, 0.07);
            var early = (int)Math.Round(startShare * markets.Count);
            var reached = Math.Max(early, (int)Math.Round(endShare * markets.Count));
            startShares[e] = early / (double)markets.Count;
            endShares[e] = reached / (double)markets.Count;

            var order = markets
                .Select(m => (m.Index, Score: m.TrackingReadiness + (0.8 * random.Normal())))
                .OrderByDescending(x => x.Score)
                .ThenBy(x => x.Index)
                .Select(x => x.Index)
                .ToArray();

            // Adoptions after the start fall between day 30 and 30 days before the end (the first year for large).
            var firstDay = 30;
            var lastDay = large ? Math.Min(365, days - 31) : days - 31;
            for (var rank = 0; rank < order.Length; rank++)
            {
                int day;
                if (rank < early)
                {
                    day = 0;
                }
                else if (rank < reached)
                {
                    var position = (rank - early + random.NextDouble()) / (reached - early);
                    day = firstDay + (int)(position * (lastDay - firstDay));
                }
                else
                {
                    day = Never;
                }

                adoption[order[rank]][e] = day;
            }
        }

        return new RolloutPlan(adoption, startShares, endShares);
    }
}

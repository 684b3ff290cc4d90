using Dashboard.Attribution.Paths;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Journeys;

/// <summary>A move of one journey from the highest intent group reached so far ("none" before any) to a higher one or to purchase.</summary>
public sealed record IntentFlow(string From, string To, int Moves);

/// <summary>
/// Journeys with a micro-conversion vs without: the share with a purchase within the window after the first
/// micro-conversion (or, without one, after the first touch). Lift = with / without − 1.
/// </summary>
public sealed record MicroToMacro(double? Lift, double? RateWithMicro, double? RateWithoutMicro, int JourneysWithMicro, int JourneysWithoutMicro);

public sealed record JourneyMeasuresResult(MicroToMacro MicroToMacro, double? MicroEngagementRate, int Conversions, IReadOnlyList<IntentFlow> IntentProgression);

/// <summary>The journey measures of METRICS.md ("Journey measures") for one scope.</summary>
public static class JourneyMeasures
{
    public const int WindowDays = 30;

    private static readonly string[] Levels = ["none", "low", "medium", "high"];

    public static JourneyMeasuresResult Run(FactSnapshot snapshot, AttributionQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var notes = new List<string>();
        var paths = PathBuilder.Build(snapshot, query, notes);
        var conversions = 0;
        var engaged = 0;
        for (var p = 0; p < paths.Count; p++)
        {
            if (paths.Converts[p])
            {
                conversions++;
                engaged += paths.HasMicro[p] ? 1 : 0;
            }
        }

        return new JourneyMeasuresResult(
            Lift(snapshot, query),
            conversions > 0 ? (double)engaged / conversions : null,
            conversions,
            Progression(snapshot, query));
    }

    private static MicroToMacro Lift(FactSnapshot snapshot, AttributionQuery query)
    {
        var j = snapshot.Journeys;
        var markets = ScopeMarkets.Resolve(snapshot.Reference, query.Scope, query.Filters);
        var (firstDay, lastDay) = (query.Range.From.DayNumber, query.Range.To.DayNumber);
        var window = WindowDays * JourneyTable.SecondsPerDay;
        int with = 0, withConverted = 0, without = 0, withoutConverted = 0;
        for (var journey = 0; journey < j.Journeys; journey++)
        {
            if (!markets[j.Market[journey]])
            {
                continue;
            }

            var (first, end) = (j.Start[journey], j.Start[journey + 1]);
            var anchor = j.Second[first];
            var micro = false;
            for (var t = first; t < end; t++)
            {
                if (j.Event[t] < JourneyTable.Visit)
                {
                    anchor = j.Second[t];
                    micro = true;
                    break;
                }
            }

            var day = JourneyTable.DayOf(anchor);
            if (day < firstDay || day > lastDay)
            {
                continue;
            }

            var converted = false;
            for (var t = first; t < end && !converted; t++)
            {
                converted = j.Event[t] == JourneyTable.Purchase && j.Second[t] >= anchor && j.Second[t] - anchor <= window;
            }

            if (micro)
            {
                with++;
                withConverted += converted ? 1 : 0;
            }
            else
            {
                without++;
                withoutConverted += converted ? 1 : 0;
            }
        }

        double? rateWith = with > 0 ? (double)withConverted / with : null;
        double? rateWithout = without > 0 ? (double)withoutConverted / without : null;
        double? lift = rateWith is { } a && rateWithout is > 0 ? (a / rateWithout.Value) - 1 : null;
        return new MicroToMacro(lift, rateWith, rateWithout, with, without);
    }

    private static List<IntentFlow> Progression(FactSnapshot snapshot, AttributionQuery query)
    {
        var j = snapshot.Journeys;
        var events = snapshot.Reference.Events;
        var markets = ScopeMarkets.Resolve(snapshot.Reference, query.Scope, query.Filters);
        var (firstDay, lastDay) = (query.Range.From.DayNumber, query.Range.To.DayNumber);

        // moves[from, to]: from 0 = none, 1..3 = low..high; to 1..3 = low..high, 4 = purchase.
        var moves = new int[4, 5];
        for (var journey = 0; journey < j.Journeys; journey++)
        {
            if (!markets[j.Market[journey]])
            {
                continue;
            }

            var level = 0;
            for (var t = j.Start[journey]; t < j.Start[journey + 1]; t++)
            {
                var e = j.Event[t];
                var to = e == JourneyTable.Purchase ? 4 : e < JourneyTable.Visit ? 1 + (int)events[e].IntentGroup : 0;
                if (to == 0 || (to <= level))
                {
                    continue;
                }

                var day = JourneyTable.DayOf(j.Second[t]);
                if (day >= firstDay && day <= lastDay)
                {
                    moves[level, to]++;
                }

                if (to < 4)
                {
                    level = to;
                }
            }
        }

        var flows = new List<IntentFlow>();
        for (var from = 0; from < 4; from++)
        {
            for (var to = from + 1; to < 5; to++)
            {
                if (moves[from, to] > 0)
                {
                    flows.Add(new IntentFlow(Levels[from], to == 4 ? "purchase" : Levels[to], moves[from, to]));
                }
            }
        }

        return flows;
    }

    /// <summary>The key of an intent group as a flow end.</summary>
    public static string LevelKey(IntentGroup group) => Levels[1 + (int)group];
}

using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Paths;

/// <summary>
/// Cuts journeys into paths (METRICS.md): each purchase closes a converting path of the touches since the previous
/// purchase, up to and including the purchase row; the touches after the last purchase form one non-converting path.
/// Only touches within the lookback window before the path's end are kept. A path belongs to its journey's market and
/// to the date of its last touch, and the scope selects paths by those.
/// </summary>
public static class PathBuilder
{
    public static PathSet Build(FactSnapshot snapshot, AttributionQuery query, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        var markets = ScopeMarkets.Resolve(snapshot.Reference, query.Scope, query.Filters);
        return Build(snapshot, markets, query.Range.From.DayNumber, query.Range.To.DayNumber, query.LookbackDays, query.Currency, notes);
    }

    /// <summary>The paths of the given markets (per market code) that end on days firstDay..lastDay.</summary>
    public static PathSet Build(FactSnapshot snapshot, bool[] markets, int firstDay, int lastDay, int lookbackDays, string currency, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(markets);
        if (lookbackDays is < 1 or > 365)
        {
            throw new MetricsQueryException($"the lookback window must be 1 to 365 days, not {lookbackDays}");
        }

        var j = snapshot.Journeys;
        var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency.ToUpperInvariant(), firstDay, lastDay, notes);
        var lookback = lookbackDays * JourneyTable.SecondsPerDay;

        // Two passes over the journeys: the first counts paths and kept touches, the second fills arrays of exactly
        // that size (no regrowth, no trimming copies: at a million journeys the copies cost more than the work).
        int paths = 0, kept = 0;
        int[] start = [], seconds = [], endDay = [];
        byte[] market = [];
        byte[] channel = [];
        bool[] converts = [], hasMicro = [];
        double[] revenue = [];
        var missing = 0;

        void AddPath(int from, int end, bool converting, byte marketCode, bool fill)
        {
            var endSecond = j.Second[end];
            var day = JourneyTable.DayOf(endSecond);
            if (day < firstDay || day > lastDay)
            {
                return;
            }

            var micro = false;
            for (var t = from; t <= end; t++)
            {
                if (endSecond - j.Second[t] > lookback)
                {
                    continue;
                }

                if (fill)
                {
                    channel[kept] = j.Channel[t];
                    seconds[kept] = endSecond - j.Second[t];
                    micro |= j.Event[t] < JourneyTable.Visit;
                }

                kept++;
            }

            if (fill)
            {
                start[paths + 1] = kept;
                endDay[paths] = day;
                market[paths] = marketCode;
                converts[paths] = converting;
                hasMicro[paths] = micro;
                if (converting && j.Revenue[end] != 0)
                {
                    var factor = fx.Factor(j.Currency[end], day);
                    if (double.IsNaN(factor))
                    {
                        missing++;
                    }
                    else
                    {
                        revenue[paths] = j.Revenue[end] * factor;
                    }
                }
            }

            paths++;
        }

        void Walk(bool fill)
        {
            for (var journey = 0; journey < j.Journeys; journey++)
            {
                if (!markets[j.Market[journey]])
                {
                    continue;
                }

                var (first, last) = (j.Start[journey], j.Start[journey + 1] - 1);
                var pathStart = first;
                for (var t = first; t <= last; t++)
                {
                    if (j.Event[t] == JourneyTable.Purchase)
                    {
                        AddPath(pathStart, t, converting: true, j.Market[journey], fill);
                        pathStart = t + 1;
                    }
                }

                if (pathStart <= last)
                {
                    AddPath(pathStart, last, converting: false, j.Market[journey], fill);
                }
            }
        }

        Walk(fill: false);
        (start, seconds, channel) = (new int[paths + 1], new int[kept], new byte[kept]);
        (converts, hasMicro, revenue) = (new bool[paths], new bool[paths], new double[paths]);
        (endDay, market) = (new int[paths], new byte[paths]);
        (paths, kept) = (0, 0);
        Walk(fill: true);

        return new PathSet
        {
            Start = start, Channel = channel, SecondsBeforeEnd = seconds, Converts = converts,
            Revenue = revenue, HasMicro = hasMicro, EndDay = endDay, Market = market, ChannelCount = snapshot.Reference.Channels.Count, RevenueMissing = missing,
        };
    }
}

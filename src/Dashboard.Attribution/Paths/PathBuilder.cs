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
        if (query.LookbackDays is < 1 or > 365)
        {
            throw new MetricsQueryException($"the lookback window must be 1 to 365 days, not {query.LookbackDays}");
        }

        var j = snapshot.Journeys;
        var markets = ScopeMarkets.Resolve(snapshot.Reference, query.Scope, query.Filters);
        var (firstDay, lastDay) = (query.Range.From.DayNumber, query.Range.To.DayNumber);
        var currency = query.Currency.ToUpperInvariant();
        var fx = new FxFactors(snapshot.Fx, snapshot.Reference, currency, firstDay, lastDay, notes);
        var lookback = query.LookbackDays * JourneyTable.SecondsPerDay;

        var start = new Growable<int>(1 << 16);
        var channel = new Growable<byte>(1 << 18);
        var before = new Growable<double>(1 << 18);
        var converts = new Growable<bool>(1 << 16);
        var revenue = new Growable<double>(1 << 16);
        var hasMicro = new Growable<bool>(1 << 16);
        var missing = 0;
        start.Add(0);

        void AddPath(int from, int end, bool converting)
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

                channel.Add(j.Channel[t]);
                before.Add((endSecond - j.Second[t]) / (double)JourneyTable.SecondsPerDay);
                micro |= j.Event[t] < JourneyTable.Visit;
            }

            start.Add(channel.Count);
            converts.Add(converting);
            hasMicro.Add(micro);
            var value = 0.0;
            if (converting && j.Revenue[end] != 0)
            {
                var factor = fx.Factor(j.Currency[end], day);
                if (double.IsNaN(factor))
                {
                    missing++;
                }
                else
                {
                    value = j.Revenue[end] * factor;
                }
            }

            revenue.Add(value);
        }

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
                    AddPath(pathStart, t, converting: true);
                    pathStart = t + 1;
                }
            }

            if (pathStart <= last)
            {
                AddPath(pathStart, last, converting: false);
            }
        }

        return new PathSet
        {
            Start = start.ToArray(), Channel = channel.ToArray(), DaysBeforeEnd = before.ToArray(), Converts = converts.ToArray(),
            Revenue = revenue.ToArray(), HasMicro = hasMicro.ToArray(), ChannelCount = snapshot.Reference.Channels.Count, RevenueMissing = missing,
        };
    }

    private sealed class Growable<T>(int capacity)
    {
        private T[] _items = new T[capacity];

        public int Count { get; private set; }

        public void Add(T item)
        {
            if (Count == _items.Length)
            {
                Array.Resize(ref _items, _items.Length * 2);
            }

            _items[Count++] = item;
        }

        public T[] ToArray() => _items[..Count];
    }
}

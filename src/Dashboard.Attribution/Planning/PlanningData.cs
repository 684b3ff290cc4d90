using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// The daily history the planner fits on, per market in scope: revenue and gross margin in USD, spend and tracked
/// micro-conversions per channel, organic micro-conversions (the season index), and the day each market first
/// reported each type (before it, a channel's actions are unknown, not zero).
/// </summary>
internal sealed class PlanningData
{
    /// <summary>At most this many days of history: older media mixes say little about next quarter.</summary>
    public const int MaxHistoryDays = 3 * 365;

    public required int FirstDay { get; init; }
    public required int Days { get; init; }
    public required int[] Markets { get; init; }
    public required int[] PaidChannels { get; init; }
    public required double[][] Revenue { get; init; }
    public required double[][] MarginRevenue { get; init; }
    /// <summary>[market slot][event code][day]: organic (unpaid) micro-conversions.</summary>
    public required double[][][] Organic { get; init; }

    /// <summary>[market slot][channel code][day]</summary>
    public required double[][][] Spend { get; init; }

    /// <summary>[market slot][channel code][day]</summary>
    public required double[][][] Actions { get; init; }

    /// <summary>[market slot][intent group][day]: every channel's micro-conversions.</summary>
    public required double[][][] Intent { get; init; }

    /// <summary>[channel code][event code]: tracked actions of the last 365 days.</summary>
    public required double[][] Mix { get; init; }

    /// <summary>[market slot][event code]: first day offset with any report, or int.MaxValue.</summary>
    public required int[][] ReportedFrom { get; init; }

    public int LastDay => FirstDay + Days - 1;

    public static PlanningData Build(FactSnapshot snapshot, AccessScope scope, ICollection<string> notes)
    {
        var reference = snapshot.Reference;
        var last = snapshot.LastDay?.DayNumber ?? throw new MetricsQueryException("there is no data to fit response curves on");
        var spend = snapshot.Spend;
        if (spend.Count == 0)
        {
            throw new MetricsQueryException("there is no spend to fit response curves on");
        }

        var first = Math.Max(spend.Day[0], last - MaxHistoryDays + 1);
        var days = last - first + 1;
        var allowed = ScopeMarkets.Resolve(reference, scope, new Dictionary<Dimension, IReadOnlyList<string>>());
        var markets = Enumerable.Range(0, reference.Markets.Count).Where(m => allowed[m]).ToArray();
        var slot = new int[reference.Markets.Count];
        Array.Fill(slot, -1);
        for (var i = 0; i < markets.Length; i++)
        {
            slot[markets[i]] = i;
        }

        var (channels, events) = (reference.Channels.Count, reference.Events.Count);
        var usd = new FxFactors(snapshot.Fx, reference, "USD", first, last, notes);
        double[] Day() => new double[days];
        var data = new PlanningData
        {
            FirstDay = first, Days = days, Markets = markets,
            PaidChannels = [.. Enumerable.Range(0, channels).Where(c => reference.Channels[c].IsPaid)],
            Revenue = [.. markets.Select(_ => Day())], MarginRevenue = [.. markets.Select(_ => Day())], Organic = [.. markets.Select(_ => Enumerable.Range(0, events).Select(_ => Day()).ToArray())],
            Spend = [.. markets.Select(_ => Enumerable.Range(0, channels).Select(_ => Day()).ToArray())],
            Actions = [.. markets.Select(_ => Enumerable.Range(0, channels).Select(_ => Day()).ToArray())],
            Mix = [.. Enumerable.Range(0, channels).Select(_ => new double[events])],
            ReportedFrom = [.. markets.Select(_ => Enumerable.Repeat(int.MaxValue, events).ToArray())],
            Intent = [.. markets.Select(_ => Enum.GetValues<IntentGroup>().Select(_ => Day()).ToArray())],
        };

        var sales = snapshot.Sales;
        var (start, end) = sales.Slice(first, last);
        for (var i = start; i < end; i++)
        {
            var m = slot[sales.Market[i]];
            var factor = usd.Factor(sales.Currency[i], sales.Day[i]);
            if (m >= 0 && !double.IsNaN(factor))
            {
                var revenue = sales.Revenue[i] * factor;
                data.Revenue[m][sales.Day[i] - first] += revenue;
                data.MarginRevenue[m][sales.Day[i] - first] += revenue * reference.Brands[sales.Brand[i]].GrossMargin;
            }
        }

        (start, end) = spend.Slice(first, last);
        for (var i = start; i < end; i++)
        {
            var m = slot[spend.Market[i]];
            var factor = usd.Factor(spend.Currency[i], spend.Day[i]);
            if (m >= 0 && !double.IsNaN(factor))
            {
                data.Spend[m][spend.Channel[i]][spend.Day[i] - first] += spend.Spend[i] * factor;
            }
        }

        var micro = snapshot.MicroConversions;
        (start, end) = micro.Slice(first, last);
        for (var i = start; i < end; i++)
        {
            var m = slot[micro.Market[i]];
            if (m < 0)
            {
                continue;
            }

            var (t, c, e, n) = (micro.Day[i] - first, micro.Channel[i], micro.Event[i], micro.Actions[i]);
            data.ReportedFrom[m][e] = Math.Min(data.ReportedFrom[m][e], t);
            data.Intent[m][(int)reference.Events[e].IntentGroup][t] += n;
            if (reference.Channels[c].IsPaid)
            {
                data.Actions[m][c][t] += n;
            }
            else
            {
                data.Organic[m][e][t] += n;
            }

            if (t >= days - 365)
            {
                data.Mix[c][e] += n;
            }
        }

        return data;
    }

    /// <summary>Mean daily revenue in USD of a market: the scale its curves are read in.</summary>
    public double Scale(int m)
    {
        var sum = Revenue[m].Sum();
        return sum > 0 ? sum / Days : 1;
    }

    /// <summary>
    /// The market's season index per day, from its organic micro-conversions: each type's count is its level × the
    /// day's index, fitted on the days the type is reported (a type first reported later adds no step: read as one
    /// series, the rollout of tracking would look like a rising season and inflate the curves' recent days); the daily
    /// index averaged over a centred 28-day window and scaled to mean 1; 1 where it reports none.
    /// </summary>
    public double[] Season(int m)
    {
        var types = Enumerable.Range(0, Organic[m].Length).Where(e => ReportedFrom[m][e] < Days && Organic[m][e].Skip(ReportedFrom[m][e]).Sum() > 0).ToArray();
        var season = new double[Days];
        Array.Fill(season, 1.0);
        if (types.Length == 0)
        {
            return season;
        }

        // Alternate the types' levels and the days' index (a two-way multiplicative fit; exact data settle in one round).
        var daily = new double[Days];
        Array.Fill(daily, 1.0);
        var level = new double[types.Length];
        for (var round = 0; round < 10; round++)
        {
            for (var k = 0; k < types.Length; k++)
            {
                var (organic, from) = (Organic[m][types[k]], ReportedFrom[m][types[k]]);
                var (sum, exposure) = (0.0, 0.0);
                for (var t = from; t < Days; t++)
                {
                    (sum, exposure) = (sum + organic[t], exposure + daily[t]);
                }

                level[k] = exposure > 0 ? sum / exposure : 0;
            }

            for (var t = 0; t < Days; t++)
            {
                var (observed, expected) = (0.0, 0.0);
                for (var k = 0; k < types.Length; k++)
                {
                    if (t >= ReportedFrom[m][types[k]])
                    {
                        (observed, expected) = (observed + Organic[m][types[k]][t], expected + level[k]);
                    }
                }

                daily[t] = expected > 0 ? observed / expected : double.NaN;
            }

            var reported = daily.Where(x => !double.IsNaN(x)).Average();
            for (var t = 0; t < Days; t++)
            {
                daily[t] = double.IsNaN(daily[t]) ? 1 : daily[t] / reported;
            }
        }

        var prefix = new double[Days + 1];
        for (var t = 0; t < Days; t++)
        {
            prefix[t + 1] = prefix[t] + daily[t];
        }

        for (var t = 0; t < Days; t++)
        {
            var (lo, hi) = (Math.Max(0, t - 14), Math.Min(Days, t + 14));
            season[t] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }

        var mean = season.Average();
        return [.. season.Select(x => x / mean)];
    }

    /// <summary>The event codes a channel's tracking reports (at least 0.5% of its actions).</summary>
    public int[] EventsOf(int channel)
    {
        var total = Mix[channel].Sum();
        return total <= 0 ? [] : [.. Enumerable.Range(0, Mix[channel].Length).Where(e => Mix[channel][e] >= 0.005 * total)];
    }
}

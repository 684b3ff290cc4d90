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
    public required double[][] Organic { get; init; }

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
            Revenue = [.. markets.Select(_ => Day())], MarginRevenue = [.. markets.Select(_ => Day())], Organic = [.. markets.Select(_ => Day())],
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
                data.Organic[m][t] += n;
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
    /// The market's season index per day: its organic micro-conversions over a centred 28-day window, divided by their
    /// mean; 1 where it reports none.
    /// </summary>
    public double[] Season(int m)
    {
        var organic = Organic[m];
        var mean = organic.Average();
        var season = new double[Days];
        if (mean <= 0)
        {
            Array.Fill(season, 1.0);
            return season;
        }

        var prefix = new double[Days + 1];
        for (var t = 0; t < Days; t++)
        {
            prefix[t + 1] = prefix[t] + organic[t];
        }

        for (var t = 0; t < Days; t++)
        {
            var (from, to) = (Math.Max(0, t - 14), Math.Min(Days, t + 14));
            season[t] = (prefix[to] - prefix[from]) / (to - from) / mean;
        }

        return season;
    }

    /// <summary>The event codes a channel's tracking reports (at least 0.5% of its actions).</summary>
    public int[] EventsOf(int channel)
    {
        var total = Mix[channel].Sum();
        return total <= 0 ? [] : [.. Enumerable.Range(0, Mix[channel].Length).Where(e => Mix[channel][e] >= 0.005 * total)];
    }
}

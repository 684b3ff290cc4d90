using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Incremental;

/// <summary>What one campaign's spend added over a period (its channel's curve), with the channel's name.</summary>
public sealed record CampaignFigure(string Campaign, string ChannelName, IncrementalFigure Figure);

/// <summary>
/// Incremental revenue of campaigns (METRICS.md, "and campaign where the data allow"): the campaign's channel's revenue
/// with its spend as it was less with that campaign's spend on the period's days removed and the rest of the channel's
/// kept, on the channel's fitted curves. A campaign's money is taken to work as its channel's does; under saturation
/// campaigns' figures do not add up to their channel's (each is what it added on top of the others').
/// </summary>
public static class CampaignIncrement
{
    /// <param name="markets">Market codes to count (all of the model's when null).</param>
    /// <param name="channels">Channel keys to count (all when null or empty).</param>
    /// <param name="top">At most this many campaigns, those with the most spend on the period.</param>
    public static IReadOnlyList<CampaignFigure> Of(ResponseModel model, FactSnapshot snapshot, DateOnly from, DateOnly to, IReadOnlySet<string>? markets = null,
        IReadOnlyCollection<string>? channels = null, int top = 10, double interval = 0.9)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        var reference = snapshot.Reference;
        var (first, days) = model.Window;
        var (p0, p1) = (from.DayNumber - first, to.DayNumber - first);
        if (p0 < 0 || p1 >= days || p1 < p0)
        {
            return [];
        }

        // Each (campaign, channel)'s spend per market slot and day of the period, in USD as the model's spend is.
        var slot = model.MarketCodes.Select((code, m) => (code, m)).ToDictionary(x => x.code, x => x.m, StringComparer.Ordinal);
        var channelOf = model.Channels.Select((c, i) => (c.Channel, i)).ToDictionary(x => x.Channel, x => x.i, StringComparer.Ordinal);
        var usd = new FxFactors(snapshot.Fx, reference, "USD", from.DayNumber, to.DayNumber, new List<string>());
        var spends = new Dictionary<(int Campaign, int Channel), double[][]>();
        var table = snapshot.Spend;
        var (start, end) = table.Slice(from.DayNumber, to.DayNumber);
        for (var i = start; i < end; i++)
        {
            var campaign = table.Campaign[i];
            if (reference.Campaigns[campaign].Length == 0 || !slot.TryGetValue(reference.Markets[table.Market[i]].Code, out var m)
                || !channelOf.TryGetValue(reference.Channels[table.Channel[i]].Key, out var c) || model.Channels[c].Fit is null
                || (channels is { Count: > 0 } && !channels.Contains(model.Channels[c].Channel)))
            {
                continue;
            }

            var factor = usd.Factor(table.Currency[i], table.Day[i]);
            if (double.IsNaN(factor))
            {
                continue;
            }

            if (!spends.TryGetValue((campaign, c), out var byMarket))
            {
                spends[(campaign, c)] = byMarket = [.. model.MarketCodes.Select(_ => new double[p1 - p0 + 1])];
            }

            byMarket[m][table.Day[i] - from.DayNumber] += table.Spend[i] * factor;
        }

        double Counted(double[][] byMarket) => Enumerable.Range(0, byMarket.Length).Where(m => markets is null || markets.Contains(model.MarketCodes[m])).Sum(m => byMarket[m].Sum());
        var chosen = spends.Select(s => (s.Key.Campaign, s.Key.Channel, ByMarket: s.Value, Spend: Counted(s.Value)))
            .Where(s => s.Spend > 0).OrderByDescending(s => s.Spend).Take(top);
        var figures = new List<CampaignFigure>();
        foreach (var (campaign, c, byMarket, _) in chosen)
        {
            var added = ChannelIncrement.Added(model, c, from, to, markets, (m, spend, a, b) =>
                [.. spend.Select((x, t) => t >= a && t <= b ? Math.Max(0, x - byMarket[m][t - a]) : x)]);
            if (added is not null)
            {
                figures.Add(new CampaignFigure(reference.Campaigns[campaign], model.Channels[c].Name, ChannelIncrement.Figure(model.Channels[c], added, interval)));
            }
        }

        return figures;
    }
}

using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Incremental;

/// <summary>
/// What the sales-only model reads, per market with enough days: its rows (the valuation's design without value
/// columns: each market's own base), its scale (mean daily sales), and each paid channel's spend in USD from the lag
/// window before the first day, so adstock starts from real history.
/// </summary>
internal sealed class RevenueOnlyData
{
    public required ValuationDesign Design { get; init; }

    /// <summary>First fitted day number; spend arrays start <see cref="Lag"/> days before it.</summary>
    public required int First { get; init; }

    public required int Days { get; init; }

    public required int Lag { get; init; }

    public int PaddedFirst => First - Lag;

    /// <summary>Market codes, in the order of <see cref="Design"/>'s markets.</summary>
    public required IReadOnlyList<string> MarketCodes { get; init; }

    /// <summary>[market][d]: sales in USD (NaN where a rate is missing).</summary>
    public required double[][] Revenue { get; init; }

    /// <summary>[market]: mean daily sales in USD over its fitted days.</summary>
    public required double[] Scale { get; init; }

    /// <summary>[market][channel][Lag + d]: spend in USD.</summary>
    public required double[][][] Spend { get; init; }

    /// <summary>[market][channel]: spend per day over the final <see cref="ResponseModel.CurrentDays"/> days, taken to go on past the data.</summary>
    public required double[][] Current { get; init; }

    /// <summary>Paid channels with spend in scope (key, name).</summary>
    public required (string Key, string Name)[] ChannelNames { get; init; }

    public int Channels => ChannelNames.Length;

    public static RevenueOnlyData Build(FactSnapshot snapshot, AccessScope scope, ICollection<string> notes)
    {
        var settings = ValuationSettings.Default;
        var data = ValuationData.Build(snapshot, new ValuationQuery { Scope = scope, Settings = settings }, notes);
        if (data.SpendChannels.Length == 0)
        {
            throw new MetricsQueryException("there is no spend in scope to fit a sales-only model on");
        }

        var design = ValuationDesign.Build(data, [], settings);
        if (design.Markets.Count == 0)
        {
            throw new MetricsQueryException("no market in scope has 30 days with sales to fit a sales-only model on");
        }

        var reference = snapshot.Reference;
        var markets = design.Markets.Select(r => r.Market).ToArray();
        var spend = markets.Select(j => data.SpendChannels.Select((_, c) => data.Spend[j][c]).ToArray()).ToArray();
        var current = spend.Select(channels => channels.Select(s => s.Skip(s.Length - ResponseModel.CurrentDays).Average()).ToArray()).ToArray();
        return new RevenueOnlyData
        {
            Design = design, First = data.First, Days = data.Days, Lag = data.Lag,
            MarketCodes = [.. markets.Select(j => reference.Markets[data.MarketCodes[j]].Code)],
            Revenue = [.. markets.Select(j => data.Revenue[j])],
            Scale = [.. design.Markets.Select(r => 1 / r.Weight)],
            Spend = spend, Current = current,
            ChannelNames = [.. data.SpendChannels.Select(c => (reference.Channels[c].Key, reference.Channels[c].Name))],
        };
    }

    /// <summary>Spend in USD of a market and channel on padded days p0..p1.</summary>
    public double SpendOn(int m, int c, int p0, int p1)
    {
        var sum = 0.0;
        for (var t = p0; t <= p1; t++)
        {
            sum += Spend[m][c][t];
        }

        return sum;
    }

    /// <summary>
    /// Revenue a market's spend on padded days p0..p1 added on a curve: sales with the spend as it was less sales with
    /// those days at 0, to the end of the carry-over (the current spend taken to go on past the data); and the part past the data.
    /// </summary>
    public (double All, double Beyond) Gain(HillCurve curve, int m, int c, int p0, int p1)
    {
        var horizon = p1 + curve.TailDays;
        var length = Math.Max(horizon + 1, Spend[m][c].Length);
        var spend = new double[length];
        var without = new double[length];
        for (var t = 0; t < length; t++)
        {
            spend[t] = t < Spend[m][c].Length ? Spend[m][c][t] : Current[m][c];
            without[t] = t >= p0 && t <= p1 ? 0 : spend[t];
        }

        return ChannelIncrement.Gain(curve, spend, without, p0, horizon, Lag + Days, Scale[m], _ => 1);
    }
}

using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;
using MathNet.Numerics.Distributions;

namespace Dashboard.Attribution.Incremental;

/// <summary>
/// What a channel's spend over a past period added (METRICS.md incremental_revenue): revenue with the spend as it was
/// less revenue with the channel's spend set to 0 on the period's days, counted with carry-over (the days after the
/// period until the carry-over fades; past the data's end the channel is taken to keep its current spend), in USD,
/// with its band. <see cref="BeyondDataShare"/> is the part that falls after the last data day.
/// </summary>
public sealed record IncrementalFigure(string Channel, string Name, DateOnly From, DateOnly To, double SpendUsd, Estimate RevenueUsd, double BeyondDataShare)
{
    /// <summary>Incremental revenue per unit of spend, with its band (null without spend).</summary>
    public Estimate? Roas => SpendUsd > 0 ? new(RevenueUsd.Value / SpendUsd, RevenueUsd.Low / SpendUsd, RevenueUsd.High / SpendUsd) : null;
}

/// <summary>
/// Incremental revenue of a channel from the fitted response model: each market's tracked actions on its curve with the
/// spend as it was and with the period's spend removed, their difference × what one of the channel's actions is worth
/// (every type at its estimated value, a negative one included: the planner's floor at 0 would bias the figure up).
/// The band is the delta method on the curve's parameters (the planner's) plus the value's standard error.
/// </summary>
public static class ChannelIncrement
{
    /// <param name="markets">Market codes to count (all of the model's when null).</param>
    /// <returns>Null for a channel without a curve.</returns>
    /// <exception cref="MetricsQueryException">A period outside the fitted data.</exception>
    public static IncrementalFigure? Of(ResponseModel model, int channel, DateOnly from, DateOnly to, IReadOnlySet<string>? markets = null, double interval = 0.9) =>
        Added(model, channel, from, to, markets) is { } added ? Figure(model.Channels[channel], added, interval) : null;

    /// <summary>The same figure from the channel's curve before geo tests calibrated it (null when none did or it has no curve).</summary>
    public static IncrementalFigure? Uncalibrated(ResponseModel model, int channel, DateOnly from, DateOnly to, IReadOnlySet<string>? markets = null, double interval = 0.9)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Channels[channel].Uncalibrated is { } before
            && Added(model, channel, from, to, markets, (_, spend, p0, p1) => Removed(spend, p0, p1), before) is { } added ? Figure(before, added, interval) : null;
    }

    /// <summary>
    /// Every channel with a curve (or those of <paramref name="channels"/>), and their total (each channel's spend on the
    /// period removed in turn: the sum of what each added), whose band carries the values' covariance across channels as
    /// the planner's.
    /// </summary>
    public static (IReadOnlyList<IncrementalFigure> Channels, IncrementalFigure? Total) All(ResponseModel model, DateOnly from, DateOnly to,
        IReadOnlySet<string>? markets = null, IReadOnlyCollection<string>? channels = null, double interval = 0.9)
    {
        ArgumentNullException.ThrowIfNull(model);
        var figures = new List<IncrementalFigure>();
        double revenue = 0, curveVariance = 0, spend = 0, beyond = 0;
        var types = model.ValueCovariance.GetLength(0);
        var typeActions = new double[types];
        for (var c = 0; c < model.Channels.Count; c++)
        {
            if ((channels is { Count: > 0 } && !channels.Contains(model.Channels[c].Channel)) || Added(model, c, from, to, markets) is not { } added)
            {
                continue;
            }

            var response = model.Channels[c];
            figures.Add(Figure(response, added, interval));
            var value = response.Estimated.Value;
            revenue += value * added.Actions;
            curveVariance += value * value * added.CurveVariance;
            spend += added.Spend;
            beyond += value * added.Beyond;
            for (var e = 0; e < types; e++)
            {
                typeActions[e] += added.Actions * response.Mix[e];
            }
        }

        if (figures.Count == 0)
        {
            return (figures, null);
        }

        var sd = Math.Sqrt(curveVariance + CurveBand.Quadratic(typeActions, model.ValueCovariance));
        var z = Normal.InvCDF(0, 1, 0.5 + (interval / 2));
        return (figures, new IncrementalFigure("all", "All paid channels", from, to, spend, new Estimate(revenue, revenue - (z * sd), revenue + (z * sd)),
            revenue != 0 ? beyond / revenue : 0));
    }

    /// <summary>What one channel's spend on the period added, in actions, with the curves' part of its variance.</summary>
    internal sealed record Addition(double Actions, double Beyond, double CurveVariance, double Spend, DateOnly From, DateOnly To);

    internal static IncrementalFigure Figure(ChannelResponse response, Addition added, double interval)
    {
        var (value, valueSe) = response.Estimated;
        var variance = (value * value * added.CurveVariance) + Math.Pow(added.Actions * valueSe, 2);
        var z = Normal.InvCDF(0, 1, 0.5 + (interval / 2));
        var (revenue, sd) = (value * added.Actions, Math.Sqrt(variance));
        // A calibrated channel says so wherever its figure is shown.
        var name = response.CalibratedBy.Count > 0 ? $"{response.Name} (calibrated by {string.Join(", ", response.CalibratedBy)})" : response.Name;
        return new IncrementalFigure(response.Channel, name, added.From, added.To, added.Spend, new Estimate(revenue, revenue - (z * sd), revenue + (z * sd)),
            added.Actions > 0 ? added.Beyond / added.Actions : 0);
    }

    private static Addition? Added(ResponseModel model, int channel, DateOnly from, DateOnly to, IReadOnlySet<string>? markets) =>
        Added(model, channel, from, to, markets, (_, spend, p0, p1) => Removed(spend, p0, p1));

    /// <param name="without">A market's spend with what is taken away removed (market slot, its padded spend, first and last day of the period).</param>
    /// <param name="curves">The channel's curves to use (the model's when null).</param>
    internal static Addition? Added(ResponseModel model, int channel, DateOnly from, DateOnly to, IReadOnlySet<string>? markets, Func<int, double[], int, int, double[]> without,
        ChannelResponse? curves = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var response = curves ?? model.Channels[channel];
        if (response.Fit is not { } fit)
        {
            return null;
        }

        var (first, days) = model.Window;
        RequireWithin(from, to, first, days);
        var (p0, p1) = (from.DayNumber - first, to.DayNumber - first);

        var horizon = p1 + fit.Curve.TailDays;
        var counted = Enumerable.Range(0, response.Markets.Count).Select(m => markets is null || markets.Contains(model.MarketCodes[m])).ToArray();
        var spends = Enumerable.Range(0, response.Markets.Count).Select(m => Padded(model.Spend(m, channel), horizon + 1, response.Markets[m].CurrentSpendUsd)).ToArray();
        var removed = Enumerable.Range(0, response.Markets.Count).Select(m => without(m, spends[m], p0, p1)).ToArray();
        (double All, double Beyond) Added(int m, HillCurve curve) =>
            counted[m] ? Gain(curve, spends[m], removed[m], p0, horizon, days, model.Scale(m), t => model.Season(m, t)) : (0, 0);

        double actions = 0, beyond = 0;
        for (var m = 0; m < response.Markets.Count; m++)
        {
            if (response.Markets[m].Curve is { } curve)
            {
                var (all, late) = Added(m, curve);
                (actions, beyond) = (actions + all, beyond + late);
            }
        }

        var spend = Enumerable.Range(0, spends.Length).Where(m => counted[m]).Sum(m => Enumerable.Range(p0, p1 - p0 + 1).Sum(t => spends[m][t] - removed[m][t]));
        return new Addition(actions, beyond, CurveBand.Variance(response, (m, curve) => Added(m, curve).All), spend, from, to);
    }

    /// <summary>
    /// Actions a market's spend on days <paramref name="from"/>..<paramref name="to"/> added on its curve: the curve with
    /// the spend as it was less the curve with those days' spend at 0, summed from <paramref name="from"/> to
    /// <paramref name="horizon"/>; and the part on days from <paramref name="dataDays"/> on (past the data).
    /// </summary>
    internal static (double All, double Beyond) Gain(HillCurve curve, double[] spend, int from, int to, int horizon, int dataDays, double scale, Func<int, double> season) =>
        Gain(curve, spend, Removed(spend, from, to), from, horizon, dataDays, scale, season);

    /// <summary>
    /// Actions a market's spend added on its curve: the curve with the spend as it was less the curve with
    /// <paramref name="without"/>, summed from <paramref name="from"/> to <paramref name="horizon"/>; and the part on days
    /// from <paramref name="dataDays"/> on (past the data).
    /// </summary>
    internal static (double All, double Beyond) Gain(HillCurve curve, double[] spend, double[] without, int from, int horizon, int dataDays, double scale, Func<int, double> season)
    {
        var (with, less) = (curve.Adstock(spend), curve.Adstock(without));
        double all = 0, beyond = 0;
        for (var t = from; t <= horizon; t++)
        {
            var gain = curve.Beta * scale * season(t)
                * (HillCurve.Hill(with[t] / scale, curve.HalfSaturation, curve.Alpha) - HillCurve.Hill(less[t] / scale, curve.HalfSaturation, curve.Alpha));
            all += gain;
            beyond += t >= dataDays ? gain : 0;
        }

        return (all, beyond);
    }

    /// <exception cref="MetricsQueryException">A period that is empty or not within the fitted days.</exception>
    internal static void RequireWithin(DateOnly from, DateOnly to, int first, int days)
    {
        if (from.DayNumber < first || to.DayNumber >= first + days || to < from)
        {
            throw new MetricsQueryException(FormattableString.Invariant(
                $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} is not within the fitted data ({DateOnly.FromDayNumber(first):yyyy-MM-dd}..{DateOnly.FromDayNumber(first + days - 1):yyyy-MM-dd})"));
        }
    }

    /// <summary>The data's spend, then the current spend per day until <paramref name="length"/>.</summary>
    private static double[] Padded(double[] spend, int length, double current) =>
        [.. Enumerable.Range(0, Math.Max(length, spend.Length)).Select(t => t < spend.Length ? spend[t] : current)];

    private static double[] Removed(double[] spend, int from, int to) =>
        [.. spend.Select((x, t) => t >= from && t <= to ? 0 : x)];
}

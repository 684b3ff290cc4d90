using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Incremental;

/// <summary>One paid channel's contribution over the period, in the reporting currency, with its incremental ROAS.</summary>
public sealed record ChannelContribution(string Channel, double Spend, Estimate Contribution, Estimate? IncrementalRoas);

/// <summary>`dashboard contributions` (API.md): what each paid channel added, and the base (sales less all of it).</summary>
public sealed record ContributionsResult(
    string Currency, DateOnly From, DateOnly To, string Model, double Interval, Estimate Base, IReadOnlyList<ChannelContribution> Channels, IReadOnlyList<string> Notes);

/// <summary>
/// Contributions of the paid channels over a period, from the mediated model (<see cref="ChannelIncrement"/>): the
/// figures Channel effectiveness and Overview show for the same dates and markets.
/// </summary>
public static class Contributions
{
    public const string Mediated = "mediated";

    /// <summary>A quarter: the default period ends on the last day of data.</summary>
    public const int DefaultDays = 91;

    /// <summary>The model a request names: mediated (the default), or revenue (spend and sales alone).</summary>
    /// <exception cref="MetricsQueryException">Any other name.</exception>
    public static string ModelKind(string? kind) => (kind ?? Mediated).Trim().ToLowerInvariant() switch
    {
        Mediated => Mediated,
        RevenueOnlyModel.Kind => RevenueOnlyModel.Kind,
        _ => throw new MetricsQueryException($"unknown model '{kind}': use {Mediated} or {RevenueOnlyModel.Kind}"),
    };

    /// <summary>
    /// The model asked for; the mediated one falls back to the sales-only model where no channel has a curve through
    /// micro-conversions (a scope without tracking), and says so.
    /// </summary>
    /// <exception cref="MetricsQueryException">An unknown model, dates outside the fitted data, an unknown market, or a currency without rates.</exception>
    public static async Task<ContributionsResult> RunAsync(string? kind, Func<Task<ResponseModel>> mediated, Func<Task<RevenueOnlyModel>> revenue,
        FxRates fx, string currency, DateOnly? from, DateOnly? to, IReadOnlySet<string>? markets)
    {
        ArgumentNullException.ThrowIfNull(mediated);
        ArgumentNullException.ThrowIfNull(revenue);
        if (ModelKind(kind) == RevenueOnlyModel.Kind)
        {
            return Run(await revenue(), fx, currency, from, to, markets);
        }

        var model = await mediated();
        if (model.Channels.Any(c => c.Fit is not null))
        {
            return Run(model, fx, currency, from, to, markets);
        }

        var result = Run(await revenue(), fx, currency, from, to, markets);
        return result with
        {
            Notes = [$"no channel has a curve through micro-conversions in this scope ({string.Join("; ", model.Channels.Select(c => $"{c.Name}: {c.AbsentReason}").Distinct())}): the figures are the sales-only model's", .. result.Notes],
        };
    }

    /// <exception cref="MetricsQueryException">Dates outside the fitted data, an unknown market, or a currency without rates.</exception>
    public static ContributionsResult Run(ResponseModel model, FxRates fx, string currency, DateOnly? from, DateOnly? to, IReadOnlySet<string>? markets)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (first, last, set, rate) = Request(model.MarketCodes, model.LastDay, fx, currency, from, to, markets);
        var (figures, total) = ChannelIncrement.All(model, first, last, set);
        var notes = new List<string>
        {
            "incremental: sales less sales with the channel's spend on these dates at 0, carry-over counted; through the micro-conversions each channel's tracking credits, valued by the valuation",
        };
        notes.AddRange(model.Channels.Where(c => c.Fit is null).Select(c => $"{c.Name}: no contribution ({c.AbsentReason})"));
        return Result(Mediated, currency, first, last, rate, model.Revenue(set, first, last), figures, total, notes);
    }

    /// <summary>The same from the sales-only model: what its curves on spend say each channel added to sales.</summary>
    /// <exception cref="MetricsQueryException">Dates outside the fitted data, an unknown market, or a currency without rates.</exception>
    public static ContributionsResult Run(RevenueOnlyModel model, FxRates fx, string currency, DateOnly? from, DateOnly? to, IReadOnlySet<string>? markets)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (first, last, set, rate) = Request(model.MarketCodes, model.LastDay, fx, currency, from, to, markets);
        var (figures, total) = model.All(first, last, set);
        var notes = new List<string>
        {
            "incremental: sales less sales with the channel's spend on these dates at 0, carry-over counted; from curves fitted on spend and sales alone (each market's own base, one adstock and saturation per channel pooled over markets), the band from refits on markets drawn with replacement",
        };
        notes.AddRange(model.Channels.Where(c => c.Curve is null && c.AbsentReason is not null).Select(c => $"{c.Name}: no contribution ({c.AbsentReason})"));
        notes.AddRange(model.Notes);
        notes.AddRange(figures.Where(f => f.RevenueUsd.High < 0).Select(f =>
            $"{f.Name}: sales fell when it spent (its whole band is below 0); spend does not lower sales, so its timing met something the base does not hold (a season, a promotion, another channel's flights): not a figure to act on"));
        return Result(RevenueOnlyModel.Kind, currency, first, last, rate, model.Revenue(set, first, last), figures, total, notes);
    }

    private static (DateOnly First, DateOnly Last, HashSet<string>? Markets, FxRate Rate) Request(
        IReadOnlyList<string> fitted, DateOnly lastDay, FxRates fx, string currency, DateOnly? from, DateOnly? to, IReadOnlySet<string>? markets)
    {
        ArgumentNullException.ThrowIfNull(fx);
        var unknown = markets?.Where(m => !fitted.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new MetricsQueryException($"unknown market(s) {string.Join(", ", unknown)} (markets fitted: {string.Join(", ", fitted)})");
        }

        var last = to ?? lastDay;
        var first = from ?? last.AddDays(1 - DefaultDays);
        var rate = fx.Resolve(currency.ToUpperInvariant(), FxRates.MonthIndex(last));
        if (rate.Source == FxRateSource.Missing)
        {
            throw new MetricsQueryException($"'{currency}' has no exchange rates: pick a currency with rates");
        }

        return (first, last, markets is null ? null : new HashSet<string>(markets.Select(m => m.ToUpperInvariant()), StringComparer.OrdinalIgnoreCase), rate);
    }

    private static ContributionsResult Result(string kind, string currency, DateOnly first, DateOnly last, FxRate rate, double revenue,
        IReadOnlyList<IncrementalFigure> figures, IncrementalFigure? total, List<string> notes)
    {
        var media = total?.RevenueUsd ?? new Estimate(0, 0, 0);

        // The base is sales less what media added: its band is media's, turned around.
        var baseline = new Estimate(revenue - media.Value, revenue - media.High, revenue - media.Low).In(rate.UsdPerUnit);
        if (figures.Any(f => f.BeyondDataShare > 0.005))
        {
            notes.Add("part of the carry-over falls after the last day of data: the channels are taken to keep their current spend there");
        }

        return new ContributionsResult(currency.ToUpperInvariant(), first, last, kind, 0.9, baseline,
            [.. figures.Select(f => new ChannelContribution(f.Channel, f.SpendUsd / rate.UsdPerUnit, f.RevenueUsd.In(rate.UsdPerUnit), f.Roas))], notes);
    }
}

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

    /// <exception cref="MetricsQueryException">Dates outside the fitted data, an unknown market or model, or a currency without rates.</exception>
    public static ContributionsResult Run(ResponseModel model, FxRates fx, string currency, DateOnly? from, DateOnly? to, IReadOnlySet<string>? markets, string? kind)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fx);
        var chosen = (kind ?? Mediated).Trim().ToLowerInvariant();
        if (chosen != Mediated)
        {
            throw new MetricsQueryException(chosen == "revenue"
                ? "--model revenue (fitted on spend and sales alone) is not available yet; use mediated"
                : $"unknown model '{kind}': use mediated");
        }

        var unknown = markets?.Where(m => !model.MarketCodes.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new MetricsQueryException($"unknown market(s) {string.Join(", ", unknown)} (markets fitted: {string.Join(", ", model.MarketCodes)})");
        }

        var last = to ?? model.LastDay;
        var first = from ?? last.AddDays(1 - DefaultDays);
        var rate = fx.Resolve(currency.ToUpperInvariant(), FxRates.MonthIndex(last));
        if (rate.Source == FxRateSource.Missing)
        {
            throw new MetricsQueryException($"'{currency}' has no exchange rates: pick a currency with rates");
        }

        var set = markets is null ? null : new HashSet<string>(markets.Select(m => m.ToUpperInvariant()), StringComparer.OrdinalIgnoreCase);
        var (figures, total) = ChannelIncrement.All(model, first, last, set);
        var revenue = model.Revenue(set, first, last);
        var media = total?.RevenueUsd ?? new Estimate(0, 0, 0);

        // The base is sales less what media added: its band is media's, turned around.
        var baseline = new Estimate(revenue - media.Value, revenue - media.High, revenue - media.Low).In(rate.UsdPerUnit);
        var notes = new List<string>
        {
            "incremental: sales less sales with the channel's spend on these dates at 0, carry-over counted; through the micro-conversions each channel's tracking credits, valued by the valuation",
        };
        notes.AddRange(model.Channels.Where(c => c.Fit is null).Select(c => $"{c.Name}: no contribution ({c.AbsentReason})"));
        if (figures.Any(f => f.BeyondDataShare > 0.005))
        {
            notes.Add("part of the carry-over falls after the last day of data: the channels are taken to keep their current spend there");
        }

        return new ContributionsResult(currency.ToUpperInvariant(), first, last, Mediated, 0.9, baseline,
            [.. figures.Select(f => new ChannelContribution(f.Channel, f.SpendUsd / rate.UsdPerUnit, f.RevenueUsd.In(rate.UsdPerUnit), f.Roas))], notes);
    }
}

using Dashboard.Application.Filters;
using Dashboard.Attribution.Incremental;
using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>One channel's incremental figures in the reporting currency, each with its 90% band.</summary>
public sealed record IncrementalRow(string Channel, string Name, double Spend, Estimate Revenue, Estimate? Roas, Estimate? Roi, double BeyondDataShare);

/// <summary>
/// What media added over a page's dates (METRICS.md incremental_revenue, incremental_roas, incremental_roi): per paid
/// channel, revenue with its spend as it was less revenue with that spend at 0, counted with carry-over, from the same
/// fitted response model as Budget scenarios (so the two pages tell one story), in the reporting currency at the rate
/// of the dates' last month.
/// </summary>
public sealed record IncrementalPanel(DateRange Range, string Currency, IReadOnlyList<IncrementalRow> Channels, IncrementalRow? Total, double Margin, IReadOnlyList<string> Notes)
{
    /// <summary>The campaigns with the most spend on the dates, each what it added on top of the rest of its channel's spend (name: "campaign · channel").</summary>
    public IReadOnlyList<IncrementalRow> Campaigns { get; init; } = [];

    /// <summary>The panel for a dashboard's dates, markets and channels, from the scope's fitted model.</summary>
    /// <returns>Null when the dates fall outside the fitted data (with the reason).</returns>
    /// <param name="campaigns">Also the campaigns with the most spend (a page with room for them; the Overview's card needs only the total).</param>
    public static (IncrementalPanel? Panel, string? Absent) Build(ResponseModel model, FactSnapshot snapshot, DateRange range, DashboardView view, string currency, bool campaigns = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(view);
        var (first, last) = (model.FirstDay, model.LastDay);
        if (range.From < first || range.To > last)
        {
            return (null, FormattableString.Invariant($"the media model covers {first:yyyy-MM-dd} to {last:yyyy-MM-dd}; pick dates within them"));
        }

        var rate = snapshot.Fx.Resolve(currency.ToUpperInvariant(), FxRates.MonthIndex(range.To));
        if (rate.Source == FxRateSource.Missing)
        {
            return (null, $"'{currency}' has no exchange rates");
        }

        var markets = Markets(snapshot, view);
        var (figures, total) = ChannelIncrement.All(model, range.From, range.To, markets, view.Channels);

        IncrementalRow Row(IncrementalFigure f) => new(f.Channel, f.Name, f.SpendUsd / rate.UsdPerUnit,
            f.RevenueUsd.In(rate.UsdPerUnit),
            f.Roas, f.SpendUsd > 0 ? Roi(f, model.Margin) : null, f.BeyondDataShare);

        var notes = new List<string>();
        foreach (var absent in model.Channels.Where(c => c.Fit is null && (view.Channels.Count == 0 || view.Channels.Contains(c.Channel))))
        {
            notes.Add($"{absent.Name}: no incremental figure ({absent.AbsentReason})");
        }

        if (figures.Any(f => f.BeyondDataShare > 0.005))
        {
            notes.Add("part of the carry-over falls after the last day of data: the channel is taken to keep its current spend there");
        }

        notes.Add("counted through the micro-conversions each channel's tracking credits, valued by the valuation; a channel's effect on sales without a micro-conversion is not in these figures yet");
        var campaignRows = campaigns ? CampaignIncrement.Of(model, snapshot, range.From, range.To, markets, view.Channels)
            .Select(c => Row(c.Figure) with { Channel = c.Campaign, Name = $"{c.Campaign} · {c.ChannelName}" }) : [];
        return (new IncrementalPanel(range, currency.ToUpperInvariant(), [.. figures.Select(Row)], total is null ? null : Row(total), model.Margin, notes) { Campaigns = [.. campaignRows] }, null);
    }

    /// <summary>(incremental revenue × margin − spend) ÷ spend, the band from the revenue's.</summary>
    private static Estimate Roi(IncrementalFigure f, double margin) => new(
        ((f.RevenueUsd.Value * margin) - f.SpendUsd) / f.SpendUsd,
        ((f.RevenueUsd.Low * margin) - f.SpendUsd) / f.SpendUsd,
        ((f.RevenueUsd.High * margin) - f.SpendUsd) / f.SpendUsd);

    /// <summary>The view's markets (its regions' and its own), or null for every market of the scope.</summary>
    private static HashSet<string>? Markets(FactSnapshot snapshot, DashboardView view)
    {
        if (view.Markets.Count == 0 && view.Regions.Count == 0)
        {
            return null;
        }

        var set = new HashSet<string>(view.Markets, StringComparer.OrdinalIgnoreCase);
        foreach (var market in snapshot.Reference.Markets.Where(m => view.Regions.Contains(snapshot.Reference.Regions[m.Region].Key)))
        {
            set.Add(market.Code);
        }

        return set;
    }
}

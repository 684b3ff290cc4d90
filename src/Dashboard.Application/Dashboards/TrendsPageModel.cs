using Dashboard.Domain.Reference;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Surveys;
using Dashboard.Metrics.Series;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>One period of the trend: the followed micro-conversions, revenue, their moving averages and the comparison period's values.</summary>
public sealed record TrendRow(string Period, DateOnly Start, double? Actions, double? Revenue, double? ActionsAverage7, double? ActionsAverage28, double? ComparisonActions, double? ComparisonRevenue);

/// <summary>A campaign flight that overlaps the view, clipped to it.</summary>
public sealed record FlightSpan(string Name, string Channel, DateOnly Start, DateOnly End);

/// <summary>
/// Trends as plain data, from the engine: the followed micro-conversions (all, one type or one category) against
/// revenue at the chosen grain, moving averages, the comparison period laid over the same positions, anomaly flags
/// (days outside the engine's robust band), campaign flights, and the lagged correlation between actions and revenue.
/// </summary>
public sealed record TrendsPageModel(
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    string Currency,
    Dimension Grain,
    string Focus,
    string FocusName,
    IReadOnlyList<(string Key, string Name)> FocusChoices,
    IReadOnlyList<TrendRow> Rows,
    IReadOnlyList<Anomaly> Anomalies,
    IReadOnlyList<FlightSpan> Flights,
    IReadOnlyList<LagCorrelation> Correlation,
    DateRange CorrelationRange,
    IReadOnlyList<SurveySummary> Surveys)
{
    public const string AllActions = "";

    /// <summary>Days of lag the correlation looks at (actions leading revenue).</summary>
    public const int MaxLagDays = 28;

    /// <summary>The lag at which actions and sales move together most, in words, with the warning that goes with it.</summary>
    public string LagSummary(Formatting.NumberFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var best = Correlation.Where(c => c.R is not null).MaxBy(c => c.R);
        return best is null
            ? "Too few days to correlate."
            : $"Strongest at {best.Lag} day(s): r = {format.Fixed(best.R, 2)}, on 7-day averages from {Formatting.Formats.Date(CorrelationRange.From)} to {Formatting.Formats.Date(CorrelationRange.To)}. "
              + "This is correlation, not cause: seasons and promotions move both; the Micro-conversion value page separates them.";
    }

    /// <summary>What the trend chart marks: days outside the expected band, campaign flights, and the data's date.</summary>
    public string ChartNote =>
        (Anomalies.Count == 0 ? "No day outside the expected band." : $"{Anomalies.Count} day(s) outside the expected band (trailing 28-day median ± 3.5 robust spreads), marked ×.")
        + (Flights.Count == 0 ? "" : $" Shaded: {Flights.Count} campaign flight(s); hover a label for its name and dates.") + $" Data as of {Formatting.Formats.Date(DataAsOf)}.";

    public static TrendsPageModel? Build(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (analysis, view) = (context.Analysis, context.View);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var reference = analysis.Snapshot.Reference;
        var choices = new List<(string Key, string Name)> { (AllActions, "All micro-conversions") };
        choices.AddRange(Enum.GetValues<Category>().Select(c => ($"category:{c.ToKey()}", $"Category: {FunnelPageModel.CategoryName(c)}")));
        choices.AddRange(reference.Events.Select(e => ($"event:{e.Key}", e.Name)));
        var focus = choices.Any(c => c.Key == view.Focus) ? view.Focus! : AllActions;

        var range = view.Range(context.Time, last);
        var grain = view.Grain switch
        {
            "week" => Dimension.Week,
            "month" => Dimension.Month,
            "day" => Dimension.Day,
            _ => range.Days <= 120 ? Dimension.Day : Dimension.Week,
        };
        var filters = new Dictionary<Dimension, IReadOnlyList<string>>(view.Filters());
        if (focus.Split(':') is [var kind, var key])
        {
            filters[kind == "event" ? Dimension.Event : Dimension.Category] = [key];
        }

        var engine = analysis.Engine;
        var actionsQuery = new MetricsQuery
        {
            Range = range, Measures = [MeasureCatalogue.MicroConversions], By = [grain], Filters = filters, Scope = context.Scope,
            Currency = context.Preferences.Currency, Compare = view.Compare,
        };

        // Revenue is kept by market and brand: the channel and event filters do not apply to it.
        var revenueFilters = view.Filters().Where(f => f.Key is Dimension.Region or Dimension.Market or Dimension.Brand).ToDictionary(f => f.Key, f => f.Value);
        var revenueQuery = actionsQuery with { Measures = [MeasureCatalogue.Revenue], Filters = revenueFilters };
        var actions = engine.Run(actionsQuery);
        var revenue = engine.Run(revenueQuery);
        var revenueByPeriod = revenue.Rows.ToDictionary(r => r.Group[grain], r => r);

        // Averages, anomaly bands and the correlation need days before the view: read a year (at least 28 days more).
        var lookback = new DateRange(Min(range.From.AddDays(-27), range.To.AddDays(-364)), range.To);
        var daily = engine.Run(actionsQuery with { Range = lookback, By = [Dimension.Day], Compare = Comparison.None });
        var dailyRevenue = engine.Run(revenueQuery with { Range = lookback, By = [Dimension.Day], Compare = Comparison.None });
        var days = daily.Rows.Select(r => r.Group[Dimension.Day]).ToList();
        var dayIndex = days.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i);
        var dailyActions = daily.Rows.Select(r => r.Values[MeasureCatalogue.MicroConversions].Value).ToList();
        var revenueByDay = dailyRevenue.Rows.ToDictionary(r => r.Group[Dimension.Day], r => r.Values[MeasureCatalogue.Revenue].Value);
        var dailyRevenueValues = days.Select(d => revenueByDay.GetValueOrDefault(d)).ToList();
        var average7 = SeriesMath.MovingAverage(dailyActions, 7);
        var average28 = SeriesMath.MovingAverage(dailyActions, 28);

        var rows = actions.Rows.Select(r =>
        {
            var period = r.Group[grain];
            var rev = revenueByPeriod.GetValueOrDefault(period);
            var i = grain == Dimension.Day && dayIndex.TryGetValue(period, out var k) ? k : -1;
            return new TrendRow(period, PeriodStart(period, grain),
                r.Values[MeasureCatalogue.MicroConversions].Value, rev?.Values[MeasureCatalogue.Revenue].Value,
                i >= 0 ? average7[i] : null, i >= 0 ? average28[i] : null, null, null);
        }).ToList();

        // The comparison period at the same positions: its n-th period beside the view's n-th.
        if (view.Compare != Comparison.None && actions.ComparisonRange is { } before)
        {
            var priorActions = engine.Run(actionsQuery with { Range = before, Compare = Comparison.None }).Rows;
            var priorRevenue = engine.Run(revenueQuery with { Range = before, Compare = Comparison.None }).Rows;
            rows = [.. rows.Select((r, i) => r with
            {
                ComparisonActions = i < priorActions.Count ? priorActions[i].Values[MeasureCatalogue.MicroConversions].Value : null,
                ComparisonRevenue = i < priorRevenue.Count ? priorRevenue[i].Values[MeasureCatalogue.Revenue].Value : null,
            })];
        }

        // Anomalies: days of the view outside the band of their own trailing 28 days (flagged on the day chart only).
        var firstInView = days.FindIndex(d => string.CompareOrdinal(d, range.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) >= 0);
        var anomalies = grain != Dimension.Day || firstInView < 0 ? []
            : SeriesMath.Anomalies(dailyActions).Where(a => a.Index >= firstInView).Select(a => a with { Index = a.Index - firstInView }).ToList();

        // The correlation reads the year's 7-day averages: on raw days the weekday cycle dominates every lag.
        var correlation = SeriesMath.LaggedCorrelation(average7, SeriesMath.MovingAverage(dailyRevenueValues, 7), MaxLagDays);

        var channelFilter = view.Channels.Select(c => reference.Channels.ToList().FindIndex(x => x.Key == c)).Where(i => i >= 0).ToHashSet();
        var flights = analysis.Snapshot.Flights
            .Where(f => f.End >= range.From && f.Start <= range.To && (channelFilter.Count == 0 || channelFilter.Contains(f.Channel)))
            .Select(f => new FlightSpan(f.Name, reference.Channels[f.Channel].Name, f.Start < range.From ? range.From : f.Start, f.End > range.To ? range.To : f.End))
            .ToList();

        // What surveyed consumers said about the micro-conversions in focus, in the same markets and days.
        var surveyFilters = view.Filters().Where(f => f.Key is Dimension.Region or Dimension.Market).ToDictionary(f => f.Key, f => f.Value);
        var surveys = SurveySummaries.Run(analysis.Snapshot, new SurveyQuery { Range = range, Scope = context.Scope, Filters = surveyFilters })
            .Where(s => s.Responses > 0 && InFocus(focus, reference.Events.FirstOrDefault(e => e.Key == s.Event)))
            .OrderByDescending(s => s.Responses)
            .ToList();
        return new TrendsPageModel(range, actions.ComparisonRange, last, revenue.Currency, grain, focus, choices.First(c => c.Key == focus).Name, choices,
            rows, anomalies, flights, correlation, lookback, surveys);
    }

    private static bool InFocus(string focus, EventRef? definition) => definition is not null && focus.Split(':') switch
    {
        ["event", var key] => definition.Key == key,
        ["category", var key] => definition.Category.ToKey() == key,
        _ => true,
    };

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly PeriodStart(string key, Dimension grain) =>
        PeriodKeys.TryParse(key, grain switch { Dimension.Week => TimeGrain.Week, Dimension.Month => TimeGrain.Month, _ => TimeGrain.Day }, out var range)
            ? range.From
            : DateOnly.MinValue;
}

using Dashboard.Application.Filters;
using Dashboard.Application.Analysis;
using Dashboard.Attribution.Valuation;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Surveys;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>A channel's or campaign's engagement value (actions × value per action) over the recent period.</summary>
public sealed record EngagementRow(string Key, string Name, double Value, double Actions);

/// <summary>
/// What the micro-conversion value page shows, computed once for the page and for its downloads alike: the
/// valuation in the user's currency, the engagement value by channel and by campaign of the chosen recent period
/// (13 weeks unless the view says otherwise) within the user's markets, and what consumers in those markets said
/// about each type over the valuation's period.
/// </summary>
public sealed record ValuePageModel(ValuationResult Valuation, DateRange? Recent, IReadOnlyList<EngagementRow> Channels, IReadOnlyList<EngagementRow> Campaigns,
    IReadOnlyList<SurveySummary> Surveys)
{
    /// <summary>The verdict, groups and types left unvalued, in plain words.</summary>
    public ValueVerdict Verdict { get; } = ValueVerdict.Of(Valuation);

    /// <summary>The types as the table lists them: the most valuable first, unvalued types last.</summary>
    public IReadOnlyList<EventValue> Types { get; } = [.. Valuation.Events.OrderByDescending(e => e.Value ?? double.MinValue)];

    /// <summary>The campaigns the page lists: the ten with the most engagement value.</summary>
    public IReadOnlyList<EngagementRow> TopCampaigns => [.. Campaigns.Take(10)];

    /// <summary>Survey answers of the types someone answered about, the most answered first.</summary>
    public IReadOnlyList<SurveySummary> Answered => [.. Surveys.Where(s => s.Responses > 0).OrderByDescending(s => s.Responses)];

    public static ValuePageModel Build(SnapshotAnalysis analysis, AccessScope scope, string currency, PeriodView? view = null)
    {
        view ??= PeriodView.Default;
        ArgumentNullException.ThrowIfNull(analysis);

        // The values pool every market (at least three outside any regional user's scope): the pooling rule allows it.
        var valuation = analysis.Valuation.Valuation.ConvertedTo(currency, analysis.Snapshot.Fx);
        var surveys = SurveySummaries.Run(analysis.Snapshot, new SurveyQuery { Range = valuation.Range, Scope = scope });
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return new ValuePageModel(valuation, null, [], [], surveys);
        }

        var recent = new DateRange(last.AddDays(1 - view.Days), last);
        var channelNames = analysis.Snapshot.Reference.Channels.ToDictionary(c => c.Key, c => c.Name);
        var byChannel = analysis.Engine.Run(new MetricsQuery
        {
            Range = recent, Measures = ["engagement_value", "micro_conversions"], By = [Dimension.Channel], Scope = scope, Currency = currency,
        });
        var byCampaign = analysis.Engine.Run(new MetricsQuery
        {
            Range = recent, Measures = ["engagement_value", "micro_conversions"], By = [Dimension.Campaign], Scope = scope, Currency = currency,
        });
        return new ValuePageModel(valuation, recent, Rows(byChannel, Dimension.Channel, key => channelNames.GetValueOrDefault(key, key)),
            Rows(byCampaign, Dimension.Campaign, key => key.Length == 0 ? "(no campaign)" : key), surveys);
    }

    private static List<EngagementRow> Rows(MetricsAnswer result, Dimension by, Func<string, string> name) =>
        [.. result.Rows.Where(r => r.Values["engagement_value"].Value is not null)
            .Select(r => new EngagementRow(r.Group[by], name(r.Group[by]), r.Values["engagement_value"].Value!.Value, r.Values["micro_conversions"].Value ?? 0))
            .OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal)];
}

using Dashboard.Attribution;
using Dashboard.Attribution.Journeys;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>A step of the funnel: sessions, the actions of one intent group, or orders.</summary>
public sealed record FunnelStage(string Label, double? Value);

/// <summary>Micro-conversions of one intent group and category.</summary>
public sealed record IntentCell(IntentGroup Intent, Category Category, double Actions);

/// <summary>
/// Funnel and intent as plain data, from the engine and the journey measures: the funnel from sessions through the
/// intent groups to orders, actions by intent group and category, the plain and the true conversion rate (and the
/// share of sessions without purchase intent that separates them), the intent flows for a Sankey, micro-to-macro lift
/// and the micro-engagement rate.
/// </summary>
public sealed record FunnelPageModel(
    DateRange Range,
    DateRange? ComparedWith,
    DateOnly? DataAsOf,
    IReadOnlyList<FunnelStage> Stages,
    IReadOnlyList<IntentCell> Cells,
    Kpi ConversionRate,
    Kpi TrueConversionRate,
    double? NoIntentShare,
    JourneyMeasuresResult Journeys)
{
    public static string IntentName(IntentGroup intent) => intent switch
    {
        IntentGroup.Low => "Low intent",
        IntentGroup.Medium => "Medium intent",
        IntentGroup.High => "High intent",
        _ => intent.ToKey(),
    };

    public static string CategoryName(Category category) => category switch
    {
        Category.DigitalEngagement => "Digital engagement",
        Category.Promotional => "Promotional",
        Category.ProductInteraction => "Product interaction",
        Category.RetailAction => "Retail action",
        _ => category.ToKey(),
    };

    public static FunnelPageModel? Build(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (analysis, view) = (context.Analysis, context.View);
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return null;
        }

        var range = view.Range(context.Time, last);
        var engine = analysis.Engine;
        var query = new MetricsQuery
        {
            Range = range, Measures = [MeasureCatalogue.Sessions, MeasureCatalogue.Orders, MeasureCatalogue.ConversionRate, MeasureCatalogue.TrueConversionRate],
            Filters = MarketFilters(view), Compare = view.Compare, Scope = context.Scope, Currency = context.Preferences.Currency,
        };
        var answer = engine.Run(query);
        var totals = answer.Totals;
        var byIntent = engine.Run(query with { Measures = [MeasureCatalogue.MicroConversions], By = [Dimension.IntentGroup, Dimension.Category], Filters = view.Filters(), Compare = Comparison.None });
        var cells = byIntent.Rows
            .Select(r => new IntentCell(
                Enum.GetValues<IntentGroup>().First(i => i.ToKey() == r.Group[Dimension.IntentGroup]),
                Enum.GetValues<Category>().First(c => c.ToKey() == r.Group[Dimension.Category]),
                r.Values[MeasureCatalogue.MicroConversions].Value ?? 0))
            .Where(c => c.Actions > 0).ToList();
        var stages = new List<FunnelStage> { new("Sessions", totals.Values[MeasureCatalogue.Sessions].Value) };
        var byGroup = engine.Run(query with { Measures = [MeasureCatalogue.MicroConversions], By = [Dimension.IntentGroup], Filters = view.Filters(), Compare = Comparison.None })
            .Rows.ToDictionary(r => r.Group[Dimension.IntentGroup], r => r.Values[MeasureCatalogue.MicroConversions].Value);
        stages.AddRange(Enum.GetValues<IntentGroup>().Select(i => new FunnelStage($"{IntentName(i)} actions", byGroup.GetValueOrDefault(i.ToKey()) ?? 0)));
        stages.Add(new FunnelStage("Orders", totals.Values[MeasureCatalogue.Orders].Value));

        Kpi Rate(string key) => new(MeasureCatalogue.Find(key)!, totals.Values[key].Value, totals.Values[key].AbsentReason, totals.Comparison?[key].Value,
            totals.Change?[key].Value, totals.ChangePoints?.GetValueOrDefault(key).Value, []);
        var plain = Rate(MeasureCatalogue.ConversionRate);
        var truer = Rate(MeasureCatalogue.TrueConversionRate);

        // orders ÷ sessions and orders ÷ (sessions − no-intent sessions): their ratio is the share of sessions with intent.
        double? noIntent = plain.Value is { } p && truer.Value is { } t && t > 0 ? 1 - (p / t) : null;

        var journeys = JourneyMeasures.Run(analysis.Snapshot, new AttributionQuery { Range = range, Scope = context.Scope, Filters = MarketFilters(view) });
        return new FunnelPageModel(range, answer.ComparisonRange, last, stages, cells, plain, truer, noIntent, journeys);
    }

    /// <summary>Sessions, orders and journeys are kept by market, not by channel or brand: only the market filters apply to them.</summary>
    private static Dictionary<Dimension, IReadOnlyList<string>> MarketFilters(Filters.DashboardView view) =>
        view.Filters().Where(f => f.Key is Dimension.Region or Dimension.Market).ToDictionary(f => f.Key, f => f.Value);
}

using Dashboard.Metrics.Query;
using static Dashboard.Metrics.Query.Dimension;

namespace Dashboard.Metrics.Catalogue;

/// <summary>Every measure of METRICS.md with its supported dimensions, unit, direction and display format.</summary>
public static class MeasureCatalogue
{
    public const string MicroConversions = "micro_conversions";
    public const string Sessions = "sessions";
    public const string MicroConversionRate = "micro_conversion_rate";
    public const string Orders = "orders";
    public const string Units = "units";
    public const string Revenue = "revenue";
    public const string ConversionRate = "conversion_rate";
    public const string TrueConversionRate = "true_conversion_rate";
    public const string Spend = "spend";
    public const string CostPerMicroConversion = "cost_per_micro_conversion";
    public const string AttributedRevenue = "attributed_revenue";
    public const string Roas = "roas";
    public const string Roi = "roi";
    public const string EngagementValue = "engagement_value";
    public const string TrackingCoverage = "tracking_coverage";

    private static HashSet<Dimension> Set(params Dimension[] dimensions) => [.. dimensions];

    private static readonly HashSet<Dimension> EventScope = Set(Channel, Campaign, Event, Category, IntentGroup, Source);

    public static IReadOnlyList<MeasureDefinition> All { get; } =
    [
        new(MicroConversions, "Micro-conversions", MeasureUnit.Count, "Σ count of micro-conversion actions",
            EventScope, HigherIsBetter: true, "#,0"),
        new(Sessions, "Sessions", MeasureUnit.Count, "Σ sessions", Set(Channel), true, "#,0",
            "sessions are recorded by market and channel only"),
        new(MicroConversionRate, "Micro-conversion rate", MeasureUnit.Rate,
            "micro-conversions ÷ sessions; by event, category, intent group or source: those actions per session of the channel scope",
            Set(Channel, Event, Category, IntentGroup, Source), true, "0.00%",
            "sessions are not recorded by campaign, brand or SKU"),
        new(Orders, "Orders", MeasureUnit.Count, "Σ orders of sales rows", Set(Brand, Sku), true, "#,0",
            "sales are recorded by market, brand and SKU, not by channel or event; see attributed revenue"),
        new(Units, "Units", MeasureUnit.Count, "Σ units of sales rows", Set(Brand, Sku), true, "#,0",
            "sales are recorded by market, brand and SKU, not by channel or event; see attributed revenue"),
        new(Revenue, "Revenue", MeasureUnit.Money, "Σ revenue of sales rows, in the reporting currency", Set(Brand, Sku), true, "#,0",
            "revenue is not recorded by channel or event; see attributed revenue"),
        new(ConversionRate, "Conversion rate", MeasureUnit.Rate, "orders ÷ sessions (all channels)", Set(), true, "0.00%",
            "orders and sessions share only market and time"),
        new(TrueConversionRate, "True conversion rate", MeasureUnit.Rate,
            "orders ÷ (sessions − sessions without purchase intent)", Set(), true, "0.00%",
            "orders and sessions share only market and time"),
        new(Spend, "Spend", MeasureUnit.Money, "Σ media spend, in the reporting currency", Set(Channel, Campaign), false, "#,0",
            "spend is recorded by market, channel and campaign"),
        new(CostPerMicroConversion, "Cost per micro-conversion", MeasureUnit.Money,
            "spend ÷ micro-conversions; by event etc.: spend of the channel scope ÷ those actions",
            EventScope, false, "#,0.00", "spend is not recorded by brand or SKU"),
        new(AttributedRevenue, "Attributed revenue", MeasureUnit.Money,
            "revenue × the channel's credit share under the chosen attribution model", Set(Channel), true, "#,0",
            "attribution credits channels only"),
        new(Roas, "Attributed ROAS", MeasureUnit.Ratio, "attributed revenue ÷ spend: a share of all sales by journey credit, base sales included (not what the spend added)", Set(Channel), true, "0.00",
            "attribution credits channels only"),
        new(Roi, "Attributed ROI", MeasureUnit.Ratio, "(attributed revenue × gross margin − spend) ÷ spend, attributed revenue being a share of all sales by journey credit", Set(Channel), true, "0.00",
            "attribution credits channels only"),
        new(EngagementValue, "Engagement value", MeasureUnit.Money,
            "Σ micro-conversions × value per micro-conversion (from valuation)", Set(Channel, Campaign, Event, Category, IntentGroup), true, "#,0",
            "engagement value is not defined by source, brand or SKU"),
        new(TrackingCoverage, "Tracking coverage", MeasureUnit.Rate,
            "markets reporting the definition ÷ markets in scope reporting any micro-conversion", Set(Event, Category, IntentGroup), true, "0%",
            "coverage is about definitions, not channels or campaigns"),
    ];

    private static readonly Dictionary<string, MeasureDefinition> ByKey = All.ToDictionary(m => m.Key, StringComparer.Ordinal);

    public static MeasureDefinition? Find(string key) => ByKey.GetValueOrDefault(key);
}

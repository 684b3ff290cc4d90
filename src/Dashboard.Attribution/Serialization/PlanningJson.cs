using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Attribution.Planning;

namespace Dashboard.Attribution.Serialization;

/// <summary>The API.md shapes of `scenario` and `optimize`, shared by the command line and the HTTP API.</summary>
public static class PlanningJson
{
    public static JsonObject ToJson(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["period"] = Period(result.Period),
            ["currency"] = result.Currency,
            ["spend_per_day"] = Map(result.Predicted.SpendPerDay),
            ["predicted"] = Outcome(result.Predicted),
            ["baseline"] = Outcome(result.Baseline),
            ["notes"] = Notes(result.Notes),
        };
    }

    public static JsonObject ToJson(OptimizeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["mode"] = ModeKey(result.Mode),
            ["budget_per_day"] = result.BudgetPerDay,
            ["period"] = Period(result.Period),
            ["currency"] = result.Currency,
            ["allocation"] = new JsonArray([.. result.Allocation.Select(a => (JsonNode)new JsonObject
            {
                ["channel"] = a.Channel,
                ["current"] = a.Current,
                ["recommended"] = a.Recommended,
                ["min"] = a.Min,
                ["max"] = a.Max,
                ["binding"] = a.Binding,
                ["marginal_roi"] = a.MarginalRoi,
                ["markets"] = new JsonArray([.. a.Markets.Select(m => (JsonNode)new JsonObject
                {
                    ["market"] = m.Market,
                    ["current"] = m.Current,
                    ["recommended"] = m.Recommended,
                    ["min"] = m.Min,
                    ["max"] = m.Max,
                    ["binding"] = m.Binding,
                    ["marginal_roi"] = m.MarginalRoi,
                    ["curve"] = m.OwnCurve ? "market" : "pooled",
                })]),
            })]),
            ["predicted"] = Outcome(result.Predicted),
            ["baseline"] = Outcome(result.Baseline),
            ["notes"] = Notes(result.Notes),
        };
    }

    public static string ModeKey(OptimizeMode mode) => mode switch
    {
        OptimizeMode.Revenue => "revenue",
        OptimizeMode.Profit => "profit",
        OptimizeMode.TargetRevenue => "target_revenue",
        _ => "roas_floor",
    };

    private static JsonObject Outcome(ScenarioOutcome o) => new()
    {
        ["spend_per_day"] = Map(o.SpendPerDay),
        ["predicted_revenue"] = Estimate(o.PredictedRevenue),
        ["incremental_revenue"] = Estimate(o.IncrementalRevenue),
        ["incremental_roi"] = Estimate(o.IncrementalRoi),
        ["micro_conversions_by_intent"] = Map(o.MicroConversionsByIntent),
        ["marginal_roi"] = new JsonObject(o.MarginalRoi.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)(p.Value is { } v ? JsonValue.Create(v) : null)))),
    };

    internal static JsonObject Estimate(Estimate e) => new() { ["value"] = e.Value, ["low"] = e.Low, ["high"] = e.High };

    private static JsonObject Map(IReadOnlyDictionary<string, double> values) =>
        new(values.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value))));

    private static JsonObject Period(PlanningPeriod p) => new()
    {
        ["from"] = p.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = p.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["days"] = p.Days,
    };

    private static JsonArray Notes(IReadOnlyList<string> notes) => new([.. notes.Select(n => (JsonNode?)JsonValue.Create(n))]);
}

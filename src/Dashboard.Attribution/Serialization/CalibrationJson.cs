using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Attribution.Incremental;

namespace Dashboard.Attribution.Serialization;

/// <summary>`dashboard calibrations`: what each stored geo test did to its channel's curve, and the channel's figure it changed.</summary>
public static class CalibrationJson
{
    public static JsonObject ToJson(CalibrationEffect effect, bool spendChangeStated)
    {
        ArgumentNullException.ThrowIfNull(effect);
        var r = effect.Result;
        return new JsonObject
        {
            ["test"] = r.Test,
            ["channel"] = r.Channel,
            ["applied"] = r.Applied,
            ["problem"] = r.Problem,
            ["start"] = Iso(r.From),
            ["end"] = Iso(r.To),
            ["test_markets"] = new JsonArray([.. r.Markets.Select(m => (JsonNode?)JsonValue.Create(m))]),
            ["currency"] = "USD",
            ["spend_change"] = r.SpendChange,
            ["spend_change_stated"] = spendChangeStated,
            ["spend"] = r.Applied ? r.SpendUsd : null,
            ["spend_without_test"] = r.Applied ? r.CounterfactualSpendUsd : null,
            ["measured"] = PlanningJson.Estimate(r.Measured),
            ["predicted_before"] = r.Before is { } before ? PlanningJson.Estimate(before) : null,
            ["predicted_after"] = r.After is { } after ? PlanningJson.Estimate(after) : null,
            ["channel_before"] = Figure(effect.Before),
            ["channel_after"] = Figure(effect.After),
        };
    }

    private static JsonObject? Figure(IncrementalFigure? f) => f is null ? null : new JsonObject
    {
        ["from"] = Iso(f.From),
        ["to"] = Iso(f.To),
        ["spend"] = f.SpendUsd,
        ["incremental_revenue"] = PlanningJson.Estimate(f.RevenueUsd),
        ["incremental_roas"] = f.Roas is { } roas ? PlanningJson.Estimate(roas) : null,
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

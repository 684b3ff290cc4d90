using System.Globalization;
using System.Text.Json.Nodes;
using Dashboard.Attribution.Incremental;

namespace Dashboard.Attribution.Serialization;

/// <summary>The API.md shape of `contributions`, shared by the command line and the HTTP API.</summary>
public static class ContributionsJson
{
    public static JsonObject ToJson(ContributionsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new JsonObject
        {
            ["currency"] = result.Currency,
            ["from"] = result.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = result.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["model"] = result.Model,
            ["interval"] = result.Interval,
            ["base"] = PlanningJson.Estimate(result.Base),
            ["channels"] = new JsonArray([.. result.Channels.Select(c => (JsonNode)new JsonObject
            {
                ["channel"] = c.Channel,
                ["spend"] = c.Spend,
                ["contribution"] = c.Contribution.Value,
                ["low"] = c.Contribution.Low,
                ["high"] = c.Contribution.High,
                ["incremental_roas"] = c.IncrementalRoas?.Value,
                ["incremental_roas_low"] = c.IncrementalRoas?.Low,
                ["incremental_roas_high"] = c.IncrementalRoas?.High,
            })]),
            ["notes"] = new JsonArray([.. result.Notes.Select(n => (JsonNode)JsonValue.Create(n))]),
        };
    }
}

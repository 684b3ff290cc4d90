using System.Text.Json.Nodes;
using Dashboard.Metrics.Query;

namespace Dashboard.Metrics.Serialization;

/// <summary>
/// The API.md shape of a metrics answer, shared by the command line and the HTTP API so both return the same JSON:
/// snake_case keys, plain numbers, null for an absent value (its reason under "absent").
/// </summary>
public static class MetricsAnswerJson
{
    public static JsonObject ToJson(MetricsAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var json = new JsonObject
        {
            ["currency"] = answer.Currency,
            ["from"] = Iso(answer.Range.From),
            ["to"] = Iso(answer.Range.To),
            ["by"] = new JsonArray(answer.By.Select(d => (JsonNode?)JsonValue.Create(d.Key())).ToArray()),
        };
        if (answer.ComparisonRange is { } comparison)
        {
            json["comparison_from"] = Iso(comparison.From);
            json["comparison_to"] = Iso(comparison.To);
        }

        json["rows"] = new JsonArray(answer.Rows.Select(r => (JsonNode?)Row(r, withGroup: true)).ToArray());
        json["totals"] = Row(answer.Totals, withGroup: false);
        json["notes"] = new JsonArray(answer.Notes.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        return json;
    }

    private static JsonObject Row(AnswerRow row, bool withGroup)
    {
        var json = new JsonObject();
        if (withGroup)
        {
            json["group"] = new JsonObject(row.Group.Select(g => KeyValuePair.Create(g.Key.Key(), (JsonNode?)JsonValue.Create(g.Value))));
        }

        json["values"] = Values(row.Values);
        if (row.Comparison is not null)
        {
            json["comparison"] = Values(row.Comparison);
            json["change"] = Values(row.Change!);
            if (row.ChangePoints is { Count: > 0 } points)
            {
                json["change_points"] = Values(points);
            }
        }

        var absent = row.Values.Where(v => v.Value.IsAbsent).ToList();
        if (absent.Count > 0)
        {
            json["absent"] = new JsonObject(absent.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)JsonValue.Create(v.Value.AbsentReason))));
        }

        return json;
    }

    private static JsonObject Values(IReadOnlyDictionary<string, MeasureValue> values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, v.Value.Value is { } x ? (JsonNode?)JsonValue.Create(x) : null)));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

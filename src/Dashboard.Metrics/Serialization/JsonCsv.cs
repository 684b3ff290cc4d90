using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Metrics.Serialization;

/// <summary>
/// Any command's JSON answer as one CSV table (`--format csv`, API.md's common options): one line per element of the
/// answer's main list (the answer itself when it is a list, else its longest list of objects), each line led by the
/// answer's own scalar fields so it stands alone (`model`, `currency` …). Nested objects become dotted columns
/// (`group.market`, `values.revenue`); a list of scalars is one cell joined by ';'; a list of objects elsewhere is
/// left to the JSON form. An answer without a list of objects is one line. Columns appear in the order first met;
/// numbers are written as JSON wrote them (invariant), absent values are empty.
/// </summary>
public static class JsonCsv
{
    public static string ToCsv(JsonNode? answer)
    {
        var (head, items) = Split(answer);
        var rows = new List<Dictionary<string, string>>();
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items.DefaultIfEmpty(null))
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in head)
            {
                Add(row, columns, seen, name, value);
            }

            if (item is not null)
            {
                Flatten(item, "", row, columns, seen);
            }

            rows.Add(row);
        }

        var text = new StringBuilder().AppendJoin(',', columns.Select(CsvText.Quote)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => CsvText.Quote(row.GetValueOrDefault(c, "")))).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The answer's scalar fields and the elements of its main list.</summary>
    private static (List<(string Name, string Value)> Head, List<JsonNode?> Items) Split(JsonNode? answer)
    {
        if (answer is JsonArray list)
        {
            return ([], [.. list]);
        }

        if (answer is not JsonObject root)
        {
            return ([("value", Scalar(answer))], []);
        }

        var main = root
            .Where(p => p.Value is JsonArray a && a.Count > 0 && a.All(x => x is JsonObject))
            .OrderByDescending(p => ((JsonArray)p.Value!).Count)
            .Select(p => p.Key)
            .FirstOrDefault();
        var head = new List<(string, string)>();
        foreach (var (name, value) in root)
        {
            if (name != main)
            {
                Collect(value, name, head);
            }
        }

        return main is null ? (head, []) : (head, [.. root[main]!.AsArray()]);
    }

    /// <summary>Scalars and scalar lists of a head field, nested objects dotted; lists of objects are left out of the head.</summary>
    private static void Collect(JsonNode? value, string name, List<(string, string)> head)
    {
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, inner) in o)
                {
                    Collect(inner, name + "." + key, head);
                }

                break;
            case JsonArray a when a.Any(x => x is JsonObject or JsonArray):
                break;
            default:
                head.Add((name, Scalar(value)));
                break;
        }
    }

    private static void Flatten(JsonNode node, string prefix, Dictionary<string, string> row, List<string> columns, HashSet<string> seen)
    {
        if (node is not JsonObject o)
        {
            Add(row, columns, seen, prefix.Length == 0 ? "value" : prefix, Scalar(node));
            return;
        }

        foreach (var (key, value) in o)
        {
            var name = prefix.Length == 0 ? key : prefix + "." + key;
            switch (value)
            {
                case JsonObject:
                    Flatten(value, name, row, columns, seen);
                    break;
                case JsonArray a when a.Any(x => x is JsonObject or JsonArray):
                    break;
                default:
                    Add(row, columns, seen, name, Scalar(value));
                    break;
            }
        }
    }

    private static void Add(Dictionary<string, string> row, List<string> columns, HashSet<string> seen, string name, string value)
    {
        if (seen.Add(name))
        {
            columns.Add(name);
        }

        row[name] = value;
    }

    private static string Scalar(JsonNode? value) => value switch
    {
        null => "",
        JsonArray a => string.Join(';', a.Select(Scalar)),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>() ? "true" : "false",
        _ => value.ToJsonString(),
    };
}

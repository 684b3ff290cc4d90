using System.Globalization;
using Dashboard.Metrics.Query;
using Microsoft.Data.Sqlite;

namespace Dashboard.Data.Tests.EngineParity;

/// <summary>
/// An independent answer to a metrics query in plain SQL over the SQLite file: GROUP BY sums per table, money
/// converted with a join on fx_rates, ratios taken from those sums here. It shares no code with the engine; the
/// only shared knowledge is METRICS.md (which dimensions each table has, the formulas) and ISO weeks from .NET.
/// </summary>
internal sealed class SqlReference(string path)
{
    public static readonly Dimension[] EventDimensions = [Dimension.Event, Dimension.Category, Dimension.IntentGroup, Dimension.Source];

    /// <summary>Per table: the dimensions it has besides market, region and time (METRICS.md).</summary>
    public static readonly IReadOnlyDictionary<string, Dimension[]> TableDimensions = new Dictionary<string, Dimension[]>
    {
        ["micro"] = [Dimension.Channel, Dimension.Campaign, .. EventDimensions],
        ["traffic"] = [Dimension.Channel],
        ["sales"] = [Dimension.Brand, Dimension.Sku],
        ["spend"] = [Dimension.Channel, Dimension.Campaign],
    };

    private static string Column(Dimension d) => d switch
    {
        Dimension.Market => "m.code",
        Dimension.Region => "r.key",
        Dimension.Channel => "c.key",
        Dimension.Campaign => "k.key",
        Dimension.Event => "d.key",
        Dimension.Category => "d.category",
        Dimension.IntentGroup => "d.intent_group",
        Dimension.Source => "t.source",
        Dimension.Brand => "b.key",
        Dimension.Sku => "t.sku",
        Dimension.Month => "substr(t.date, 1, 7)",
        Dimension.Quarter => "substr(t.date, 1, 4) || '-Q' || ((CAST(substr(t.date, 6, 2) AS INTEGER) + 2) / 3)",
        Dimension.Year => "substr(t.date, 1, 4)",
        _ => "t.date", // day and ISO week: the week key is made from the date below
    };

    private static string From(string table) => table switch
    {
        "micro" => "micro_conversions t JOIN channels c ON c.id = t.channel_id JOIN campaigns k ON k.id = t.campaign_id JOIN definitions d ON d.id = t.definition_id",
        "traffic" => "traffic t JOIN channels c ON c.id = t.channel_id",
        "sales" => "sales t JOIN brands b ON b.id = t.brand_id JOIN fx_rates f ON f.month = substr(t.date, 1, 7) AND f.currency = t.currency AND f.superseded_by IS NULL",
        _ => "spend t JOIN channels c ON c.id = t.channel_id JOIN campaigns k ON k.id = t.campaign_id JOIN fx_rates f ON f.month = substr(t.date, 1, 7) AND f.currency = t.currency AND f.superseded_by IS NULL",
    } + " JOIN markets m ON m.id = t.market_id JOIN regions r ON r.id = m.region_id";

    private static readonly Dictionary<string, string[]> Values = new()
    {
        ["micro"] = ["SUM(t.count)", "COUNT(*)"],
        ["traffic"] = ["SUM(t.sessions)", "SUM(t.non_purchase_sessions)", "COUNT(*)"],
        ["sales"] = ["SUM(t.orders)", "SUM(t.units)", "SUM(t.revenue / 10000.0 * f.usd_rate)", "COUNT(*)"],
        ["spend"] = ["SUM(t.spend / 10000.0 * f.usd_rate)", "COUNT(*)"],
    };

    /// <summary>Sums of one table by the given dimensions (those the table has), filtered; keys joined with '|'.</summary>
    public Dictionary<string, double[]> Sums(string table, MetricsQuery query, IReadOnlyList<Dimension> by, bool applyEventFilters = true)
    {
        var where = new List<string> { "t.superseded_by IS NULL", "t.date BETWEEN @from AND @to" };
        var parameters = new List<SqliteParameter>
        {
            new("@from", Iso(query.Range.From)), new("@to", Iso(query.Range.To)),
        };
        foreach (var (dimension, keys) in query.Filters.Where(f => f.Value.Count > 0))
        {
            if (!applyEventFilters && EventDimensions.Contains(dimension))
            {
                continue;
            }

            if (dimension is Dimension.Market or Dimension.Region || TableDimensions[table].Contains(dimension))
            {
                where.Add($"{Column(dimension)} IN ({string.Join(", ", keys.Select((k, i) => Param(parameters, k)))})");
            }
        }

        if (query.Scope.Markets is { } scope)
        {
            where.Add($"m.code IN ({string.Join(", ", scope.Select(k => Param(parameters, k)))})");
        }

        var keyColumns = by.Select(Column).ToList();
        var sql = $"SELECT {string.Join(", ", keyColumns.Append("''").Concat(Values[table]))} FROM {From(table)} WHERE {string.Join(" AND ", where)}"
            + (keyColumns.Count > 0 ? $" GROUP BY {string.Join(", ", keyColumns)}" : "");
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.Parameters.AddRange(parameters);
        using var reader = cmd.ExecuteReader();
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = string.Join("|", by.Select((d, i) => KeyOf(d, reader.GetString(i))));
            var values = Enumerable.Range(by.Count + 1, Values[table].Length).Select(i => reader.IsDBNull(i) ? 0 : reader.GetDouble(i)).ToArray();
            if (values[^1] == 0)
            {
                continue;
            }

            if (!result.TryGetValue(key, out var sums))
            {
                result[key] = values;
            }
            else
            {
                for (var i = 0; i < values.Length; i++)
                {
                    sums[i] += values[i];
                }
            }
        }

        return result;
    }

    /// <summary>Distinct markets with a micro-conversion row, per group (tracking coverage).</summary>
    public Dictionary<string, double> ReportingMarkets(MetricsQuery query, IReadOnlyList<Dimension> by, bool applyEventFilters)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (key, _) in Sums("micro", query, [.. by, Dimension.Market], applyEventFilters))
        {
            var parts = key.Split('|');
            var group = string.Join("|", parts[..^1]);
            (result.TryGetValue(group, out var set) ? set : result[group] = []).Add(parts[^1]);
        }

        return result.ToDictionary(kv => kv.Key, kv => (double)kv.Value.Count, StringComparer.Ordinal);
    }

    private static string KeyOf(Dimension d, string raw)
    {
        if (d == Dimension.Week)
        {
            var date = DateTime.ParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):0000}-W{ISOWeek.GetWeekOfYear(date):00}");
        }

        return raw;
    }

    private static string Param(List<SqliteParameter> parameters, string value)
    {
        var name = "@p" + parameters.Count.ToString(CultureInfo.InvariantCulture);
        parameters.Add(new SqliteParameter(name, value));
        return name;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

using System.Globalization;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Benchmarks;

/// <summary>
/// One question of the issue's "Performance" section, as the engine's query and as the facts every system must agree
/// on. Every system answers in the same shape: per group key, the values of <see cref="Measures"/> for the range and,
/// with a comparison, then for the comparison range.
/// </summary>
internal sealed record EngineScenario(string Id, string Title, MetricsQuery Query, IReadOnlyList<string> Measures)
{
    public DateRange Range => Query.Range;

    /// <summary>The previous period (the same number of days immediately before), or null without a comparison.</summary>
    public DateRange? ComparisonRange => ComparisonRanges.For(Query.Range, Query.Compare);

    public bool Compared => ComparisonRange is not null;

    /// <summary>The days a peer reads: the comparison range and the range are adjacent, so one scan covers both.</summary>
    public DateRange Scanned => ComparisonRange is { } c ? new DateRange(c.From, Range.To) : Range;

    /// <summary>Values per group: each measure for the range, then (with a comparison) each for the comparison range.</summary>
    public int Width => Measures.Count * (Compared ? 2 : 1);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The four scenarios on the demo data, which ends on <paramref name="end"/> (2026-06-30) and spans 3 years.</summary>
    public static IReadOnlyList<EngineScenario> All(DateOnly end)
    {
        // A quarter: the last whole quarter of the data; a year: the 12 months ending with the data.
        var quarter = new DateRange(new DateOnly(end.Year, ((end.Month - 1) / 3 * 3) + 1, 1), end);
        var year = new DateRange(end.AddDays(1).AddYears(-1), end);

        // 13 whole ISO weeks ending on the last Sunday of the data.
        var lastSunday = end.AddDays(-(int)end.DayOfWeek);
        var weeks = new DateRange(lastSunday.AddDays(-(13 * 7) + 1), lastSunday);
        string[] channels = ["paid_social", "paid_search", "display"];
        return
        [
            new("a", "overview KPIs, quarter vs previous period, all markets",
                new MetricsQuery
                {
                    Range = quarter,
                    Measures = ["micro_conversions", "sessions", "orders", "revenue", "spend"],
                    Compare = Comparison.PreviousPeriod,
                    Scope = AccessScope.All,
                },
                ["micro_conversions", "sessions", "orders", "revenue", "spend"]),
            new("b", "revenue, spend, micro-conversions by market × month, one year",
                new MetricsQuery
                {
                    Range = year,
                    Measures = ["revenue", "spend", "micro_conversions"],
                    By = [Dimension.Market, Dimension.Month],
                    Scope = AccessScope.All,
                },
                ["revenue", "spend", "micro_conversions"]),
            new("c", "emea, 3 channels, by ISO week, micro-conversions + sessions + spend vs previous period",
                new MetricsQuery
                {
                    Range = weeks,
                    Measures = ["micro_conversions", "sessions", "spend"],
                    By = [Dimension.Week],
                    Filters = new Dictionary<Dimension, IReadOnlyList<string>>
                    {
                        [Dimension.Region] = ["emea"],
                        [Dimension.Channel] = channels,
                    },
                    Compare = Comparison.PreviousPeriod,
                    Scope = AccessScope.All,
                },
                ["micro_conversions", "sessions", "spend"]),
            new("d", "micro-conversions by market × event, one year (heatmap)",
                new MetricsQuery
                {
                    Range = year,
                    Measures = ["micro_conversions"],
                    By = [Dimension.Market, Dimension.Event],
                    Scope = AccessScope.All,
                },
                ["micro_conversions"]),
        ];
    }

    /// <summary>The engine's answer in the common shape; an absent value fails the benchmark (peers would have a number).</summary>
    public Dictionary<string, double[]> FromEngine(MetricsAnswer answer)
    {
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var rows = Query.By.Count == 0 ? [answer.Totals] : answer.Rows;
        foreach (var row in rows)
        {
            var key = string.Join("|", Query.By.Select(d => row.Group[d]));
            var values = new double[Width];
            for (var j = 0; j < Measures.Count; j++)
            {
                values[j] = Present(row.Values[Measures[j]], key, Measures[j]);
                if (Compared)
                {
                    values[Measures.Count + j] = Present(row.Comparison![Measures[j]], key, Measures[j] + " (comparison)");
                }
            }

            result.Add(key, values);
        }

        return result;
    }

    private double Present(MeasureValue value, string key, string measure) =>
        value.Value ?? throw new InvalidOperationException($"scenario ({Id}): the engine has no {measure} for '{key}': {value.AbsentReason}");

    /// <summary>
    /// Checks two answers group by group, to 1e-6 relative; a group one side lacks counts as all zeros (the engine lists
    /// a group when any table has rows there, a peer only where its query found some). Throws at the first difference.
    /// </summary>
    public void Agree(string name, Dictionary<string, double[]> engine, string peerName, Dictionary<string, double[]> peer)
    {
        var zero = new double[Width];
        foreach (var key in engine.Keys.Union(peer.Keys).Order(StringComparer.Ordinal))
        {
            var a = engine.GetValueOrDefault(key, zero);
            var b = peer.GetValueOrDefault(key, zero);
            for (var j = 0; j < Width; j++)
            {
                var scale = Math.Max(Math.Abs(a[j]), Math.Abs(b[j]));
                if (!(Math.Abs(a[j] - b[j]) <= 1e-6 * scale))
                {
                    var measure = Measures[j % Measures.Count] + (j >= Measures.Count ? " (comparison)" : "");
                    throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                        $"scenario ({Id}): {name} and {peerName} differ on group '{key}', {measure}: {a[j]:R} vs {b[j]:R}" +
                        $"{(engine.ContainsKey(key) ? "" : $" (no such group in {name})")}{(peer.ContainsKey(key) ? "" : $" (no such group in {peerName})")}"));
                }
            }
        }
    }

    /// <summary>Reads a peer's result rows: key, period (0 = range, 1 = comparison), then one column per measure; rows with the same key add up.</summary>
    public Dictionary<string, double[]> FromRows(System.Data.Common.DbDataReader reader, Func<string, string>? normalizeKey = null)
    {
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (normalizeKey is not null)
            {
                key = normalizeKey(key);
            }

            var offset = reader.GetInt32(1) * Measures.Count;
            if (!result.TryGetValue(key, out var values))
            {
                result[key] = values = new double[Width];
            }

            for (var j = 0; j < Measures.Count; j++)
            {
                if (!reader.IsDBNull(2 + j))
                {
                    values[offset + j] += reader.GetDouble(2 + j);
                }
            }
        }

        return result;
    }

    /// <summary>ISO week key (`2026-W14`) of a Monday written yyyy-MM-dd, by System.Globalization.ISOWeek (not the engine's code).</summary>
    public static string IsoWeekKey(string monday)
    {
        var date = DateTime.ParseExact(monday, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):0000}-W{ISOWeek.GetWeekOfYear(date):00}");
    }

    public static Func<MetricsAnswer> EngineRun(MetricsEngine engine, EngineScenario scenario) => () => engine.Run(scenario.Query);
}

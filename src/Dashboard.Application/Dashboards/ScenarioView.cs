using System.Globalization;
using Dashboard.Application.Filters;

namespace Dashboard.Application.Dashboards;

/// <summary>
/// The Budget scenarios page as its URL holds it (`?period=next_month&amp;spend=paid_search:1200,display:800&amp;curves=actions`):
/// the period, every channel moved away from its current spend (per day, in the reporting currency) and what the
/// curves show, so a copied link opens the same scenario.
/// </summary>
public sealed record ScenarioView(string Period, IReadOnlyDictionary<string, double> Spend, bool CurvesOfActions)
{
    public const string DefaultPeriod = "next_quarter";

    /// <summary>The periods offered and their names.</summary>
    public static IReadOnlyList<(string Key, string Label)> Periods { get; } = [("next_month", "Next month"), ("next_quarter", "Next quarter")];

    public static ScenarioView Default { get; } = new(DefaultPeriod, new Dictionary<string, double>(), false);

    /// <summary>From a query string; an unknown period, a malformed amount or a negative one is left out.</summary>
    public static ScenarioView Parse(string? query)
    {
        var q = QueryValues.Parse(query);
        string? One(string key) => q.GetValueOrDefault(key);
        var period = One("period") is { } p && Periods.Any(x => x.Key == p) ? p : DefaultPeriod;
        var spend = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in (One("spend") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.LastIndexOf(':');
            if (colon > 0 && double.TryParse(part[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) && amount >= 0 && double.IsFinite(amount))
            {
                spend[part[..colon]] = amount;
            }
        }

        return new ScenarioView(period, spend, One("curves") == "actions");
    }

    /// <summary>The query string without '?'; empty for the default view. Amounts are whole units per day.</summary>
    public string ToQuery()
    {
        var parts = new List<string>();
        if (Period != DefaultPeriod)
        {
            parts.Add("period=" + Period);
        }

        if (Spend.Count > 0)
        {
            parts.Add("spend=" + Uri.EscapeDataString(string.Join(',', Spend.OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => p.Key + ":" + Math.Round(p.Value).ToString("0", CultureInfo.InvariantCulture)))));
        }

        if (CurvesOfActions)
        {
            parts.Add("curves=actions");
        }

        return string.Join('&', parts);
    }
}

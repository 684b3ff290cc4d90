using Dashboard.Domain.Reference;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// Per fact column, what each code contributes to a row's cell, or −1 when filters or the access scope exclude it.
/// Derived dimensions ride on their column: region on market; category and intent group on event.
/// </summary>
internal sealed class ColumnMaps
{
    public required int[] Market { get; init; }
    public required int[] Channel { get; init; }
    public required int[] Campaign { get; init; }
    public required int[] Event { get; init; }
    public required int[] Source { get; init; }
    public required int[] Brand { get; init; }
    public required int[] Sku { get; init; }

    /// <summary>Markets in scope after filters (for coverage denominators and the pooling rule).</summary>
    public required IReadOnlyList<int> ScopeMarkets { get; init; }

    public static ColumnMaps Build(MetricsQuery query, ReferenceSet reference, GroupLayout layout)
    {
        var filters = query.Filters;
        foreach (var d in filters.Keys.Where(d => d.IsTime()))
        {
            throw new MetricsQueryException($"filter '{d.Key()}' is not supported: the date range (from, to) selects the days");
        }

        var regions = Allowed(filters, Dimension.Region, reference.Regions.Select(r => r.Key).ToList());
        var markets = Allowed(filters, Dimension.Market, reference.Markets.Select(m => m.Code).ToList(), StringComparer.OrdinalIgnoreCase);
        var marketMap = new int[reference.Markets.Count];
        var scopeMarkets = new List<int>();
        for (var m = 0; m < marketMap.Length; m++)
        {
            var market = reference.Markets[m];
            var visible = query.Scope.Allows(market.Code) && markets(m) && regions(market.Region);
            marketMap[m] = visible ? (m * layout.Stride(Dimension.Market)) + (market.Region * layout.Stride(Dimension.Region)) : -1;
            if (visible)
            {
                scopeMarkets.Add(m);
            }
        }

        var events = Allowed(filters, Dimension.Event, reference.Events.Select(e => e.Key).ToList());
        var categories = Allowed(filters, Dimension.Category, Enum.GetValues<Category>().Select(c => c.ToKey()).ToList());
        var intents = Allowed(filters, Dimension.IntentGroup, Enum.GetValues<IntentGroup>().Select(i => i.ToKey()).ToList());
        var eventMap = new int[reference.Events.Count];
        for (var e = 0; e < eventMap.Length; e++)
        {
            var ev = reference.Events[e];
            eventMap[e] = events(e) && categories((int)ev.Category) && intents((int)ev.IntentGroup)
                ? (e * layout.Stride(Dimension.Event)) + ((int)ev.Category * layout.Stride(Dimension.Category)) + ((int)ev.IntentGroup * layout.Stride(Dimension.IntentGroup))
                : -1;
        }

        return new ColumnMaps
        {
            Market = marketMap,
            Event = eventMap,
            Channel = Simple(filters, Dimension.Channel, reference.Channels.Select(c => c.Key).ToList(), layout),
            Campaign = Simple(filters, Dimension.Campaign, reference.Campaigns, layout),
            Source = Simple(filters, Dimension.Source, ReferenceSet.Sources.Select(s => s.ToKey()).ToList(), layout),
            Brand = Simple(filters, Dimension.Brand, reference.Brands.Select(b => b.Key).ToList(), layout),
            Sku = Simple(filters, Dimension.Sku, reference.Skus, layout),
            ScopeMarkets = scopeMarkets,
        };
    }

    private static int[] Simple(IReadOnlyDictionary<Dimension, IReadOnlyList<string>> filters, Dimension d, IReadOnlyList<string> keys, GroupLayout layout)
    {
        var allowed = Allowed(filters, d, keys);
        var stride = layout.Stride(d);
        return Enumerable.Range(0, keys.Count).Select(code => allowed(code) ? code * stride : -1).ToArray();
    }

    /// <summary>A predicate over codes for one dimension's filter; unknown keys are an error that names the nearest key.</summary>
    private static Func<int, bool> Allowed(
        IReadOnlyDictionary<Dimension, IReadOnlyList<string>> filters, Dimension d, IReadOnlyList<string> keys, StringComparer? comparer = null)
    {
        if (!filters.TryGetValue(d, out var wanted) || wanted.Count == 0)
        {
            return _ => true;
        }

        comparer ??= StringComparer.Ordinal;
        var codes = new HashSet<int>();
        foreach (var key in wanted)
        {
            var code = keys.Select((k, i) => (k, i)).FirstOrDefault(x => comparer.Equals(x.k, key), (k: "", i: -1)).i;
            if (code < 0)
            {
                throw new MetricsQueryException($"'{key}' is not a known {d.Key()}" + Hint(key, keys));
            }

            codes.Add(code);
        }

        return codes.Contains;
    }

    private static string Hint(string key, IReadOnlyList<string> keys)
    {
        var near = keys.OrderBy(k => Distance(k.ToLowerInvariant(), key.ToLowerInvariant())).FirstOrDefault();
        return near is null ? "" : $"; did you mean '{near}'?";
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }

        return d[a.Length, b.Length];
    }
}

using Dashboard.Data.Inventory;
using Dashboard.Domain.Imports;
using Dashboard.Metrics.Query;

namespace Dashboard.Application.Packs;

/// <summary>
/// The appendix's sources and freshness, within a scope: per kind of data its rows in the scope's markets, the latest
/// day, and the market furthest behind (the one a reader should know is stale). Kinds without rows are left out.
/// </summary>
public static class SourceFreshnessReader
{
    public static IReadOnlyList<SourceFreshness> Read(IReadOnlyList<KindInventory> kinds, IReadOnlyList<MarketCoverage> coverage, AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(scope);
        var sources = new List<SourceFreshness>();
        foreach (var kind in kinds)
        {
            if (!DataInventory.IsPerMarket(kind.Kind))
            {
                if (kind.Rows > 0)
                {
                    sources.Add(new SourceFreshness(kind.Kind, kind.Description, kind.Rows, kind.Last, null, null));
                }

                continue;
            }

            // Context rows (promotions, holidays) are occasional: their last date says nothing about a feed's lag.
            var markets = coverage.Where(m => scope.Allows(m.Code) && m.ByKind.ContainsKey(kind.Kind)).ToList();
            if (markets.Count == 0)
            {
                continue;
            }

            var behind = kind.Kind == ImportKinds.Context ? null : markets.MinBy(m => m.ByKind[kind.Kind].Last);
            var latest = markets.Max(m => m.ByKind[kind.Kind].Last);
            sources.Add(new SourceFreshness(kind.Kind, kind.Description, markets.Sum(m => m.ByKind[kind.Kind].Rows), latest,
                behind?.ByKind[kind.Kind].Last, behind is not null && behind.ByKind[kind.Kind].Last < latest ? behind.Name : null));
        }

        return sources;
    }
}

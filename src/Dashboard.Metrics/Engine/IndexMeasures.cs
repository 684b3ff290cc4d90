using Dashboard.Metrics.Catalogue;
using Dashboard.Metrics.Query;

namespace Dashboard.Metrics.Engine;

public enum IndexKind
{
    VsGlobal,
    VsRegion,
}

/// <summary>A measure as asked: a catalogue measure, or an index of one against a benchmark (`index_vs_global(micro_conversion_rate)`).</summary>
public sealed record MeasureRequest(string Key, MeasureDefinition Base, IndexKind? Index)
{
    /// <summary>The catalogue entry of what is returned: for an index, unit Index and the base's dimensions and direction.</summary>
    public MeasureDefinition Definition => Index is null ? Base : Base with
    {
        Key = Key,
        Name = $"{Base.Name} index vs {(Index == IndexKind.VsGlobal ? "global" : "region")}",
        Unit = MeasureUnit.Index,
        Formula = $"{Base.Name} of the group ÷ the same measure pooled over {(Index == IndexKind.VsGlobal ? "all markets" : "the group's region")} × 100",
        Format = "0",
    };

    /// <summary>Rates and ratios have an index; sums do not (a big market is not "better" than a small one).</summary>
    public bool IsIndexable => Base.Unit is MeasureUnit.Rate or MeasureUnit.Ratio || Base.Key == MeasureCatalogue.CostPerMicroConversion;

    public static MeasureRequest Parse(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var (prefix, kind) in new[] { ("index_vs_global(", IndexKind.VsGlobal), ("index_vs_region(", IndexKind.VsRegion) })
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith(')'))
            {
                return new MeasureRequest(key, Catalogue(key[prefix.Length..^1]), kind);
            }
        }

        return new MeasureRequest(key, Catalogue(key), null);
    }

    private static MeasureDefinition Catalogue(string key) => MeasureCatalogue.Find(key) ?? throw new MetricsQueryException(
        $"'{key}' is not a measure (known: {string.Join(", ", MeasureCatalogue.All.Select(m => m.Key))}; an index is written index_vs_global(measure) or index_vs_region(measure))");
}

/// <summary>
/// The benchmark side of an index: the same measure, filters and time buckets over every market (or the row's
/// region), whatever the user may see — shown only when it pools at least 3 markets outside the user's scope, or
/// none, so that no single hidden market can be worked out by subtraction (METRICS.md "Access").
/// </summary>
internal sealed class Benchmark
{
    public const int MinimumHiddenMarkets = AccessScope.MinimumPooledHiddenMarkets;

    public required IndexKind Kind { get; init; }
    public required GroupLayout Layout { get; init; }
    public required Accumulators Main { get; init; }
    public Accumulators? Comparison { get; init; }

    /// <summary>Per region code (or one entry for global): why the benchmark may not be shown, or null.</summary>
    public required IReadOnlyList<string?> Withheld { get; init; }

    public static IReadOnlyList<Dimension> GroupingFor(IndexKind kind, IReadOnlyList<Dimension> by) =>
        by.Where(d => d is not (Dimension.Market or Dimension.Region)).Concat(kind == IndexKind.VsRegion ? [Dimension.Region] : []).ToList();

    public static IReadOnlyList<string?> PoolingRule(IndexKind kind, Snapshot.ReferenceSet reference, AccessScope scope)
    {
        var pools = kind == IndexKind.VsGlobal
            ? [reference.Markets]
            : reference.Regions.Select((_, r) => reference.Markets.Where(m => m.Region == r).ToList()).ToList<IReadOnlyList<Snapshot.MarketRef>>();
        return pools.Select(pool =>
        {
            var hidden = pool.Count(m => !scope.Allows(m.Code));
            return hidden is > 0 and < MinimumHiddenMarkets
                ? $"the benchmark would pool only {hidden} market(s) outside your access; at least {MinimumHiddenMarkets} are needed so that no single market can be worked out"
                : null;
        }).ToList();
    }

    /// <summary>The benchmark cell of a row's cell, or the reason there is none.</summary>
    public (int Cell, string? Reason) CellOf(int cell, GroupLayout rows, Snapshot.ReferenceSet reference, IReadOnlyList<int> scopeMarkets)
    {
        var target = 0;
        foreach (var d in Layout.By.Where(d => d != Dimension.Region))
        {
            target += rows.CodeOf(cell, d) * Layout.Stride(d);
        }

        var regionCode = 0;
        if (Kind == IndexKind.VsRegion)
        {
            int? region = rows.Groups(Dimension.Region) ? rows.CodeOf(cell, Dimension.Region)
                : rows.Groups(Dimension.Market) ? reference.Markets[rows.CodeOf(cell, Dimension.Market)].Region
                : scopeMarkets.Select(m => reference.Markets[m].Region).Distinct().Count() == 1 ? reference.Markets[scopeMarkets[0]].Region
                : null;
            if (region is null)
            {
                return (0, "the markets in scope span several regions: group by market or region for an index vs region");
            }

            regionCode = region.Value;
            target += regionCode * Layout.Stride(Dimension.Region);
        }

        return (target, Withheld[regionCode]);
    }
}

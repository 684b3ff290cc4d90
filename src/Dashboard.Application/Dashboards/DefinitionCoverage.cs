using Dashboard.Application.Analysis;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Time;

namespace Dashboard.Application.Dashboards;

/// <summary>A definition that some markets of a region report and the others do not (tracking coverage differs).</summary>
public sealed record CoverageGap(string Definition, string Region, IReadOnlyList<string> Reporting, IReadOnlyList<string> Silent);

/// <summary>
/// Which markets report each micro-conversion definition over the last <see cref="Days"/> days of data, from the
/// engine (a market reports a definition when it has at least one action of it), and where a region is uneven.
/// </summary>
public sealed record DefinitionCoverage(DateRange? Range, IReadOnlyDictionary<string, IReadOnlyList<string>> MarketsByDefinition, IReadOnlyList<CoverageGap> Gaps, int MarketCount)
{
    public const int Days = 90;

    public static DefinitionCoverage Build(SnapshotAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var reference = analysis.Snapshot.Reference;
        if (analysis.Snapshot.LastDay is not { } last)
        {
            return new(null, new Dictionary<string, IReadOnlyList<string>>(), [], reference.Markets.Count);
        }

        var range = new DateRange(last.AddDays(1 - Days), last);
        var answer = analysis.Engine.Run(new MetricsQuery
        {
            Range = range,
            Measures = ["micro_conversions"],
            By = [Dimension.Market, Dimension.Event],
            Scope = AccessScope.All,
        });
        var reporting = answer.Rows
            .Where(r => r.Values["micro_conversions"].Value > 0)
            .GroupBy(r => r.Group[Dimension.Event], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(r => r.Group[Dimension.Market]).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        var gaps = new List<CoverageGap>();
        foreach (var definition in reference.Events)
        {
            var markets = reporting.GetValueOrDefault(definition.Key) ?? [];
            for (var region = 0; region < reference.Regions.Count; region++)
            {
                var inRegion = reference.Markets.Where(m => m.Region == region).Select(m => m.Code).ToList();
                var on = inRegion.Where(markets.Contains).ToList();
                if (on.Count > 0 && on.Count < inRegion.Count)
                {
                    gaps.Add(new CoverageGap(definition.Key, reference.Regions[region].Name, on, [.. inRegion.Except(on)]));
                }
            }
        }

        return new(range, reporting, gaps, reference.Markets.Count);
    }
}

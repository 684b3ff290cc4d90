using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// The groups of a query as a dense mixed-radix grid: each grouped dimension has a cardinality and a stride, and a
/// group's cell is Σ code × stride. Filters and access scope fold into per-column lookup arrays (−1 = row excluded),
/// so the hot loop per fact row is a handful of array reads and one add.
/// </summary>
internal sealed class GroupLayout
{
    /// <summary>A grid larger than this is refused: it would need more memory than any page can show.</summary>
    public const int MaxCells = 4_000_000;

    private readonly Dictionary<Dimension, (int Cardinality, int Stride)> _axes = [];

    public GroupLayout(IReadOnlyList<Dimension> by, ReferenceSet reference, PeriodBuckets? buckets)
    {
        By = by;
        Buckets = buckets;
        long cells = 1;
        // The last dimension varies fastest, so cell order is the order of the grouping (first dimension first).
        foreach (var d in by.Reverse())
        {
            var cardinality = Cardinality(d, reference, buckets);
            _axes[d] = (cardinality, (int)cells);
            cells *= Math.Max(cardinality, 1);
            if (cells > MaxCells)
            {
                throw new MetricsQueryException($"grouping by {string.Join(", ", by.Select(b => b.Key()))} makes more than {MaxCells:N0} groups; group by fewer or coarser dimensions");
            }
        }

        Cells = (int)cells;
    }

    public IReadOnlyList<Dimension> By { get; }

    public PeriodBuckets? Buckets { get; }

    public int Cells { get; }

    public bool Groups(Dimension d) => _axes.ContainsKey(d);

    public int Stride(Dimension d) => _axes.TryGetValue(d, out var axis) ? axis.Stride : 0;

    /// <summary>The code of dimension <paramref name="d"/> in a cell.</summary>
    public int CodeOf(int cell, Dimension d) => _axes.TryGetValue(d, out var axis) ? cell / axis.Stride % axis.Cardinality : 0;

    /// <summary>The cell with the codes of <paramref name="dropped"/> set to 0: where a table without those dimensions accumulates.</summary>
    public int Project(int cell, IReadOnlySet<Dimension> dropped)
    {
        foreach (var d in dropped)
        {
            if (_axes.TryGetValue(d, out var axis))
            {
                cell -= cell / axis.Stride % axis.Cardinality * axis.Stride;
            }
        }

        return cell;
    }

    private static int Cardinality(Dimension d, ReferenceSet reference, PeriodBuckets? buckets) => d switch
    {
        Dimension.Region => reference.Regions.Count,
        Dimension.Market => reference.Markets.Count,
        Dimension.Channel => reference.Channels.Count,
        Dimension.Campaign => reference.Campaigns.Count,
        Dimension.Brand => reference.Brands.Count,
        Dimension.Sku => reference.Skus.Count,
        Dimension.Event => reference.Events.Count,
        Dimension.Category => Enum.GetValues<Domain.Reference.Category>().Length,
        Dimension.IntentGroup => Enum.GetValues<Domain.Reference.IntentGroup>().Length,
        Dimension.Source => ReferenceSet.Sources.Count,
        _ => buckets!.Count,
    };
}

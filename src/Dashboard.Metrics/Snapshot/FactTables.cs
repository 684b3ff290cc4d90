namespace Dashboard.Metrics.Snapshot;

/// <summary>
/// Columnar fact tables: one array per column, rows sorted by day so a date range is a contiguous slice.
/// Dimension columns hold codes into the <see cref="ReferenceSet"/>; money is in 1/10,000 of the row's currency.
/// </summary>
public abstract class FactTable
{
    /// <summary><see cref="DateOnly.DayNumber"/> of each row, ascending.</summary>
    public required int[] Day { get; init; }

    public int Count => Day.Length;

    /// <summary>The rows whose day lies in [fromDay, toDay]: [start, end).</summary>
    public (int Start, int End) Slice(int fromDay, int toDay) => (LowerBound(fromDay), LowerBound(toDay + 1));

    private int LowerBound(int day)
    {
        int lo = 0, hi = Day.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Day[mid] < day)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

public sealed class MicroConversionTable : FactTable
{
    public required byte[] Market { get; init; }
    public required byte[] Channel { get; init; }
    public required ushort[] Campaign { get; init; }
    public required byte[] Event { get; init; }

    /// <summary>Code of <see cref="Dashboard.Domain.Reference.SourceSystem"/>.</summary>
    public required byte[] Source { get; init; }
    public required int[] Actions { get; init; }
}

public sealed class SalesTable : FactTable
{
    public required byte[] Market { get; init; }
    public required ushort[] Brand { get; init; }

    /// <summary>Code into <see cref="ReferenceSet.Skus"/>; code 0 is the empty SKU (brand-level sales).</summary>
    public required ushort[] Sku { get; init; }
    public required int[] Orders { get; init; }
    public required int[] Units { get; init; }
    public required long[] Revenue { get; init; }
    public required byte[] Currency { get; init; }
}

public sealed class SpendTable : FactTable
{
    public required byte[] Market { get; init; }
    public required byte[] Channel { get; init; }
    public required ushort[] Campaign { get; init; }
    public required long[] Spend { get; init; }
    public required byte[] Currency { get; init; }
}

public sealed class TrafficTable : FactTable
{
    public required byte[] Market { get; init; }
    public required byte[] Channel { get; init; }
    public required int[] Sessions { get; init; }
    public required int[] NonPurchaseSessions { get; init; }

    /// <summary>False where the source did not report non-purchase sessions (stored as 0, flagged).</summary>
    public required bool[] NonPurchaseReported { get; init; }
}

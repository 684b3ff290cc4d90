using Dashboard.DemoData.Truth;

namespace Dashboard.DemoData;

/// <summary>What <see cref="DemoDataGenerator.Write"/> wrote: data rows per import kind and the planted truth.</summary>
public sealed record DemoResult(IReadOnlyDictionary<string, long> RowCounts, DemoTruth Truth)
{
    public long TotalRows => RowCounts.Values.Sum();
}

namespace Dashboard.DemoData;

/// <summary>What determines a demo data set: the same options always give byte-identical files.</summary>
/// <param name="EndDate">Last day of data (inclusive).</param>
/// <param name="Size">Small for the app, Large for benchmarks.</param>
/// <param name="Seed">Seed of every random stream.</param>
public sealed record DemoOptions(DateOnly EndDate, DemoSize Size = DemoSize.Small, int Seed = 20240601)
{
    /// <summary>Years of daily data ending at <see cref="EndDate"/>.</summary>
    public int Years { get; } = 3;

    /// <summary>First day of data: exactly <see cref="Years"/> years up to and including the end date.</summary>
    public DateOnly FromDate => EndDate.AddYears(-Years).AddDays(1);
}

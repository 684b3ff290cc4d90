using System.Security.Cryptography;
using Dashboard.DemoData.Truth;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Tests;

public sealed class DeterminismTests(SmallDemoFixture demo) : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), "demodata-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Same_options_write_byte_identical_files()
    {
        DemoDataGenerator.Write(demo.Options, scratch);

        var names = ImportKinds.All.Select(k => k.Key + ".csv").Append(DemoTruthJson.FileName);
        foreach (var name in names)
        {
            Assert.Equal(Hash(Path.Combine(demo.Directory, name)), Hash(Path.Combine(scratch, name)));
        }
    }

    [Fact]
    public void A_different_end_date_gives_different_data_ending_on_that_date()
    {
        var end = new DateOnly(2025, 3, 31);
        var result = DemoDataGenerator.Write(demo.Options with { EndDate = end }, scratch);

        Assert.NotEqual(Hash(demo.PathOf(ImportKinds.Sales)), Hash(Path.Combine(scratch, "sales.csv")));
        Assert.Equal(end, result.Truth.Options.EndDate);
        foreach (var kind in new[] { ImportKinds.Sales, ImportKinds.Spend, ImportKinds.MicroConversions, ImportKinds.Traffic })
        {
            // Every daily kind has `date` first; ISO dates order like strings.
            var dates = CsvRows.Read(Path.Combine(scratch, kind + ".csv")).Skip(1).Select(r => r[0]).ToArray();
            Assert.Equal(Iso(end), dates.Max(StringComparer.Ordinal));
            Assert.Equal(Iso(end.AddYears(-3).AddDays(1)), dates.Min(StringComparer.Ordinal));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}

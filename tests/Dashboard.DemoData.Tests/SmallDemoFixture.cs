using Dashboard.DemoData.Truth;

[assembly: AssemblyFixture(typeof(Dashboard.DemoData.Tests.SmallDemoFixture))]

namespace Dashboard.DemoData.Tests;

/// <summary>One Small data set for the whole test assembly, written once into a temporary directory.</summary>
public sealed class SmallDemoFixture : IDisposable
{
    public static readonly DateOnly EndDate = new(2025, 6, 30);

    public SmallDemoFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "demodata-tests-" + Guid.NewGuid().ToString("N"));
        Options = new DemoOptions(EndDate);
        Result = DemoDataGenerator.Write(Options, Directory);
        Truth = DemoTruthJson.Read(Path.Combine(Directory, DemoTruthJson.FileName));
    }

    public DemoOptions Options { get; }

    public string Directory { get; }

    public DemoResult Result { get; }

    /// <summary>The truth as read back from truth.json (not the in-memory object), so the file is what is tested.</summary>
    public DemoTruth Truth { get; }

    public string PathOf(string kind) => Path.Combine(Directory, kind + ".csv");

    internal IEnumerable<CsvRecord> Records(string kind) => CsvRows.Records(PathOf(kind));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}

using Dashboard.DemoData.Csv;
using Dashboard.Domain.Imports;

namespace Dashboard.DemoData.Writers;

/// <summary>Opens the file of an import kind with exactly its contract's header (every column, in order).</summary>
internal static class DemoFiles
{
    public static string FileName(string kind) => kind + ".csv";

    public static CsvFileWriter Open(string directory, string kind)
    {
        var spec = ImportKinds.Find(kind) ?? throw new ArgumentException($"Unknown import kind {kind}", nameof(kind));
        return new CsvFileWriter(Path.Combine(directory, FileName(kind)), spec.Columns.Select(c => c.Name));
    }
}

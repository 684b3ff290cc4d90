namespace Dashboard.Data.Imports.Sources;

/// <summary>The formats a file can arrive in. CSV is the standard (DATA.md); XLSX is read through a mapping.</summary>
public enum FileFormat
{
    Csv,
    Xlsx,
}

/// <summary>A file's problem that stops reading it (not valid UTF-8, an unclosed quote, not a workbook), with where it happened.</summary>
public sealed class RecordSourceException(long line, string message) : Exception(message)
{
    public long Line { get; } = line;
}

/// <summary>
/// A file read as a header and records of text fields, whatever its format, so validation, mapping and preview
/// are written once. <see cref="Line"/> is what an error report names: the CSV record's line, the sheet's row.
/// </summary>
public abstract class RecordSource : IDisposable
{
    public abstract IReadOnlyList<string> Header { get; }

    /// <summary>The current record's line (header = 1).</summary>
    public abstract long Line { get; }

    public abstract int FieldCount { get; }

    /// <summary>Advances to the next record; throws <see cref="RecordSourceException"/> on a malformed file.</summary>
    public abstract bool Read();

    public abstract string Field(int index);

    public abstract void Dispose();

    /// <summary>Opens a file's records; <paramref name="stream"/> must be seekable for XLSX (a workbook is a zip file).</summary>
    public static RecordSource Open(Stream stream, FileFormat format) =>
        format == FileFormat.Xlsx ? XlsxRecordSource.Open(stream) : CsvRecordSource.Open(stream);

    /// <summary>XLSX when the name says so or the content starts like a zip file; CSV otherwise.</summary>
    public static FileFormat Detect(string fileName, ReadOnlySpan<byte> firstBytes) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || firstBytes.StartsWith("PK\u0003\u0004"u8)
            ? FileFormat.Xlsx
            : FileFormat.Csv;
}

using System.Text;
using Sylvan.Data.Csv;

namespace Dashboard.Data.Imports.Sources;

/// <summary>RFC 4180 CSV in UTF-8 (a byte-order mark is accepted), comma separated, one header row.</summary>
internal sealed class CsvRecordSource : RecordSource
{
    private readonly StreamReader _text;
    private readonly CsvDataReader _reader;
    private long _line = 1;

    private CsvRecordSource(StreamReader text, CsvDataReader reader)
    {
        _text = text;
        _reader = reader;
        Header = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    public static CsvRecordSource Open(Stream stream)
    {
        var text = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        try
        {
            return new CsvRecordSource(text, CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }));
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            text.Dispose();
            throw new RecordSourceException(1, Describe(ex));
        }
    }

    public override IReadOnlyList<string> Header { get; }

    public override long Line => _line;

    public override int FieldCount => _reader.RowFieldCount;

    public override bool Read()
    {
        try
        {
            if (!_reader.Read())
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            throw new RecordSourceException(_line + 1, Describe(ex));
        }

        _line++;
        return true;
    }

    public override string Field(int index) => _reader.GetString(index);

    public override void Dispose()
    {
        _reader.Dispose();
        _text.Dispose();
    }

    private static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException => "the file is not valid UTF-8 text (save it as CSV UTF-8)",
        _ when ex.Message.Contains("does not have headers", StringComparison.OrdinalIgnoreCase) => "the file is empty: a header row is required",
        _ when ex.Message.Contains("quote", StringComparison.OrdinalIgnoreCase) =>
            "a quoted field is not closed (unterminated quote): every opening \" needs a closing \"",
        _ => "the file is not valid CSV: " + ex.Message,
    };
}

using System.Text;
using Sylvan.Data.Csv;

namespace Dashboard.Data.Imports.Sources;

/// <summary>RFC 4180 CSV in UTF-8 (a byte-order mark is accepted), comma separated, one header row.</summary>
internal sealed class CsvRecordSource : RecordSource
{
    private readonly Stream _stream;
    private readonly StreamReader _text;
    private readonly CsvDataReader _reader;
    private long _line = 1;

    private CsvRecordSource(Stream stream, StreamReader text, CsvDataReader reader)
    {
        _stream = stream;
        _text = text;
        _reader = reader;
        Header = [.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)];
    }

    public static CsvRecordSource Open(Stream stream)
    {
        var text = new StreamReader(stream, new UTF8Encoding(false, true), detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        try
        {
            return new CsvRecordSource(stream, text, CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, Delimiter = ',' }));
        }
        catch (Exception ex) when (ex is CsvFormatException or DecoderFallbackException)
        {
            text.Dispose();
            throw Failure(stream, 1, ex);
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
            throw Failure(_stream, _line + 1, ex);
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

    // The reader decodes ahead in blocks, so an encoding error surfaces before its line is reached: find the exact place.
    private static RecordSourceException Failure(Stream stream, long line, Exception ex) =>
        ex is DecoderFallbackException && Utf8Position.FirstInvalid(stream) is { } at
            ? new RecordSourceException(at.Line, Utf8Position.Describe(at))
            : new RecordSourceException(line, Describe(ex));

    private static string Describe(Exception ex) => ex switch
    {
        DecoderFallbackException => "the file is not valid UTF-8 text (save it as CSV UTF-8)",
        _ when ex.Message.Contains("does not have headers", StringComparison.OrdinalIgnoreCase) => "the file is empty: a header row is required",
        _ when ex.Message.Contains("quote", StringComparison.OrdinalIgnoreCase) =>
            "a quoted field is not closed (unterminated quote): every opening \" needs a closing \"",
        _ => "the file is not valid CSV: " + ex.Message,
    };
}

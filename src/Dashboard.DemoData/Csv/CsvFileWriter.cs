using System.Globalization;
using System.Text;

namespace Dashboard.DemoData.Csv;

/// <summary>
/// Streams one import file row by row: UTF-8 without BOM, comma separated, LF line ends,
/// RFC 4180 quoting only where a value needs it, invariant formatting for every number and date.
/// </summary>
internal sealed class CsvFileWriter : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);
    private readonly StreamWriter writer;
    private bool atRowStart = true;

    public CsvFileWriter(string path, IEnumerable<string> header)
    {
        writer = new StreamWriter(path, append: false, Utf8NoBom, bufferSize: 1 << 16) { NewLine = "\n" };
        foreach (var column in header)
        {
            Text(column);
        }

        writer.Write('\n');
        atRowStart = true;
    }

    /// <summary>Data rows written so far (the header is not counted).</summary>
    public long Rows { get; private set; }

    public CsvFileWriter Text(string value)
    {
        Separator();
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            writer.Write(value);
            return this;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public CsvFileWriter Empty()
    {
        Separator();
        return this;
    }

    public CsvFileWriter Date(DateOnly date)
    {
        Separator();
        Span<char> buffer = stackalloc char[10];
        date.TryFormat(buffer, out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
        return this;
    }

    public CsvFileWriter Timestamp(DateTime utc)
    {
        Separator();
        Span<char> buffer = stackalloc char[20];
        utc.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
        return this;
    }

    public CsvFileWriter Month(DateOnly firstOfMonth)
    {
        Separator();
        Span<char> buffer = stackalloc char[7];
        firstOfMonth.TryFormat(buffer, out var written, "yyyy-MM", CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
        return this;
    }

    public CsvFileWriter Integer(long value)
    {
        Separator();
        Span<char> buffer = stackalloc char[20];
        value.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        writer.Write(buffer[..written]);
        return this;
    }

    /// <summary>Money as 1/10,000 units: digits, then '.' and 1–4 digits only when there is a fraction.</summary>
    public CsvFileWriter Money(long units)
    {
        Separator();
        var whole = units / 10_000;
        var fraction = units % 10_000;
        Span<char> buffer = stackalloc char[32];
        whole.TryFormat(buffer, out var written, default, CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            buffer[written++] = '.';
            var divisor = 1000;
            while (fraction != 0)
            {
                buffer[written++] = (char)('0' + (fraction / divisor));
                fraction %= divisor;
                divisor /= 10;
            }
        }

        writer.Write(buffer[..written]);
        return this;
    }

    public CsvFileWriter Number(decimal value)
    {
        Separator();
        writer.Write(value.ToString("0.##########", CultureInfo.InvariantCulture));
        return this;
    }

    public void EndRow()
    {
        writer.Write('\n');
        atRowStart = true;
        Rows++;
    }

    public void Dispose() => writer.Dispose();

    private void Separator()
    {
        if (!atRowStart)
        {
            writer.Write(',');
        }

        atRowStart = false;
    }
}

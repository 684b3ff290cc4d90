using System.Buffers;
using System.Globalization;
using System.Text.Unicode;

namespace Dashboard.Data.Imports.Sources;

/// <summary>Finds where a file stops being UTF-8, so the error names the line and the byte instead of "somewhere".</summary>
internal static class Utf8Position
{
    /// <summary>The line (1-based) and byte offset of the first invalid UTF-8 sequence, or null when the stream cannot be re-read.</summary>
    public static (long Line, long Offset, byte Value)? FirstInvalid(Stream stream)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        stream.Position = 0;
        var buffer = new byte[1 << 16];
        var chars = new char[1 << 16];
        long line = 1;
        long offset = 0;
        var carried = 0;
        int read;
        while ((read = stream.Read(buffer, carried, buffer.Length - carried)) > 0 || carried > 0)
        {
            var length = carried + read;
            var final = read == 0;
            var status = Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
            line += buffer.AsSpan(0, consumed).Count((byte)'\n');
            if (status == OperationStatus.InvalidData)
            {
                return (line, offset + consumed, buffer[consumed]);
            }

            offset += consumed;
            carried = length - consumed;
            buffer.AsSpan(consumed, carried).CopyTo(buffer);
            if (final)
            {
                break;
            }
        }

        return null;
    }

    public static string Describe((long Line, long Offset, byte Value) at) =>
        string.Create(CultureInfo.InvariantCulture,
            $"the file is not valid UTF-8 text: byte 0x{at.Value:X2} at byte {at.Offset:N0} cannot start or continue a character (save the file as \"CSV UTF-8\")");
}

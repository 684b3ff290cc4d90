using System.Runtime.InteropServices;
using System.Text;

namespace Dashboard.Metrics.Snapshot;

/// <summary>The fact columns of a snapshot and the code lists built while loading them (SKUs, currencies).</summary>
public sealed record SnapshotColumns(
    IReadOnlyList<string> Skus,
    IReadOnlyList<string> Currencies,
    MicroConversionTable MicroConversions,
    SalesTable Sales,
    SpendTable Spend,
    TrafficTable Traffic,
    JourneyTable Journeys);

/// <summary>
/// A binary image of the fact columns: the arrays' bytes as they are in memory, so a stored snapshot is read back
/// with one copy per column instead of parsing millions of rows. Little-endian only (every .NET 10 target here);
/// a stream that is cut short, of another format version, or with trailing bytes is rejected.
/// </summary>
public static class SnapshotColumnsFormat
{
    private const uint Magic = 0x50414E53; // "SNAP"
    private const int FormatVersion = 2;
    private const uint EndMarker = 0x444E4521; // "!END"

    public static void Write(Stream stream, SnapshotColumns columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the snapshot image is little-endian");
        }

        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        Strings(w, columns.Skus);
        Strings(w, columns.Currencies);
        var m = columns.MicroConversions;
        w.Write(m.Count);
        Arrays(w, m.Day, m.Market, m.Channel, m.Campaign, m.Event, m.Source, m.Actions);
        var s = columns.Sales;
        w.Write(s.Count);
        Arrays(w, s.Day, s.Market, s.Brand, s.Sku, s.Orders, s.Units, s.Revenue, s.Currency);
        var p = columns.Spend;
        w.Write(p.Count);
        Arrays(w, p.Day, p.Market, p.Channel, p.Campaign, p.Spend, p.Currency);
        var t = columns.Traffic;
        w.Write(t.Count);
        Arrays(w, t.Day, t.Market, t.Channel, t.Sessions, t.NonPurchaseSessions, t.NonPurchaseReported);
        var j = columns.Journeys;
        w.Write(j.Journeys);
        w.Write(j.Touches);
        Arrays(w, j.Start, j.Market, j.Second, j.Channel, j.Event, j.Revenue, j.Currency);
        w.Write(EndMarker);
    }

    /// <exception cref="InvalidDataException">The stream is not a whole snapshot image of this format version.</exception>
    public static SnapshotColumns Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (r.ReadUInt32() != Magic || r.ReadInt32() != FormatVersion)
            {
                throw new InvalidDataException("not a snapshot image of format version " + FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var skus = Strings(r);
            var currencies = Strings(r);
            var n = Count(r);
            var micro = new MicroConversionTable
            {
                Day = Read<int>(stream, n), Market = Read<byte>(stream, n), Channel = Read<byte>(stream, n), Campaign = Read<ushort>(stream, n),
                Event = Read<byte>(stream, n), Source = Read<byte>(stream, n), Actions = Read<int>(stream, n),
            };
            n = Count(r);
            var sales = new SalesTable
            {
                Day = Read<int>(stream, n), Market = Read<byte>(stream, n), Brand = Read<ushort>(stream, n), Sku = Read<ushort>(stream, n),
                Orders = Read<int>(stream, n), Units = Read<int>(stream, n), Revenue = Read<long>(stream, n), Currency = Read<byte>(stream, n),
            };
            n = Count(r);
            var spend = new SpendTable
            {
                Day = Read<int>(stream, n), Market = Read<byte>(stream, n), Channel = Read<byte>(stream, n), Campaign = Read<ushort>(stream, n),
                Spend = Read<long>(stream, n), Currency = Read<byte>(stream, n),
            };
            n = Count(r);
            var traffic = new TrafficTable
            {
                Day = Read<int>(stream, n), Market = Read<byte>(stream, n), Channel = Read<byte>(stream, n), Sessions = Read<int>(stream, n),
                NonPurchaseSessions = Read<int>(stream, n), NonPurchaseReported = Read<bool>(stream, n),
            };
            var journeys = Count(r);
            var touches = Count(r);
            var journeyTable = new JourneyTable
            {
                Start = Read<int>(stream, journeys + 1), Market = Read<byte>(stream, journeys), Second = Read<int>(stream, touches),
                Channel = Read<byte>(stream, touches), Event = Read<byte>(stream, touches), Revenue = Read<long>(stream, touches),
                Currency = Read<byte>(stream, touches),
            };
            if (journeyTable.Start[0] != 0 || journeyTable.Start[^1] != touches)
            {
                throw new InvalidDataException("the journey offsets of the snapshot image do not cover its touches");
            }

            Ascending(journeyTable.Start);
            if (r.ReadUInt32() != EndMarker || stream.ReadByte() != -1)
            {
                throw new InvalidDataException("the snapshot image does not end where its columns end");
            }

            foreach (var table in new FactTable[] { micro, sales, spend, traffic })
            {
                Ascending(table.Day);
            }

            return new SnapshotColumns(skus, currencies, micro, sales, spend, traffic, journeyTable);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("the snapshot image is cut short", e);
        }
    }

    private static void Strings(BinaryWriter w, IReadOnlyList<string> values)
    {
        w.Write(values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }

    private static List<string> Strings(BinaryReader r)
    {
        var count = Count(r);
        var list = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(r.ReadString());
        }

        return list;
    }

    private static int Count(BinaryReader r)
    {
        var n = r.ReadInt32();
        return n >= 0 ? n : throw new InvalidDataException("negative count in the snapshot image");
    }

    private static void Arrays(BinaryWriter w, params Array[] columns)
    {
        w.Flush();
        foreach (var column in columns)
        {
            w.BaseStream.Write(column switch
            {
                int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
                long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
                ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
                byte[] a => a.AsSpan(),
                bool[] a => MemoryMarshal.AsBytes(a.AsSpan()),
                _ => throw new ArgumentException("unsupported column type " + column.GetType().Name, nameof(columns)),
            });
        }
    }

    /// <summary>The engine slices date ranges by binary search, so an image with days (or offsets) out of order is refused.</summary>
    private static void Ascending(int[] days)
    {
        for (var i = 1; i < days.Length; i++)
        {
            if (days[i] < days[i - 1])
            {
                throw new InvalidDataException("a snapshot image's days or journey offsets are not in ascending order");
            }
        }
    }

    private static T[] Read<T>(Stream stream, int count)
        where T : unmanaged
    {
        var array = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(array.AsSpan()));
        if (typeof(T) == typeof(bool) && MemoryMarshal.AsBytes(array.AsSpan()).ContainsAnyExcept((byte)0, (byte)1))
        {
            throw new InvalidDataException("a flag column of the snapshot image holds a value other than 0 or 1");
        }

        return array;
    }
}

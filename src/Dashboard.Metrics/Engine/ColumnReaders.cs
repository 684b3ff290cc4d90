namespace Dashboard.Metrics.Engine;

/// <summary>
/// Reads one code column through its map, or skips the column when every code maps to 0 (not filtered, not grouped).
/// Used as struct type arguments, so the JIT compiles one loop per combination with the skipped loads removed.
/// </summary>
internal interface IByteColumn
{
    static abstract int Map(byte[] column, int[] map, int row);
}

internal interface IUShortColumn
{
    static abstract int Map(ushort[] column, int[] map, int row);
}

/// <summary>The day column through the period's day contributions.</summary>
internal interface IDayColumn
{
    static abstract int Map(int[] day, int[] contribution, int firstDay, int row);
}

internal readonly struct ReadByte : IByteColumn
{
    public static int Map(byte[] column, int[] map, int row) => map[column[row]];
}

internal readonly struct SkipByte : IByteColumn
{
    public static int Map(byte[] column, int[] map, int row) => 0;
}

internal readonly struct ReadUShort : IUShortColumn
{
    public static int Map(ushort[] column, int[] map, int row) => map[column[row]];
}

internal readonly struct SkipUShort : IUShortColumn
{
    public static int Map(ushort[] column, int[] map, int row) => 0;
}

internal readonly struct ReadDay : IDayColumn
{
    public static int Map(int[] day, int[] contribution, int firstDay, int row) => contribution[day[row] - firstDay];
}

internal readonly struct SkipDay : IDayColumn
{
    public static int Map(int[] day, int[] contribution, int firstDay, int row) => 0;
}

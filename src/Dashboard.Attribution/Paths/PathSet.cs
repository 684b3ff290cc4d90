namespace Dashboard.Attribution.Paths;

/// <summary>
/// The paths of one scope, flattened: path p's touches are <c>Start[p]..Start[p + 1]</c> in time order, each with its
/// channel and the seconds before the path's end (its purchase, or a non-converting path's last touch).
/// </summary>
public sealed class PathSet
{
    public required int[] Start { get; init; }
    public required byte[] Channel { get; init; }
    public required int[] SecondsBeforeEnd { get; init; }
    public required bool[] Converts { get; init; }

    /// <summary>Revenue of the purchase in the reporting currency (0 for non-converting paths and missing rates).</summary>
    public required double[] Revenue { get; init; }

    /// <summary>Whether the path holds a micro-conversion touch.</summary>
    public required bool[] HasMicro { get; init; }

    /// <summary>The day (<see cref="DateOnly.DayNumber"/>) of each path's last touch.</summary>
    public required int[] EndDay { get; init; }

    /// <summary>The market code of each path's journey.</summary>
    public required byte[] Market { get; init; }

    /// <summary>Channels of the reference set (the width of every credit vector).</summary>
    public required int ChannelCount { get; init; }

    /// <summary>Converting paths whose purchase had no exchange rate for its month or before: revenue credit is absent.</summary>
    public required int RevenueMissing { get; init; }

    public int Count => Converts.Length;

    public int Conversions => Converts.Count(c => c);

    public double TotalRevenue => Revenue.Sum();

    public int Length(int path) => Start[path + 1] - Start[path];

    /// <summary>The listed paths (in that order) as a set of their own; what a missing rate hid stays counted.</summary>
    public PathSet Subset(IReadOnlyList<int> paths, int revenueMissing)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var touches = paths.Sum(Length);
        var start = new int[paths.Count + 1];
        var channel = new byte[touches];
        var seconds = new int[touches];
        var n = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            var p = paths[i];
            var length = Length(p);
            Array.Copy(Channel, Start[p], channel, n, length);
            Array.Copy(SecondsBeforeEnd, Start[p], seconds, n, length);
            n += length;
            start[i + 1] = n;
        }

        return new PathSet
        {
            Start = start, Channel = channel, SecondsBeforeEnd = seconds,
            Converts = [.. paths.Select(p => Converts[p])], Revenue = [.. paths.Select(p => Revenue[p])], HasMicro = [.. paths.Select(p => HasMicro[p])],
            EndDay = [.. paths.Select(p => EndDay[p])], Market = [.. paths.Select(p => Market[p])], ChannelCount = ChannelCount, RevenueMissing = revenueMissing,
        };
    }
}

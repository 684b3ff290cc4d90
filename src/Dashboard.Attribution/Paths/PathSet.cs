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

    /// <summary>Channels of the reference set (the width of every credit vector).</summary>
    public required int ChannelCount { get; init; }

    /// <summary>Converting paths whose purchase had no exchange rate for its month or before: revenue credit is absent.</summary>
    public required int RevenueMissing { get; init; }

    public int Count => Converts.Length;

    public int Conversions => Converts.Count(c => c);

    public double TotalRevenue => Revenue.Sum();

    public int Length(int path) => Start[path + 1] - Start[path];
}

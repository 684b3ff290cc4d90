using Dashboard.Attribution.Paths;

namespace Dashboard.Attribution.Tests;

/// <summary>Paths written as channel sequences, as the published examples give them.</summary>
internal static class PathSets
{
    public static PathSet Of(int channels, params (int[] Touches, bool Converts, double Revenue)[] paths)
    {
        var start = new List<int> { 0 };
        var channel = new List<byte>();
        foreach (var (touches, _, _) in paths)
        {
            channel.AddRange(touches.Select(t => (byte)t));
            start.Add(channel.Count);
        }

        return new PathSet
        {
            Start = [.. start], Channel = [.. channel], SecondsBeforeEnd = new int[channel.Count], Converts = [.. paths.Select(p => p.Converts)],
            Revenue = [.. paths.Select(p => p.Revenue)], HasMicro = new bool[paths.Length], EndDay = new int[paths.Length], Market = new byte[paths.Length], ChannelCount = channels, RevenueMissing = 0,
        };
    }

    public static (int[], bool, double) Conv(params int[] touches) => (touches, true, 0);

    public static (int[], bool, double) Lost(params int[] touches) => (touches, false, 0);

    /// <summary>Random paths of 1–6 touches over a few channels, about half converting, with revenue.</summary>
    public static PathSet Random(int seed, int channels, int count)
    {
        var random = new Random(seed);
        var paths = new (int[], bool, double)[count];
        for (var p = 0; p < count; p++)
        {
            var touches = Enumerable.Range(0, random.Next(1, 7)).Select(_ => random.Next(channels)).ToArray();
            var converts = random.NextDouble() < 0.5;
            paths[p] = (touches, converts, converts ? Math.Round(random.NextDouble() * 200, 2) : 0);
        }

        return Of(channels, paths);
    }
}

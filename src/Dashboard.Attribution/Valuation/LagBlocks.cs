namespace Dashboard.Attribution.Valuation;

/// <summary>Means of a daily series over blocks of lags (0..e₁, e₁+1..e₂, …), read from prefix sums.</summary>
internal sealed class LagBlocks
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public LagBlocks(IReadOnlyList<int> ends, int maxLag)
    {
        var clipped = ends.Select(e => Math.Min(e, maxLag)).Distinct().Order().ToList();
        if (clipped.Count == 0 || clipped[^1] != maxLag)
        {
            clipped.Add(maxLag);
        }

        _ends = [.. clipped];
        _starts = [.. clipped.Select((_, b) => b == 0 ? 0 : clipped[b - 1] + 1)];
    }

    public int Count => _ends.Length;

    public int MaxLag => _ends[^1];

    /// <summary>Prefix sums of a series (index i holds the sum of the first i values).</summary>
    public static double[] Prefix(double[] series)
    {
        var prefix = new double[series.Length + 1];
        for (var i = 0; i < series.Length; i++)
        {
            prefix[i + 1] = prefix[i] + series[i];
        }

        return prefix;
    }

    /// <summary>Mean of the series over lags [start, end] of block b before index i (lag 0 = index i).</summary>
    public double Mean(double[] prefix, int i, int b) =>
        (prefix[i - _starts[b] + 1] - prefix[i - _ends[b]]) / (_ends[b] - _starts[b] + 1);

    public string Describe(int b) => FormattableString.Invariant($"{_starts[b]}–{_ends[b]}");
}

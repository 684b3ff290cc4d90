namespace Dashboard.Attribution.Valuation;

/// <summary>
/// A market's cross-products of [own | weighted shared | weighted sales] at lags 0 and 1, from which the
/// Prais–Winsten quasi-differenced cross-products at any AR(1) coefficient follow without another pass over the rows:
/// Σ z̃z̃ᵀ = (1 + ρ²) T − ρ² (F + L) − ρ (B + Bᵀ), with T = Σ zzᵀ over every row, F and L the same over the first and
/// the last row of each run of consecutive days, and B = Σ z_t z_{t−1}ᵀ within runs.
/// </summary>
internal sealed class LagMoments
{
    private readonly double[] _total;
    private readonly double[] _ends;
    /// <summary>B + Bᵀ (upper triangle).</summary>
    private readonly double[] _lagged;
    private readonly int _width;

    private LagMoments(double[] total, double[] ends, double[] lagged, int width, int own, int count)
    {
        (_total, _ends, _lagged, _width, Own, Count) = (total, ends, lagged, width, own, count);
    }

    public int Own { get; }

    public int Count { get; }

    public static LagMoments Of(MarketRows market, int[] columns)
    {
        var n = market.Day.Length;
        var width = market.Own.ColumnCount + columns.Length + 1;
        var rows = ProfiledDesign.Stack(market, columns);
        var total = ProfiledDesign.Gram(rows, n, width);
        // B + Bᵀ from the Gram of the rows z_t + z_{t−1} (S = A + C + B + Bᵀ, with A = T − F and C = T − L the
        // cross-products of z_t and of z_{t−1} over the days that have a day before): two passes like the plain one.
        // F + L from the first and last rows of the runs (a one-day run is both).
        var edges = new List<double>();
        var sums = new double[n * width];
        var pairs = 0;
        for (var r = 0; r < n; r++)
        {
            var row = rows.AsSpan(r * width, width);
            var first = ProfiledDesign.First(market.Day, r);
            if (first)
            {
                edges.AddRange(row);
            }

            if (r == n - 1 || ProfiledDesign.First(market.Day, r + 1))
            {
                edges.AddRange(row);
            }

            if (!first)
            {
                var sum = sums.AsSpan(pairs++ * width, width);
                var before = rows.AsSpan((r - 1) * width, width);
                for (var c = 0; c < width; c++)
                {
                    sum[c] = row[c] + before[c];
                }
            }
        }

        var ends = ProfiledDesign.Gram([.. edges], edges.Count / width, width);
        var lagged = ProfiledDesign.Gram(sums, pairs, width);
        for (var i = 0; i < lagged.Length; i++)
        {
            lagged[i] += ends[i] - (2 * total[i]);
        }

        return new LagMoments(total, ends, lagged, width, market.Own.ColumnCount, n);
    }

    /// <summary>The quasi-differenced cross-products at <paramref name="rho"/> (upper triangle, row-major).</summary>
    public double[] At(double rho)
    {
        var w = _width;
        var result = new double[w * w];
        var (a, b) = (1 + (rho * rho), rho * rho);
        for (var i = 0; i < w; i++)
        {
            for (var k = i; k < w; k++)
            {
                result[(i * w) + k] = (a * _total[(i * w) + k]) - (b * _ends[(i * w) + k]) - (rho * _lagged[(i * w) + k]);
            }
        }

        return result;
    }
}

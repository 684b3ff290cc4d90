using Dashboard.Attribution.Planning;
using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector<double>;

namespace Dashboard.Attribution.Incremental;

/// <summary>
/// Per market, the cross-products of every candidate curve column of every channel and of sales, each with the
/// market's own base projected out and weighted by 1 / the market's scale: any choice of one candidate per channel is
/// then solved from their sums alone, over all markets or over markets drawn with replacement.
/// </summary>
internal sealed class CrossProducts
{
    private readonly double[][,] _markets;

    private CrossProducts(double[][,] markets, int[] offsets)
    {
        _markets = markets;
        Offsets = offsets;
    }

    /// <summary>Where each channel's candidates start among the columns (and, last, where sales' column is).</summary>
    public int[] Offsets { get; }

    public int Markets => _markets.Length;

    /// <param name="channels">The channels (of <paramref name="data"/>) whose candidates are given, in their order.</param>
    public static CrossProducts Build(RevenueOnlyData data, int[] channels, IReadOnlyList<HillCurve[]> candidates)
    {
        var offsets = new int[candidates.Count + 1];
        for (var c = 0; c < candidates.Count; c++)
        {
            offsets[c + 1] = offsets[c] + candidates[c].Length;
        }

        var markets = new double[data.Design.Markets.Count][,];
        Parallel.For(0, markets.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount - 1) }, m =>
            markets[m] = Market(data, m, candidates, channels, offsets));
        return new CrossProducts(markets, offsets);
    }

    /// <summary>The cross-products summed over the markets drawn (each as often as drawn), or over all when null.</summary>
    public double[,] Sum(int[]? drawn)
    {
        var size = _markets[0].GetLength(0);
        var sum = new double[size, size];
        foreach (var m in drawn ?? [.. Enumerable.Range(0, _markets.Length)])
        {
            var block = _markets[m];
            for (var i = 0; i < size; i++)
            {
                for (var j = 0; j < size; j++)
                {
                    sum[i, j] += block[i, j];
                }
            }
        }

        return sum;
    }

    private static double[,] Market(RevenueOnlyData data, int m, IReadOnlyList<HillCurve[]> candidates, int[] channels, int[] offsets)
    {
        var rows = data.Design.Markets[m];
        var (n, width) = (rows.Day.Length, offsets[^1] + 1);
        var scale = data.Scale[m];
        var columns = Matrix<double>.Build.Dense(n, width);
        for (var c = 0; c < candidates.Count; c++)
        {
            var spend = data.Spend[m][channels[c]];
            var adstocks = new Dictionary<(double, double), double[]>();
            for (var i = 0; i < candidates[c].Length; i++)
            {
                var curve = candidates[c][i];
                if (!adstocks.TryGetValue((curve.Lambda, curve.Shape), out var adstock))
                {
                    adstocks[(curve.Lambda, curve.Shape)] = adstock = curve.Adstock(spend);
                }

                for (var r = 0; r < n; r++)
                {
                    columns[r, offsets[c] + i] = scale * HillCurve.Hill(adstock[rows.Day[r] + data.Lag] / scale, curve.HalfSaturation, curve.Alpha);
                }
            }
        }

        columns.SetColumn(width - 1, rows.Y);

        // The market's own base out of every column (a relative ridge keeps its collinear columns solvable).
        var own = rows.Own;
        var gram = own.TransposeThisAndMultiply(own);
        var trace = gram.Diagonal().Sum() / Math.Max(1, own.ColumnCount);
        for (var i = 0; i < own.ColumnCount; i++)
        {
            gram[i, i] += 1e-9 * trace;
        }

        var residual = (columns - (own * gram.Cholesky().Solve(own.TransposeThisAndMultiply(columns)))) * rows.Weight;
        var cells = residual.ToColumnArrays();
        var block = new double[width, width];
        for (var i = 0; i < width; i++)
        {
            for (var j = i; j < width; j++)
            {
                block[i, j] = block[j, i] = Dot(cells[i], cells[j]);
            }
        }

        return block;
    }

    private static double Dot(double[] a, double[] b)
    {
        var lanes = SimdVector.Count;
        var sums = SimdVector.Zero;
        var i = 0;
        for (; i <= a.Length - lanes; i += lanes)
        {
            sums += new SimdVector(a, i) * new SimdVector(b, i);
        }

        var sum = System.Numerics.Vector.Sum(sums);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}

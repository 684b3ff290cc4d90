using SimdVector = System.Numerics.Vector<double>;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>The fitted shared coefficients of a design, with their robust covariance.</summary>
internal sealed record PanelFitResult(
    int[] Columns,
    Vector<double> Beta,
    Matrix<double> Covariance,
    double Rho,
    double ResidualVariance,
    int Rows,
    int Clusters)
{
    /// <summary>Share of the variance of sales around each market's mean that the whole model explains (levels, weighted).</summary>
    public double RSquared { get; init; } = double.NaN;
}

/// <summary>
/// A design's rows weighted by market size with each market's own columns projected out once (Frisch–Waugh: a spline
/// level, season, weekday and holiday per market cost nothing in the shared fit), kept row-major per market so that
/// quasi-differencing at any AR(1) coefficient and the cross-products of any columns are cheap. Quasi-differencing after
/// the projection is exact for the season, weekday and spline columns (their differences stay in their span) and close
/// for the rest.
/// </summary>
internal sealed class ResidualizedDesign
{
    internal sealed record Market(double[] Z, double[] Y, int[] Day, int Own);

    public ResidualizedDesign(ValuationDesign design)
    {
        Columns = design.Columns.Count;
        var markets = new Market[design.Markets.Count];
        Parallel.For(0, markets.Length, j => markets[j] = Residualize(design.Markets[j]));
        Markets = markets;
    }

    public int Columns { get; }

    public IReadOnlyList<Market> Markets { get; }

    private static Market Residualize(MarketRows market)
    {
        var n = market.Day.Length;
        var w = market.Weight;
        var z = market.Shared * w;
        var y = market.Y * w;
        var o = market.Own;
        var gram = o.TransposeThisAndMultiply(o);
        var trace = gram.Diagonal().Sum() / Math.Max(1, gram.ColumnCount);
        for (var c = 0; c < gram.ColumnCount; c++)
        {
            gram[c, c] += (1e-9 * trace) + 1e-12;
        }

        var factor = gram.Cholesky();
        z -= o * factor.Solve(o.TransposeThisAndMultiply(z));
        y -= o * factor.Solve(o.TransposeThisAndMultiply(y));
        var p = z.ColumnCount;
        var rowMajor = new double[n * p];
        for (var c = 0; c < p; c++)
        {
            var column = z.Column(c);
            for (var r = 0; r < n; r++)
            {
                rowMajor[(r * p) + c] = column[r];
            }
        }

        return new Market(rowMajor, y.ToArray(), market.Day, o.ColumnCount);
    }
}

/// <summary>
/// The residualized rows quasi-differenced at one AR(1) coefficient (a row needs the day before) on a set of columns,
/// with their cross-products: any subset of those columns is then solved from them alone.
/// </summary>
internal sealed class ProfiledDesign
{
    private readonly List<(double[] Z, double[] Y, int[] Days)> _markets = [];
    private readonly int[] _columns;
    private readonly Dictionary<int, int> _position;
    private readonly double[] _gram;
    private readonly double[] _cross;
    private readonly double _yy;
    private readonly int _own;

    /// <param name="columns">The design columns this profile holds (ascending).</param>
    public ProfiledDesign(ResidualizedDesign residualized, double rho, int[] columns)
    {
        Rho = rho;
        _columns = columns;
        _position = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var p = columns.Length;
        var full = residualized.Columns;
        foreach (var market in residualized.Markets)
        {
            var n = market.Day.Length;
            var keep = rho == 0 ? [.. Enumerable.Range(0, n)] : Enumerable.Range(1, n - 1).Where(r => market.Day[r - 1] == market.Day[r] - 1).ToArray();
            var z = new double[keep.Length * p];
            var y = new double[keep.Length];
            for (var i = 0; i < keep.Length; i++)
            {
                var r = keep[i];
                for (var c = 0; c < p; c++)
                {
                    var v = market.Z[(r * full) + columns[c]];
                    z[(i * p) + c] = rho == 0 ? v : v - (rho * market.Z[((r - 1) * full) + columns[c]]);
                }

                y[i] = rho == 0 ? market.Y[r] : market.Y[r] - (rho * market.Y[r - 1]);
            }

            _markets.Add((z, y, [.. keep.Select(r => market.Day[r])]));
            Rows += keep.Length;
            _own += market.Own;
        }

        // Cross-products, the upper triangle row by row (many entries are 0: value columns off untracked rows), split
        // over the cores by market.
        var partial = new double[_markets.Count][];
        Parallel.For(0, _markets.Count, j => partial[j] = Gram(_markets[j].Z, _markets[j].Y.Length, p));
        _gram = new double[p * p];
        foreach (var g in partial)
        {
            for (var i = 0; i < g.Length; i++)
            {
                _gram[i] += g[i];
            }
        }

        for (var i = 0; i < p; i++)
        {
            for (var k = 0; k < i; k++)
            {
                _gram[(i * p) + k] = _gram[(k * p) + i];
            }
        }

        _cross = new double[p];
        foreach (var (z, y, _) in _markets)
        {
            for (var r = 0; r < y.Length; r++)
            {
                _yy += y[r] * y[r];
                for (var c = 0; c < p; c++)
                {
                    _cross[c] += z[(r * p) + c] * y[r];
                }
            }
        }
    }

    public double Rho { get; }

    public int Rows { get; }

    /// <summary>Σ_rows z zᵀ (upper triangle), vectorised along each row.</summary>
    private static double[] Gram(double[] z, int n, int p)
    {
        var g = new double[p * p];
        var width = SimdVector.Count;
        for (var r = 0; r < n; r++)
        {
            var row = z.AsSpan(r * p, p);
            for (var i = 0; i < p; i++)
            {
                var a = row[i];
                if (a == 0)
                {
                    continue;
                }

                var target = g.AsSpan(i * p, p);
                var k = i;
                var scale = new SimdVector(a);
                for (; k <= p - width; k += width)
                {
                    (new SimdVector(target[k..]) + (scale * new SimdVector(row[k..]))).CopyTo(target[k..]);
                }

                for (; k < p; k++)
                {
                    target[k] += a * row[k];
                }
            }
        }

        return g;
    }

    private Matrix<double> Sub(int[] columns) =>
        Matrix<double>.Build.Dense(columns.Length, columns.Length, (i, j) => _gram[(_position[columns[i]] * _columns.Length) + _position[columns[j]]]);

    /// <summary>Penalised least squares on a subset of columns: coefficients and the weighted residual sum of squares.</summary>
    /// <param name="priorPrecision">Per design column: 1 / prior variance of its coefficient (0 = flat).</param>
    /// <param name="variance">The residual variance that scales the prior (0 = no prior).</param>
    public (Vector<double> Beta, double Sse) Solve(int[] columns, double[] priorPrecision, double variance)
    {
        var p = columns.Length;
        var plain = Sub(columns);
        var gram = plain.Clone();
        var cross = Vector<double>.Build.Dense(p, i => _cross[_position[columns[i]]]);
        Regularise(gram, columns, priorPrecision, variance);
        var beta = gram.Cholesky().Solve(cross);
        var sse = _yy - (2 * beta.DotProduct(cross)) + beta.DotProduct(plain * beta);
        return (beta, Math.Max(0, sse));
    }

    private static void Regularise(Matrix<double> gram, int[] columns, double[] priorPrecision, double variance)
    {
        for (var c = 0; c < columns.Length; c++)
        {
            // A column with no rows (no untracked days, say) is pinned at 0; a vanishing ridge keeps the rest solvable.
            gram[c, c] += gram[c, c] == 0 ? 1 : (1e-10 * gram[c, c]) + (variance * priorPrecision[columns[c]]);
        }
    }

    /// <summary>Degrees of freedom of the residuals of a fit on <paramref name="columns"/> shared columns.</summary>
    public int Dof(int columns) => Math.Max(1, Rows - columns - _own);

    /// <summary>
    /// The fit on a subset of columns with its covariance, robust to heteroskedasticity and to correlation within a
    /// market's blocks of days (a sandwich of the scores summed per block).
    /// </summary>
    public PanelFitResult Result(int[] columns, double[] priorPrecision, double variance, int clusterDays)
    {
        var (beta, sse) = Solve(columns, priorPrecision, variance);
        var p = columns.Length;
        var bread = Sub(columns);
        Regularise(bread, columns, priorPrecision, variance);
        var inverse = bread.Inverse();
        var meat = Matrix<double>.Build.Dense(p, p);
        var clusters = 0;
        var at = columns.Select(c => _position[c]).ToArray();
        var width = _columns.Length;
        var score = new double[p];
        foreach (var (z, y, days) in _markets)
        {
            var start = 0;
            while (start < days.Length)
            {
                var block = days[start] / clusterDays;
                Array.Clear(score);
                var end = start;
                for (; end < days.Length && days[end] / clusterDays == block; end++)
                {
                    var residual = y[end];
                    for (var c = 0; c < p; c++)
                    {
                        residual -= z[(end * width) + at[c]] * beta[c];
                    }

                    for (var c = 0; c < p; c++)
                    {
                        score[c] += z[(end * width) + at[c]] * residual;
                    }
                }

                for (var a = 0; a < p; a++)
                {
                    for (var b = 0; b < p; b++)
                    {
                        meat[a, b] += score[a] * score[b];
                    }
                }

                clusters++;
                start = end;
            }
        }

        var dof = Dof(p);
        var correction = clusters / (double)Math.Max(1, clusters - 1) * ((Rows - 1) / (double)dof);
        return new PanelFitResult(columns, beta, inverse * meat * inverse * correction, Rho, sse / dof, Rows, clusters);
    }

    /// <summary>R² of the levels: the fit's residuals against sales around each market's mean (weighted), before differencing.</summary>
    public static double RSquared(ValuationDesign design, int[] columns, Vector<double> beta)
    {
        double residuals = 0, total = 0;
        foreach (var market in design.Markets)
        {
            var n = market.Day.Length;
            var partial = market.Y.Clone();
            for (var c = 0; c < columns.Length; c++)
            {
                partial -= market.Shared.Column(columns[c]) * beta[c];
            }

            var own = market.Own;
            var gram = own.TransposeThisAndMultiply(own);
            var trace = gram.Diagonal().Sum() / Math.Max(1, gram.ColumnCount);
            for (var c = 0; c < gram.ColumnCount; c++)
            {
                gram[c, c] += (1e-9 * trace) + 1e-12;
            }

            var residual = partial - (own * gram.Cholesky().Solve(own.TransposeThisAndMultiply(partial)));
            var w2 = market.Weight * market.Weight;
            var mean = market.Y.Average();
            residuals += w2 * residual.DotProduct(residual);
            total += w2 * market.Y.Sum(y => (y - mean) * (y - mean));
        }

        return total > 0 ? 1 - (residuals / total) : double.NaN;
    }
}

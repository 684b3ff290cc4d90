using SimdVector = System.Numerics.Vector<double>;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>The fitted shared coefficients of a design, with their robust covariance.</summary>
internal sealed record PanelFitResult(
    int[] Columns,
    Vector<double> Beta,
    Matrix<double> Covariance,
    double Rho,
    int Rows,
    int Clusters)
{
    /// <summary>Share of the variance of sales around each market's mean that the whole model explains (levels, weighted).</summary>
    public double RSquared { get; init; } = double.NaN;
}

/// <summary>
/// A design's rows quasi-differenced at one AR(1) coefficient (Prais–Winsten: the first day of a run scaled) and
/// weighted by market size, with each market's own columns (spline level, season, weekday, holiday, untracked steps)
/// profiled out (Frisch–Waugh) on a set of shared columns. Only cross-products are formed: per market one vectorised
/// pass over the rows of [own | shared | sales] gives every block, and the profiled cross-products are the Schur
/// complement, so any subset of the columns is then solved from them alone.
/// </summary>
internal sealed class ProfiledDesign
{
    /// <summary>A market's quasi-differenced rows [own | shared | sales] and what projects the own columns out.</summary>
    private sealed record Block(double[] Rows, int Count, int Own, double[] Projection, double[] SalesProjection, int[] Days);

    private readonly List<Block> _markets = [];
    private readonly int[] _columns;
    private readonly Dictionary<int, int> _position;
    private readonly double[] _gram;
    private readonly double[] _cross;
    private readonly double _yy;
    private readonly int _own;

    /// <param name="columns">The design columns this profile holds (ascending).</param>
    public ProfiledDesign(ValuationDesign design, double rho, int[] columns)
    {
        Rho = rho;
        _columns = columns;
        _position = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var p = columns.Length;
        var blocks = new (Block Block, double[] Gram, double[] Cross, double Yy)[design.Markets.Count];
        Parallel.For(0, blocks.Length, j => blocks[j] = Profile(design.Markets[j], rho, columns));
        _gram = new double[p * p];
        _cross = new double[p];
        foreach (var (block, gram, cross, yy) in blocks)
        {
            if (block.Count == 0)
            {
                continue;
            }

            _markets.Add(block);
            for (var i = 0; i < gram.Length; i++)
            {
                _gram[i] += gram[i];
            }

            for (var i = 0; i < p; i++)
            {
                _cross[i] += cross[i];
            }

            _yy += yy;
            Rows += block.Count;
            _own += block.Own;
        }
    }

    private static (Block Block, double[] Gram, double[] Cross, double Yy) Profile(MarketRows market, double rho, int[] columns)
    {
        var n = market.Day.Length;
        var q = market.Own.ColumnCount;
        var p = columns.Length;
        var width = q + p + 1;
        // Prais–Winsten: every row is kept; the first day of each run of consecutive days has no day before, so it enters
        // scaled by √(1 − ρ²) (the exact AR(1) likelihood) rather than being dropped.
        var rows = new double[n * width];
        var own = market.Own.ToColumnMajorArray();
        var shared = market.Shared;
        var w = market.Weight;
        var head = Math.Sqrt(1 - (rho * rho));
        for (var r = 0; r < n; r++)
        {
            var first = r == 0 || market.Day[r - 1] != market.Day[r] - 1;
            var (scale, lag) = first ? (head, 0.0) : (1.0, rho);
            var at = r * width;
            for (var c = 0; c < q; c++)
            {
                rows[at + c] = (scale * own[(c * n) + r]) - (lag == 0 ? 0 : lag * own[(c * n) + r - 1]);
            }

            for (var c = 0; c < p; c++)
            {
                rows[at + q + c] = w * ((scale * shared[r, columns[c]]) - (lag == 0 ? 0 : lag * shared[r - 1, columns[c]]));
            }

            rows[at + q + p] = w * ((scale * market.Y[r]) - (lag == 0 ? 0 : lag * market.Y[r - 1]));
        }

        // One pass for every block of cross-products, then the Schur complement of the own block.
        var all = Gram(rows, n, width);
        var a = Matrix<double>.Build.Dense(q, q, (i, k) => all[(Math.Min(i, k) * width) + Math.Max(i, k)]);
        var trace = a.Diagonal().Sum() / Math.Max(1, q);
        for (var c = 0; c < q; c++)
        {
            a[c, c] += (1e-9 * trace) + 1e-12;
        }

        var b = Matrix<double>.Build.Dense(q, p + 1, (i, k) => all[(i * width) + q + k]);
        var projection = a.Cholesky().Solve(b);
        var gram = new double[p * p];
        var cross = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var k = i; k < p; k++)
            {
                var v = all[((q + i) * width) + q + k];
                for (var c = 0; c < q; c++)
                {
                    v -= b[c, i] * projection[c, k];
                }

                gram[(i * p) + k] = v;
                gram[(k * p) + i] = v;
            }

            var y = all[((q + i) * width) + q + p];
            for (var c = 0; c < q; c++)
            {
                y -= b[c, i] * projection[c, p];
            }

            cross[i] = y;
        }

        var yy = all[((q + p) * width) + q + p];
        for (var c = 0; c < q; c++)
        {
            yy -= b[c, p] * projection[c, p];
        }

        var flat = new double[q * p];
        for (var c = 0; c < q; c++)
        {
            for (var k = 0; k < p; k++)
            {
                flat[(c * p) + k] = projection[c, k];
            }
        }

        var salesProjection = Enumerable.Range(0, q).Select(c => projection[c, p]).ToArray();
        return (new Block(rows, n, q, flat, salesProjection, [.. market.Day]), gram, cross, yy);
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
    /// market's blocks of days (a sandwich of the profiled scores summed per block).
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
        var all = _columns.Length;
        var score = new double[p];
        var profiled = new double[p];
        foreach (var block in _markets)
        {
            var (q, width) = (block.Own, block.Own + all + 1);
            var start = 0;
            while (start < block.Count)
            {
                var cluster = block.Days[start] / clusterDays;
                Array.Clear(score);
                var end = start;
                for (; end < block.Count && block.Days[end] / clusterDays == cluster; end++)
                {
                    // The row with the market's own columns projected out: z − o·P and y − o·g.
                    var row = block.Rows.AsSpan(end * width, width);
                    var residual = row[q + all];
                    for (var c = 0; c < q; c++)
                    {
                        residual -= row[c] * block.SalesProjection[c];
                    }

                    for (var k = 0; k < p; k++)
                    {
                        var v = row[q + at[k]];
                        for (var c = 0; c < q; c++)
                        {
                            v -= row[c] * block.Projection[(c * all) + at[k]];
                        }

                        profiled[k] = v;
                        residual -= v * beta[k];
                    }

                    for (var k = 0; k < p; k++)
                    {
                        score[k] += profiled[k] * residual;
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
        return new PanelFitResult(columns, beta, inverse * meat * inverse * correction, Rho, Rows, clusters);
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

using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
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

    /// <summary>A market's profiled cross-products: Σ z̃z̃ᵀ and Σ z̃ỹ with its own columns projected out, and Σ ỹ².</summary>
    private sealed record Profile(double[] Gram, double[] Cross, double Yy, int Count, int Own);

    private readonly List<Block> _markets = [];
    private readonly int[] _columns;
    private readonly Dictionary<int, int> _position;
    private readonly double[] _gram;
    private readonly double[] _cross;
    private readonly double _yy;
    private readonly int _own;

    /// <param name="columns">The design columns this profile holds (ascending).</param>
    public ProfiledDesign(ValuationDesign design, double rho, int[] columns)
        : this(rho, columns, Build(design, rho, columns))
    {
    }

    private ProfiledDesign(double rho, int[] columns, (Block? Block, Profile Profile)[] markets)
    {
        Rho = rho;
        _columns = columns;
        _position = columns.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
        var p = columns.Length;
        _gram = new double[p * p];
        _cross = new double[p];
        foreach (var (block, profile) in markets)
        {
            if (profile.Count == 0)
            {
                continue;
            }

            if (block is not null)
            {
                _markets.Add(block);
            }

            for (var i = 0; i < profile.Gram.Length; i++)
            {
                _gram[i] += profile.Gram[i];
            }

            for (var i = 0; i < p; i++)
            {
                _cross[i] += profile.Cross[i];
            }

            _yy += profile.Yy;
            Rows += profile.Count;
            _own += profile.Own;
        }
    }

    private static (Block? Block, Profile Profile)[] Build(ValuationDesign design, double rho, int[] columns)
    {
        var markets = new (Block?, Profile)[design.Markets.Count];
        Parallel.For(0, markets.Length, j => markets[j] = Quasi(design.Markets[j], rho, columns));
        return markets;
    }

    /// <summary>
    /// The profiles at every correlation of <paramref name="rhos"/>, from each market's cross-products at lags 0 and 1
    /// formed once: Σ z̃z̃ᵀ at ρ is (1 + ρ²) Σ zzᵀ − ρ² (Σ over the first and last days of runs) − ρ (Σ z_t z_{t−1}ᵀ +
    /// its transpose), so a grid of correlations costs about three passes over the rows rather than one per point.
    /// These profiles solve but hold no rows for <see cref="Result"/>.
    /// </summary>
    public static ProfiledDesign[] Grid(ValuationDesign design, IReadOnlyList<double> rhos, int[] columns)
    {
        var moments = new LagMoments[design.Markets.Count];
        Parallel.For(0, moments.Length, j => moments[j] = LagMoments.Of(design.Markets[j], columns));
        var grid = new ProfiledDesign[rhos.Count];
        for (var g = 0; g < rhos.Count; g++)
        {
            var rho = rhos[g];
            var markets = new (Block?, Profile)[moments.Length];
            Parallel.For(0, moments.Length, j =>
            {
                var m = moments[j];
                markets[j] = (null, Schur(m.At(rho), m.Own, columns.Length, m.Count).Profile);
            });
            grid[g] = new ProfiledDesign(rho, columns, markets);
        }

        return grid;
    }

    /// <summary>A market's rows [own | weighted shared | weighted sales], before differencing (row-major).</summary>
    internal static double[] Stack(MarketRows market, int[] columns)
    {
        var n = market.Day.Length;
        var q = market.Own.ColumnCount;
        var p = columns.Length;
        var width = q + p + 1;
        var rows = new double[n * width];
        var own = market.Own.AsColumnMajorArray() ?? market.Own.ToColumnMajorArray();
        var shared = market.Shared.AsColumnMajorArray() ?? market.Shared.ToColumnMajorArray();
        var w = market.Weight;
        for (var r = 0; r < n; r++)
        {
            var at = r * width;
            for (var c = 0; c < q; c++)
            {
                rows[at + c] = own[(c * n) + r];
            }

            for (var c = 0; c < p; c++)
            {
                rows[at + q + c] = w * shared[(columns[c] * n) + r];
            }

            rows[at + q + p] = w * market.Y[r];
        }

        return rows;
    }

    /// <summary>Whether a row opens a run of consecutive days (it has no day before it).</summary>
    internal static bool First(int[] days, int r) => r == 0 || days[r - 1] != days[r] - 1;

    private static (Block? Block, Profile Profile) Quasi(MarketRows market, double rho, int[] columns)
    {
        var n = market.Day.Length;
        var q = market.Own.ColumnCount;
        var width = q + columns.Length + 1;
        // Prais–Winsten: every row is kept; the first day of each run of consecutive days has no day before, so it enters
        // scaled by √(1 − ρ²) (the exact AR(1) likelihood) rather than being dropped.
        // Differenced in place from the last row back, so each row still sees the one before it as it was.
        var rows = Stack(market, columns);
        var head = Math.Sqrt(1 - (rho * rho));
        for (var r = n - 1; r >= 0; r--)
        {
            var at = r * width;
            if (First(market.Day, r))
            {
                for (var c = 0; c < width; c++)
                {
                    rows[at + c] *= head;
                }
            }
            else
            {
                for (var c = 0; c < width; c++)
                {
                    rows[at + c] -= rho * rows[at - width + c];
                }
            }
        }

        var (profile, projection, salesProjection) = Schur(Gram(rows, n, width), q, columns.Length, n);
        return (new Block(rows, n, q, projection, salesProjection, [.. market.Day]), profile);
    }

    /// <summary>
    /// The Schur complement of the own block in the cross-products of [own | shared | sales] (upper triangle, row-major):
    /// the shared columns' and sales' cross-products with the own columns projected out, and the projection itself.
    /// </summary>
    private static (Profile Profile, double[] Projection, double[] SalesProjection) Schur(double[] all, int q, int p, int count)
    {
        var width = q + p + 1;
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
        return (new Profile(gram, cross, yy, count, q), flat, salesProjection);
    }

    public double Rho { get; }

    public int Rows { get; }

    /// <summary>
    /// Σ_rows z zᵀ (upper triangle), vectorised along each row and four rows at a time, so each stretch of the result is
    /// loaded and stored once per four rows (the result of a wide design does not stay in the core's cache).
    /// </summary>
    internal static double[] Gram(double[] z, int n, int p)
    {
        var g = new double[p * p];
        var r = 0;
        for (; r + 4 <= n; r += 4)
        {
            var r0 = z.AsSpan(r * p, p);
            var r1 = z.AsSpan((r + 1) * p, p);
            var r2 = z.AsSpan((r + 2) * p, p);
            var r3 = z.AsSpan((r + 3) * p, p);
            for (var i = 0; i < p; i++)
            {
                var (a0, a1, a2, a3) = (r0[i], r1[i], r2[i], r3[i]);
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0)
                {
                    continue;
                }

                AddRows(g.AsSpan(i * p, p), i, r0, r1, r2, r3, a0, a1, a2, a3);
            }
        }

        for (; r < n; r++)
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
                for (var k = i; k < p; k++)
                {
                    target[k] += a * row[k];
                }
            }
        }

        return g;
    }

    /// <summary>target[k] += a0 r0[k] + a1 r1[k] + a2 r2[k] + a3 r3[k] for k from <paramref name="from"/> on.</summary>
    private static void AddRows(Span<double> target, int from, ReadOnlySpan<double> r0, ReadOnlySpan<double> r1, ReadOnlySpan<double> r2,
        ReadOnlySpan<double> r3, double a0, double a1, double a2, double a3)
    {
        var k = from;
        var p = target.Length;
        if (Fma.IsSupported)
        {
            // Fused multiply–adds on 4 lanes: the Gram of the widest profile is most of the valuation's time.
            ref var t = ref MemoryMarshal.GetReference(target);
            ref var x0 = ref MemoryMarshal.GetReference(r0);
            ref var x1 = ref MemoryMarshal.GetReference(r1);
            ref var x2 = ref MemoryMarshal.GetReference(r2);
            ref var x3 = ref MemoryMarshal.GetReference(r3);
            var (s0, s1, s2, s3) = (Vector256.Create(a0), Vector256.Create(a1), Vector256.Create(a2), Vector256.Create(a3));
            for (; k <= p - 4; k += 4)
            {
                var at = (nuint)k;
                var sum = Vector256.LoadUnsafe(ref t, at);
                sum = Fma.MultiplyAdd(s0, Vector256.LoadUnsafe(ref x0, at), sum);
                sum = Fma.MultiplyAdd(s1, Vector256.LoadUnsafe(ref x1, at), sum);
                sum = Fma.MultiplyAdd(s2, Vector256.LoadUnsafe(ref x2, at), sum);
                sum = Fma.MultiplyAdd(s3, Vector256.LoadUnsafe(ref x3, at), sum);
                sum.StoreUnsafe(ref t, at);
            }
        }
        else
        {
            var width = SimdVector.Count;
            var (s0, s1, s2, s3) = (new SimdVector(a0), new SimdVector(a1), new SimdVector(a2), new SimdVector(a3));
            for (; k <= p - width; k += width)
            {
                var sum = new SimdVector(target[k..]) + (s0 * new SimdVector(r0[k..])) + (s1 * new SimdVector(r1[k..]))
                    + (s2 * new SimdVector(r2[k..])) + (s3 * new SimdVector(r3[k..]));
                sum.CopyTo(target[k..]);
            }
        }

        for (; k < p; k++)
        {
            target[k] += (a0 * r0[k]) + (a1 * r1[k]) + (a2 * r2[k]) + (a3 * r3[k]);
        }
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
        if (_markets.Count == 0 && Rows > 0)
        {
            throw new InvalidOperationException("a profile from the correlation grid holds no rows for the robust covariance");
        }

        var (beta, sse) = Solve(columns, priorPrecision, variance);
        var p = columns.Length;
        var bread = Sub(columns);
        Regularise(bread, columns, priorPrecision, variance);
        var inverse = bread.Inverse();
        var meat = new double[p * p];
        var b = beta.ToArray();
        var clusters = 0;
        var at = columns.Select(c => _position[c]).ToArray();
        var all = _columns.Length;
        var score = new double[p];
        foreach (var block in _markets)
        {
            var (q, width) = (block.Own, block.Own + all + 1);
            // With the own columns o projected out (P, g), a row's residual is y − zβ − o(g − Pβ) and a cluster's score
            // Σ (z − oP) e = Σ z e − (Σ o e) P: per row a pass over the shared and own columns, not their product.
            var offset = new double[q];
            for (var c = 0; c < q; c++)
            {
                var v = block.SalesProjection[c];
                for (var k = 0; k < p; k++)
                {
                    v -= block.Projection[(c * all) + at[k]] * b[k];
                }

                offset[c] = v;
            }

            var ownScore = new double[q];
            var start = 0;
            while (start < block.Count)
            {
                var cluster = block.Days[start] / clusterDays;
                Array.Clear(score);
                Array.Clear(ownScore);
                var end = start;
                for (; end < block.Count && block.Days[end] / clusterDays == cluster; end++)
                {
                    var row = block.Rows.AsSpan(end * width, width);
                    var residual = row[q + all];
                    for (var c = 0; c < q; c++)
                    {
                        residual -= row[c] * offset[c];
                    }

                    for (var k = 0; k < p; k++)
                    {
                        residual -= row[q + at[k]] * b[k];
                    }

                    for (var k = 0; k < p; k++)
                    {
                        score[k] += row[q + at[k]] * residual;
                    }

                    for (var c = 0; c < q; c++)
                    {
                        ownScore[c] += row[c] * residual;
                    }
                }

                for (var c = 0; c < q; c++)
                {
                    for (var k = 0; k < p; k++)
                    {
                        score[k] -= ownScore[c] * block.Projection[(c * all) + at[k]];
                    }
                }

                for (var i = 0; i < p; i++)
                {
                    var row = meat.AsSpan(i * p, p);
                    for (var k = 0; k < p; k++)
                    {
                        row[k] += score[i] * score[k];
                    }
                }

                clusters++;
                start = end;
            }
        }

        var dof = Dof(p);
        var correction = clusters / (double)Math.Max(1, clusters - 1) * ((Rows - 1) / (double)dof);
        return new PanelFitResult(columns, beta, inverse * Matrix<double>.Build.Dense(p, p, meat) * inverse * correction, Rho, Rows, clusters);
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

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
/// A design's rows quasi-differenced at one AR(1) coefficient and weighted by market size, with each market's own
/// columns projected out (Frisch–Waugh: a spline level, weekday and holiday per market cost nothing in the shared
/// fit), and the cross-products of every shared column: any subset of columns is then solved from them alone.
/// </summary>
internal sealed class ProfiledDesign
{
    private readonly List<(Matrix<double> Z, Vector<double> Y, int[] Days)> _markets = [];
    private readonly Matrix<double> _gram;
    private readonly Vector<double> _cross;
    private readonly double _yy;
    private readonly int _own;

    /// <param name="fold">Only the rows of this fold (see <see cref="Fold"/>); null = every row.</param>
    public ProfiledDesign(ValuationDesign design, double rho, int? fold, int foldDays)
    {
        Rho = rho;
        var p = design.Columns.Count;
        _gram = Matrix<double>.Build.Dense(p, p);
        _cross = Vector<double>.Build.Dense(p);
        foreach (var market in design.Markets)
        {
            var (z, y, days, own) = Profile(market, rho, fold, foldDays);
            if (y.Count == 0)
            {
                continue;
            }

            _markets.Add((z, y, days));
            _gram += z.TransposeThisAndMultiply(z);
            _cross += z.TransposeThisAndMultiply(y);
            _yy += y.DotProduct(y);
            Rows += y.Count;
            _own += own;
        }
    }

    public double Rho { get; }

    public int Rows { get; }

    /// <summary>Penalised least squares on a subset of columns: coefficients and the weighted residual sum of squares.</summary>
    /// <param name="priorPrecision">Per design column: 1 / prior variance of its coefficient (0 = flat).</param>
    /// <param name="variance">The residual variance that scales the prior (0 = no prior).</param>
    public (Vector<double> Beta, double Sse) Solve(int[] columns, double[] priorPrecision, double variance)
    {
        var p = columns.Length;
        var gram = Matrix<double>.Build.Dense(p, p, (i, j) => _gram[columns[i], columns[j]]);
        var cross = Vector<double>.Build.Dense(p, i => _cross[columns[i]]);
        for (var c = 0; c < p; c++)
        {
            // A column with no rows (no untracked days, say) is pinned at 0; a vanishing ridge keeps the rest solvable.
            gram[c, c] += gram[c, c] == 0 ? 1 : (1e-10 * gram[c, c]) + (variance * priorPrecision[columns[c]]);
        }

        var beta = gram.Cholesky().Solve(cross);
        var sse = _yy - (2 * beta.DotProduct(cross)) + beta.DotProduct(Matrix<double>.Build.Dense(p, p, (i, j) => _gram[columns[i], columns[j]]) * beta);
        return (beta, Math.Max(0, sse));
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
        var bread = Matrix<double>.Build.Dense(p, p, (i, j) => _gram[columns[i], columns[j]]);
        for (var c = 0; c < p; c++)
        {
            bread[c, c] += bread[c, c] == 0 ? 1 : (1e-10 * bread[c, c]) + (variance * priorPrecision[columns[c]]);
        }

        var inverse = bread.Inverse();
        var meat = Matrix<double>.Build.Dense(p, p);
        var clusters = 0;
        foreach (var (all, y, days) in _markets)
        {
            var z = Matrix<double>.Build.Dense(y.Count, p, (i, c) => all[i, columns[c]]);
            var residual = y - (z * beta);
            var start = 0;
            while (start < days.Length)
            {
                var block = days[start] / clusterDays;
                var end = start;
                while (end < days.Length && days[end] / clusterDays == block)
                {
                    end++;
                }

                var score = z.SubMatrix(start, end - start, 0, p).TransposeThisAndMultiply(residual.SubVector(start, end - start));
                meat += score.OuterProduct(score);
                clusters++;
                start = end;
            }
        }

        var dof = Dof(p);
        var correction = clusters / (double)Math.Max(1, clusters - 1) * ((Rows - 1) / (double)dof);
        return new PanelFitResult(columns, beta, inverse * meat * inverse * correction, Rho, sse / dof, Rows, clusters);
    }

    /// <summary>
    /// A market's rows quasi-differenced at <paramref name="rho"/> (a row needs the day before), weighted, with the
    /// market's own columns projected out of sales and every shared column.
    /// </summary>
    private static (Matrix<double> Z, Vector<double> Y, int[] Days, int Own) Profile(MarketRows market, double rho, int? fold, int foldDays)
    {
        bool InFold(int r) => fold is null || Fold(market.Market, market.Day[r], foldDays) == fold;
        var keep = rho == 0
            ? Enumerable.Range(0, market.Day.Length).Where(InFold).ToArray()
            : [.. Enumerable.Range(1, market.Day.Length - 1).Where(r => market.Day[r - 1] == market.Day[r] - 1 && InFold(r) && InFold(r - 1))];
        var n = keep.Length;
        var w = market.Weight;
        var shared = market.Shared;
        var z = Matrix<double>.Build.Dense(n, shared.ColumnCount, (i, c) => w * (shared[keep[i], c] - (rho == 0 ? 0 : rho * shared[keep[i] - 1, c])));
        var y = Vector<double>.Build.Dense(n, i => w * (market.Y[keep[i]] - (rho == 0 ? 0 : rho * market.Y[keep[i] - 1])));
        var o = Matrix<double>.Build.Dense(n, market.Own.ColumnCount, (i, c) => market.Own[keep[i], c] - (rho == 0 ? 0 : rho * market.Own[keep[i] - 1, c]));
        var factor = OwnFactor(o);
        z -= o * factor.Solve(o.TransposeThisAndMultiply(z));
        y -= o * factor.Solve(o.TransposeThisAndMultiply(y));
        return (z, y, [.. keep.Select(r => market.Day[r])], o.ColumnCount);
    }

    /// <summary>Two folds of whole markets (alternate markets): a lag shape chosen on one is judged on the other.</summary>
    public static int Fold(int market, int day, int foldDays) => market % 2;

    internal static MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> OwnFactor(Matrix<double> own)
    {
        var gram = own.TransposeThisAndMultiply(own);
        var trace = gram.Diagonal().Sum() / Math.Max(1, gram.ColumnCount);
        for (var c = 0; c < gram.ColumnCount; c++)
        {
            gram[c, c] += (1e-9 * trace) + 1e-12;
        }

        return gram.Cholesky();
    }

    /// <summary>
    /// Day-to-day correlation of a fit's level residuals within markets (weighted, clamped to [0, 0.99]), and the R² of
    /// the levels.
    /// </summary>
    public static (double Rho, double RSquared) Levels(ValuationDesign design, int[] columns, Vector<double> beta, int? fold, int foldDays)
    {
        double lagged = 0, square = 0, residuals = 0, total = 0;
        foreach (var whole in design.Markets)
        {
            var market = fold is null ? whole : whole.Only(r => Fold(whole.Market, whole.Day[r], foldDays) == fold);
            var n = market.Day.Length;
            if (n < 2)
            {
                continue;
            }

            var z = Matrix<double>.Build.Dense(n, columns.Length, (i, c) => market.Shared[i, columns[c]]);
            var partial = market.Y - (z * beta);
            var residual = partial - (market.Own * OwnFactor(market.Own).Solve(market.Own.TransposeThisAndMultiply(partial)));
            var w2 = market.Weight * market.Weight;
            var mean = market.Y.Average();
            residuals += w2 * residual.DotProduct(residual);
            total += w2 * market.Y.Sum(y => (y - mean) * (y - mean));
            for (var r = 1; r < n; r++)
            {
                if (market.Day[r - 1] == market.Day[r] - 1)
                {
                    lagged += w2 * residual[r] * residual[r - 1];
                    square += w2 * residual[r - 1] * residual[r - 1];
                }
            }
        }

        return (square > 0 ? Math.Clamp(lagged / square, 0, 0.99) : 0, total > 0 ? 1 - (residuals / total) : double.NaN);
    }
}

using Dashboard.Attribution.Valuation;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// The valuation's panel algebra (each market's own columns profiled out of cross-products, the AR(1) grid from lag
/// moments, the clustered sandwich from summed scores) against a plain dense implementation written from the
/// equations: quasi-difference every row, project the own columns out with the residual maker, solve, and sum the
/// scores of each cluster's rows.
/// </summary>
public sealed class PanelFitTests
{
    private const int Shared = 7;
    private const int ClusterDays = 30;

    /// <summary>Markets of random rows, some with gaps in their days (a run restarts after each).</summary>
    private static ValuationDesign Design(int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var markets = new List<MarketRows>();
        for (var m = 0; m < 4; m++)
        {
            int[] days = [.. Enumerable.Range(0, 160).Where(d => m % 2 == 0 || d is < 50 or >= 57 and not 90)];
            var n = days.Length;
            var own = Matrix<double>.Build.Dense(n, 3 + m, (r, c) => c == 0 ? 1 : c == 1 ? days[r] / 160.0 : Normal());
            var shared = Matrix<double>.Build.Dense(n, Shared, (_, c) => (c + 1) * Normal());
            // Sales with AR(1) errors, so the correlation matters.
            var y = Vector<double>.Build.Dense(n);
            var error = 0.0;
            for (var r = 0; r < n; r++)
            {
                error = (0.6 * error) + Normal();
                y[r] = 100 + (10 * own[r, 1]) + (shared.Row(r) * Vector<double>.Build.Dense(Shared, c => c % 3)) + (5 * error);
            }

            markets.Add(new MarketRows { Market = m, Day = days, Y = y, Own = own, Shared = shared, Weight = 1 / (50.0 + (20 * m)) });
        }

        return new ValuationDesign
        {
            Markets = markets,
            Columns = [.. Enumerable.Range(0, Shared).Select(c => new DesignColumn(ColumnRole.Value, c, 0, $"c{c}"))],
            Valued = [.. Enumerable.Range(0, Shared)],
            Kernels = [[1.0]],
            TrackedRows = markets.Sum(x => x.Day.Length),
        };
    }

    /// <summary>One market's rows quasi-differenced (Prais–Winsten) and with its own columns projected out.</summary>
    private static (Matrix<double> Z, Vector<double> Y) Profiled(MarketRows market, double rho, int[] columns)
    {
        var n = market.Day.Length;
        var z = Matrix<double>.Build.Dense(n, columns.Length);
        var o = Matrix<double>.Build.Dense(n, market.Own.ColumnCount);
        var y = Vector<double>.Build.Dense(n);
        for (var r = 0; r < n; r++)
        {
            var first = r == 0 || market.Day[r - 1] != market.Day[r] - 1;
            var (scale, lag) = first ? (Math.Sqrt(1 - (rho * rho)), 0.0) : (1.0, rho);
            double Quasi(Func<int, double> x) => (scale * x(r)) - (lag == 0 ? 0 : lag * x(r - 1));
            for (var c = 0; c < columns.Length; c++)
            {
                z[r, c] = market.Weight * Quasi(i => market.Shared[i, columns[c]]);
            }

            for (var c = 0; c < o.ColumnCount; c++)
            {
                o[r, c] = Quasi(i => market.Own[i, c]);
            }

            y[r] = market.Weight * Quasi(i => market.Y[i]);
        }

        var residualMaker = Matrix<double>.Build.DenseIdentity(n) - (o * (o.TransposeThisAndMultiply(o)).Inverse() * o.Transpose());
        return (residualMaker * z, residualMaker * y);
    }

    private static (Vector<double> Beta, double Sse, Matrix<double> Covariance) Dense(ValuationDesign design, double rho, int[] columns)
    {
        var profiled = design.Markets.Select(m => Profiled(m, rho, columns)).ToList();
        var gram = profiled.Aggregate(Matrix<double>.Build.Dense(columns.Length, columns.Length), (g, p) => g + p.Z.TransposeThisAndMultiply(p.Z));
        var cross = profiled.Aggregate(Vector<double>.Build.Dense(columns.Length), (g, p) => g + p.Z.TransposeThisAndMultiply(p.Y));
        var beta = gram.Solve(cross);
        var meat = Matrix<double>.Build.Dense(columns.Length, columns.Length);
        var (sse, rows, clusters) = (0.0, 0, 0);
        for (var m = 0; m < profiled.Count; m++)
        {
            var (z, y) = profiled[m];
            var e = y - (z * beta);
            sse += e.DotProduct(e);
            rows += e.Count;
            foreach (var cluster in design.Markets[m].Day.Select((d, r) => (d, r)).GroupBy(x => x.d / ClusterDays))
            {
                var score = cluster.Aggregate(Vector<double>.Build.Dense(columns.Length), (s, x) => s + (z.Row(x.r) * e[x.r]));
                meat += score.OuterProduct(score);
                clusters++;
            }
        }

        var dof = rows - columns.Length - design.Markets.Sum(m => m.Own.ColumnCount);
        var inverse = gram.Inverse();
        return (beta, sse, inverse * meat * inverse * (clusters / (double)(clusters - 1)) * ((rows - 1) / (double)dof));
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void The_profiled_fit_and_its_robust_covariance_match_the_dense_equations(int seed)
    {
        var design = Design(seed);
        int[] columns = [0, 2, 3, 5, 6];
        var noPrior = new double[Shared];
        foreach (var rho in new[] { 0.0, 0.45, 0.9 })
        {
            var (beta, sse, covariance) = Dense(design, rho, columns);
            var result = new ProfiledDesign(design, rho, [.. Enumerable.Range(0, Shared)]).Result(columns, noPrior, 0, ClusterDays);
            for (var i = 0; i < columns.Length; i++)
            {
                Close(beta[i], result.Beta[i]);
                for (var k = 0; k < columns.Length; k++)
                {
                    Close(covariance[i, k], result.Covariance[i, k]);
                }
            }

            Close(sse, new ProfiledDesign(design, rho, columns).Solve(columns, noPrior, 0).Sse);
        }
    }

    [Fact]
    public void The_correlation_grid_from_lag_moments_solves_as_the_rows_quasi_differenced_at_each_point()
    {
        var design = Design(13);
        int[] columns = [.. Enumerable.Range(0, Shared)];
        double[] rhos = [0, 0.25, 0.63, 0.871, 0.98];
        var noPrior = new double[Shared];
        var grid = ProfiledDesign.Grid(design, rhos, columns);
        for (var g = 0; g < rhos.Length; g++)
        {
            var (beta, sse, _) = Dense(design, rhos[g], columns);
            var (gridBeta, gridSse) = grid[g].Solve(columns, noPrior, 0);
            Close(sse, gridSse);
            for (var i = 0; i < columns.Length; i++)
            {
                Close(beta[i], gridBeta[i]);
            }
        }

        Assert.Throws<InvalidOperationException>(() => grid[0].Result(columns, noPrior, 0, ClusterDays));
    }
}

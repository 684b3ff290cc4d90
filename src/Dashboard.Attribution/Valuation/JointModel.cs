using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The valuation's whole model as one weighted nonlinear least-squares problem:
/// sales = level(market) × base × exp(shape · δ) + feedback × past sales + Σ value × Σ_lag w(decay, lag) × actions,
/// with w the geometric lag profile. Gauss–Newton with step halving from the alternation's start. Parameters, in
/// order: the market levels, the feedback, one value per type, the decay, then δ (the base's controls without the
/// market intercepts, which the levels carry). Fitting the decay here puts its uncertainty into the values' too.
/// </summary>
internal sealed class JointModel(ValuationData data, Matrix<double> levelDesign, Vector<double> y, Vector<double> weight, Matrix<double> shape, int maxLag)
{
    private const double MaxDecay = 0.95;
    private const int MaxIterations = 30;

    private readonly Vector<double> past = Vector<double>.Build.Dense(y.Count, i => data.Rows[i].PastRevenue);

    private int Markets => levelDesign.ColumnCount;

    private int Valued => data.Valued.Count;

    private int DecayColumn => Markets + 1 + Valued;

    private int ShapeStart => DecayColumn + 1;

    private sealed record State(Vector<double> Fit, Vector<double> Exp, Vector<double> BaseFit, double Error);

    /// <param name="linearStart">Levels, feedback and values to start from.</param>
    /// <param name="decay">The lag decay to start from.</param>
    public (Vector<double> Theta, Matrix<double> Jacobian, Vector<double> Residual) Fit(Vector<double> linearStart, double decay)
    {
        var theta = Vector<double>.Build.Dense(ShapeStart + shape.ColumnCount);
        theta.SetSubVector(0, linearStart.Count, linearStart);
        theta[DecayColumn] = decay;
        var state = Evaluate(theta);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var step = ValuationModel.Solve(Jacobian(theta, state), y - state.Fit, weight, int.MaxValue);
            var improved = false;
            for (var scale = 1.0; scale > 1e-4; scale /= 2)
            {
                var candidate = theta + (step * scale);
                candidate[DecayColumn] = Math.Clamp(candidate[DecayColumn], 0, MaxDecay);
                var next = Evaluate(candidate);
                if (next.Error < state.Error)
                {
                    improved = state.Error - next.Error > 1e-10 * state.Error;
                    (theta, state) = (candidate, next);
                    break;
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return (theta, Jacobian(theta, state), y - state.Fit);
    }

    private State Evaluate(Vector<double> theta)
    {
        var exp = (shape * theta.SubVector(ShapeStart, shape.ColumnCount)).PointwiseExp();
        var baseFit = (levelDesign * theta.SubVector(0, Markets)).PointwiseMultiply(exp);
        var media = ValuationModel.Lagged(data, ValuationModel.Geometric(theta[DecayColumn], maxLag));
        var fit = baseFit + (past * theta[Markets]) + (media * theta.SubVector(Markets + 1, Valued));
        var residual = (y - fit).PointwiseMultiply(weight);
        return new State(fit, exp, baseFit, residual.DotProduct(residual));
    }

    private Matrix<double> Jacobian(Vector<double> theta, State state)
    {
        var n = y.Count;
        var values = theta.SubVector(Markets + 1, Valued);
        var media = ValuationModel.Lagged(data, ValuationModel.Geometric(theta[DecayColumn], maxLag));
        var slope = ValuationModel.Lagged(data, GeometricSlope(theta[DecayColumn])) * values;
        var j = Matrix<double>.Build.Dense(n, ShapeStart + shape.ColumnCount);
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < Markets; c++)
            {
                j[i, c] = levelDesign[i, c] * state.Exp[i];
            }

            j[i, Markets] = past[i];
            for (var k = 0; k < Valued; k++)
            {
                j[i, Markets + 1 + k] = media[i, k];
            }

            j[i, DecayColumn] = slope[i];
            for (var c = 0; c < shape.ColumnCount; c++)
            {
                j[i, ShapeStart + c] = state.BaseFit[i] * shape[i, c];
            }
        }

        return j;
    }

    /// <summary>d w(lag) / d decay for w(lag) = decay^lag / Σ decay^l.</summary>
    private double[] GeometricSlope(double decay)
    {
        double sum = 0, sumSlope = 0;
        for (var l = 0; l <= maxLag; l++)
        {
            sum += Math.Pow(decay, l);
            sumSlope += l == 0 ? 0 : l * Math.Pow(decay, l - 1);
        }

        var slope = new double[maxLag + 1];
        for (var l = 0; l <= maxLag; l++)
        {
            var power = Math.Pow(decay, l);
            var powerSlope = l == 0 ? 0 : l * Math.Pow(decay, l - 1);
            slope[l] = ((powerSlope * sum) - (power * sumSlope)) / (sum * sum);
        }

        return slope;
    }
}

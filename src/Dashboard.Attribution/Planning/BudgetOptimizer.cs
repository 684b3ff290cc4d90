using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// Splits a budget over channels to maximise Σ f_c(x_c) within per-channel bounds. Greedy: each step gives the next
/// slice to the channel with the best return per unit, looking ahead over slices of 1, 2, 4 … steps so a channel below
/// its S-curve's steep part is not passed over; then a polish moves money from the lowest to the highest marginal
/// return until they are equal (or a bound binds). On concave curves this is the optimum to within a step.
/// </summary>
public static class BudgetOptimizer
{
    private const int Steps = 1_000;

    /// <summary>The allocation of <paramref name="budget"/>; with <paramref name="worthSpending"/>, a step whose return per unit fails it is not taken (the rest stays unspent).</summary>
    /// <exception cref="MetricsQueryException">The budget is below the sum of the minimums, or a minimum is above its maximum.</exception>
    public static double[] Allocate(IReadOnlyList<Func<double, double>> response, IReadOnlyList<double> min, IReadOnlyList<double> max, double budget,
        Func<double, bool>? worthSpending = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        Check(min, max, budget);
        var x = min.ToArray();
        var step = (budget - min.Sum()) / Steps;
        Greedy(response, x, max, budget - min.Sum(), step, worthSpending, null);
        Polish(response, x, min, max, step);
        return x;
    }

    /// <summary>
    /// The greedy path from the minimums to every channel at its maximum: after each step, the budget and allocation so
    /// far. The smallest budget reaching a target and the largest keeping a return floor are read off it.
    /// </summary>
    public static List<(double Budget, double[] Allocation)> Path(IReadOnlyList<Func<double, double>> response, IReadOnlyList<double> min, IReadOnlyList<double> max)
    {
        ArgumentNullException.ThrowIfNull(response);
        Check(min, max, max.Sum());
        var x = min.ToArray();
        var path = new List<(double, double[])> { (x.Sum(), (double[])x.Clone()) };
        Greedy(response, x, max, max.Sum() - min.Sum(), (max.Sum() - min.Sum()) / Steps, null, a => path.Add((a.Sum(), (double[])a.Clone())));
        return path;
    }

    private static void Check(IReadOnlyList<double> min, IReadOnlyList<double> max, double budget)
    {
        for (var c = 0; c < min.Count; c++)
        {
            if (min[c] < 0 || max[c] < min[c])
            {
                throw new MetricsQueryException($"channel {c + 1}: its minimum {min[c]:0.##} must be between 0 and its maximum {max[c]:0.##}");
            }
        }

        if (budget < min.Sum() - (1e-9 * Math.Max(1, budget)))
        {
            throw new MetricsQueryException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"the budget {budget:0.##} per day is below the sum of the channels' minimums, {min.Sum():0.##}: lower the minimums or raise the budget"));
        }
    }

    private static void Greedy(IReadOnlyList<Func<double, double>> f, double[] x, IReadOnlyList<double> max, double remaining, double step,
        Func<double, bool>? worthSpending, Action<double[]>? afterStep)
    {
        if (step <= 0)
        {
            return;
        }

        var current = x.Select((v, c) => f[c](v)).ToArray();
        while (remaining > step * 1e-6)
        {
            var (best, bestSize, bestRate, bestValue) = (-1, 0.0, double.NegativeInfinity, 0.0);
            for (var c = 0; c < x.Length; c++)
            {
                var room = Math.Min(remaining, max[c] - x[c]);
                for (var size = step; room > step * 1e-6; size *= 2)
                {
                    var s = Math.Min(size, room);
                    var value = f[c](x[c] + s);
                    var rate = (value - current[c]) / s;
                    if (rate > bestRate)
                    {
                        (best, bestSize, bestRate, bestValue) = (c, s, rate, value);
                    }

                    if (s >= room)
                    {
                        break;
                    }
                }
            }

            if (best < 0 || (worthSpending is not null && !worthSpending(bestRate)))
            {
                return;
            }

            x[best] += bestSize;
            current[best] = bestValue;
            remaining -= bestSize;
            afterStep?.Invoke(x);
        }
    }

    private static void Polish(IReadOnlyList<Func<double, double>> f, double[] x, IReadOnlyList<double> min, IReadOnlyList<double> max, double step)
    {
        if (step <= 0)
        {
            return;
        }

        var total = x.Select((v, c) => f[c](v)).Sum();
        for (var move = step; move > step / 1_000;)
        {
            var improved = false;
            for (var from = 0; from < x.Length && !improved; from++)
            {
                for (var to = 0; to < x.Length && !improved; to++)
                {
                    var d = Math.Min(move, Math.Min(x[from] - min[from], max[to] - x[to]));
                    if (from == to || d <= 0)
                    {
                        continue;
                    }

                    var candidate = total - f[from](x[from]) - f[to](x[to]) + f[from](x[from] - d) + f[to](x[to] + d);
                    if (candidate > total + (1e-12 * Math.Abs(total)))
                    {
                        (x[from], x[to], total) = (x[from] - d, x[to] + d, candidate);
                        improved = true;
                    }
                }
            }

            if (!improved)
            {
                move /= 2;
            }
        }
    }
}

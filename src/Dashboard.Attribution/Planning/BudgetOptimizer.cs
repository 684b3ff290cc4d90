using System.Globalization;
using Dashboard.Metrics.Engine;

namespace Dashboard.Attribution.Planning;

/// <summary>
/// Groups of cells that share a minimum and a maximum on their sum: a channel over its markets. Cells in no group
/// (group −1) have only their own bounds.
/// </summary>
/// <param name="Of">The group of each cell, or −1.</param>
public sealed record CellGroups(IReadOnlyList<int> Of, IReadOnlyList<double> Min, IReadOnlyList<double> Max);

/// <summary>
/// Splits a budget over cells (channels, or channel × market) to maximise Σ f_i(x_i) within each cell's bounds and
/// each group's bounds on its sum. Greedy: each step gives the next slice to the cell with the best return per unit,
/// looking ahead over slices of 1, 2, 4 … steps so a cell below its S-curve's steep part is not passed over; then a
/// polish moves money from the cell that loses least to the one that gains most until no move pays (or bounds bind).
/// On concave curves this is the optimum to within a step.
/// </summary>
public static class BudgetOptimizer
{
    private const int Steps = 1_000;

    /// <summary>Pairs tried per polish move: the best few receivers against the cheapest few donors.</summary>
    private const int Candidates = 12;

    /// <summary>The allocation of <paramref name="budget"/>; with <paramref name="worthSpending"/>, a step whose return per unit fails it is not taken (the rest stays unspent).</summary>
    /// <exception cref="MetricsQueryException">The budget is below the sum of the minimums, or bounds contradict each other.</exception>
    public static double[] Allocate(IReadOnlyList<Func<double, double>> response, IReadOnlyList<double> min, IReadOnlyList<double> max, double budget,
        Func<double, bool>? worthSpending = null, CellGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var state = new State(response, min, max, groups);
        Check(state, budget);
        RaiseGroups(state);
        var free = Math.Min(budget, state.MaxTotal) - state.X.Sum();
        var step = (Math.Min(budget, state.MaxTotal) - state.MinTotal) / Steps;
        Greedy(state, free, step, worthSpending, null);
        Polish(state, step);
        return state.X;
    }

    /// <summary>
    /// The greedy path from the minimums to every cell at its maximum: after each step, the budget and allocation so
    /// far. The smallest budget reaching a target and the largest keeping a return floor are read off it.
    /// </summary>
    public static List<(double Budget, double[] Allocation)> Path(IReadOnlyList<Func<double, double>> response, IReadOnlyList<double> min, IReadOnlyList<double> max,
        CellGroups? groups = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        var state = new State(response, min, max, groups);
        Check(state, state.MaxTotal);
        RaiseGroups(state);
        var path = new List<(double, double[])> { (state.X.Sum(), (double[])state.X.Clone()) };
        Greedy(state, state.MaxTotal - state.X.Sum(), (state.MaxTotal - state.MinTotal) / Steps, null, a => path.Add((a.Sum(), (double[])a.Clone())));
        return path;
    }

    private static void Check(State s, double budget)
    {
        if (budget < s.MinTotal - (1e-9 * Math.Max(1, budget)))
        {
            throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                $"the budget {budget:0.##} per day is below the sum of the channels' minimums, {s.MinTotal:0.##}: lower the minimums or raise the budget"));
        }
    }

    /// <summary>A group's minimum above its cells' minimums is met first, on its own best cells.</summary>
    private static void RaiseGroups(State s)
    {
        foreach (var (group, deficit) in s.Deficits())
        {
            Greedy(s, deficit, deficit / Steps, null, null, c => s.GroupOf(c) == group);
        }
    }

    private static void Greedy(State s, double remaining, double step, Func<double, bool>? worthSpending, Action<double[]>? afterStep,
        Func<int, bool>? eligible = null)
    {
        if (step <= 0)
        {
            return;
        }

        var x = s.X;
        while (remaining > step * 1e-6)
        {
            var (best, bestSize, bestRate, bestValue) = (-1, 0.0, double.NegativeInfinity, 0.0);
            for (var c = 0; c < x.Length; c++)
            {
                if (eligible is not null && !eligible(c))
                {
                    continue;
                }

                var room = Math.Min(remaining, s.Room(c));
                for (var size = step; room > step * 1e-6; size *= 2)
                {
                    var part = Math.Min(size, room);
                    var value = s.F[c](x[c] + part);
                    var rate = (value - s.Value[c]) / part;
                    if (rate > bestRate)
                    {
                        (best, bestSize, bestRate, bestValue) = (c, part, rate, value);
                    }

                    if (part >= room)
                    {
                        break;
                    }
                }
            }

            if (best < 0 || (worthSpending is not null && !worthSpending(bestRate)))
            {
                return;
            }

            s.Move(-1, best, bestSize, bestValue);
            remaining -= bestSize;
            afterStep?.Invoke(x);
        }
    }

    private static void Polish(State s, double step)
    {
        if (step <= 0)
        {
            return;
        }

        var x = s.X;
        var n = x.Length;
        var gain = new double[n];
        var loss = new double[n];
        for (var move = step; move > step / 1_000;)
        {
            for (var c = 0; c < n; c++)
            {
                // A cell a rounding error from its bound is at it: its rate would crowd out the moves that matter.
                var up = s.CellRoom(c) >= move * 1e-3 ? Math.Min(move, s.CellRoom(c)) : 0;
                var down = s.CellSlack(c) >= move * 1e-3 ? Math.Min(move, s.CellSlack(c)) : 0;
                gain[c] = up > 0 ? (s.F[c](x[c] + up) - s.Value[c]) / up : double.NegativeInfinity;
                loss[c] = down > 0 ? (s.Value[c] - s.F[c](x[c] - down)) / down : double.PositiveInfinity;
            }

            var receivers = Enumerable.Range(0, n).Where(c => gain[c] > double.NegativeInfinity).OrderByDescending(c => gain[c]).Take(Candidates).ToList();
            var donors = Enumerable.Range(0, n).Where(c => loss[c] < double.PositiveInfinity).OrderBy(c => loss[c]).Take(Candidates).ToList();
            var improved = false;
            foreach (var (from, to) in donors.SelectMany(d => receivers.Select(r => (d, r))).OrderByDescending(p => gain[p.r] - loss[p.d]))
            {
                if (gain[to] <= loss[from])
                {
                    break;
                }

                var d = Math.Min(move, s.Transferable(from, to));
                if (from == to || d <= 0)
                {
                    continue;
                }

                var (to2, from2) = (s.F[to](x[to] + d), s.F[from](x[from] - d));
                if (to2 - s.Value[to] + from2 - s.Value[from] > 1e-12 * Math.Abs(s.Value.Sum()))
                {
                    s.Move(from, to, d, to2, from2);
                    improved = true;
                    break;
                }
            }

            if (!improved)
            {
                move /= 2;
            }
        }
    }

    /// <summary>The allocation being built, with each cell's value and each group's sum kept current.</summary>
    private sealed class State
    {
        private readonly IReadOnlyList<double> _min;
        private readonly IReadOnlyList<double> _max;
        private readonly int[] _group;
        private readonly double[] _groupMin;
        private readonly double[] _groupMax;
        private readonly double[] _groupSum;

        public State(IReadOnlyList<Func<double, double>> f, IReadOnlyList<double> min, IReadOnlyList<double> max, CellGroups? groups)
        {
            F = f;
            (_min, _max) = (min, max);
            for (var c = 0; c < min.Count; c++)
            {
                if (min[c] < 0 || max[c] < min[c])
                {
                    throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                        $"channel {c + 1}: its minimum {min[c]:0.##} must be between 0 and its maximum {max[c]:0.##}"));
                }
            }

            _group = groups is null ? [.. Enumerable.Repeat(-1, min.Count)] : [.. groups.Of];
            _groupMin = groups is null ? [] : [.. groups.Min];
            _groupMax = groups is null ? [] : [.. groups.Max];
            _groupSum = new double[_groupMin.Length];
            X = [.. min];
            Value = [.. X.Select((v, c) => f[c](v))];
            for (var c = 0; c < X.Length; c++)
            {
                if (_group[c] >= 0)
                {
                    _groupSum[_group[c]] += X[c];
                }
            }

            MinTotal = X.Sum();
            MaxTotal = 0;
            for (var g = 0; g < _groupMin.Length; g++)
            {
                var cells = Enumerable.Range(0, X.Length).Where(c => _group[c] == g).ToList();
                var (lo, hi) = (cells.Sum(c => min[c]), cells.Sum(c => max[c]));
                if (lo > _groupMax[g] + 1e-9 || hi < _groupMin[g] - 1e-9 || _groupMax[g] < _groupMin[g])
                {
                    throw new MetricsQueryException(string.Create(CultureInfo.InvariantCulture,
                        $"group {g + 1}: its cells' bounds ({lo:0.##} to {hi:0.##}) do not meet its own ({_groupMin[g]:0.##} to {_groupMax[g]:0.##})"));
                }

                MaxTotal += Math.Min(hi, _groupMax[g]);
                MinTotal += Math.Max(0, _groupMin[g] - lo);
            }

            MaxTotal += Enumerable.Range(0, X.Length).Where(c => _group[c] < 0).Sum(c => max[c]);
        }

        public IReadOnlyList<Func<double, double>> F { get; }

        public double[] X { get; }

        public double[] Value { get; }

        public double MinTotal { get; }

        public double MaxTotal { get; }

        public double CellRoom(int c) => _max[c] - X[c];

        public double CellSlack(int c) => X[c] - _min[c];

        /// <summary>How much more the cell may take from outside its group.</summary>
        public double Room(int c) => _group[c] < 0 ? CellRoom(c) : Math.Min(CellRoom(c), _groupMax[_group[c]] - _groupSum[_group[c]]);

        /// <summary>How much may move from one cell to another without breaking a bound.</summary>
        public double Transferable(int from, int to)
        {
            var d = Math.Min(CellSlack(from), CellRoom(to));
            if (_group[from] != _group[to] || _group[from] < 0)
            {
                if (_group[from] >= 0)
                {
                    d = Math.Min(d, _groupSum[_group[from]] - _groupMin[_group[from]]);
                }

                if (_group[to] >= 0)
                {
                    d = Math.Min(d, _groupMax[_group[to]] - _groupSum[_group[to]]);
                }
            }

            return d;
        }

        /// <summary>Moves <paramref name="amount"/> to a cell, from another (or from the unspent budget when −1).</summary>
        public void Move(int from, int to, double amount, double toValue, double fromValue = 0)
        {
            // Land exactly on a bound rather than a rounding error short of it.
            X[to] = Math.Abs(X[to] + amount - _max[to]) <= 1e-12 * Math.Max(1, _max[to]) ? _max[to] : X[to] + amount;
            Value[to] = toValue;
            if (_group[to] >= 0)
            {
                _groupSum[_group[to]] += amount;
            }

            if (from >= 0)
            {
                X[from] = Math.Abs(X[from] - amount - _min[from]) <= 1e-12 * Math.Max(1, _min[from]) ? _min[from] : X[from] - amount;
                Value[from] = fromValue;
                if (_group[from] >= 0)
                {
                    _groupSum[_group[from]] -= amount;
                }
            }
        }

        public int GroupOf(int c) => _group[c];

        /// <summary>Groups whose minimum is above their cells' current sum, with the shortfall.</summary>
        public List<(int Group, double Deficit)> Deficits() =>
            Enumerable.Range(0, _groupMin.Length).Where(g => _groupSum[g] < _groupMin[g]).Select(g => (g, _groupMin[g] - _groupSum[g])).ToList();
    }
}

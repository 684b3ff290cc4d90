using MathNet.Numerics.LinearAlgebra;
using SimdVector = System.Numerics.Vector<double>;

namespace Dashboard.Attribution.Valuation;

/// <summary>What a shared column of the design stands for.</summary>
internal enum ColumnRole
{
    /// <summary>A valued type's actions weighted by one candidate lag kernel, on rows where every valued type is tracked.</summary>
    Value,

    /// <summary>A tracked type's mean actions over the whole lag, on rows where some type is untracked (not its value).</summary>
    Untracked,

    /// <summary>A channel's mean spend over one lag block, on rows where every valued type is tracked.</summary>
    MediaTracked,

    /// <summary>The same on rows where some type is untracked.</summary>
    MediaUntracked,

    /// <summary>A channel's mean spend over one lag block on rows where one partly tracked type is untracked: that type's own stand-in.</summary>
    StandIn,

    /// <summary>Yearly season (three harmonics per hemisphere, when markets share it), in units of the market's sales.</summary>
    Base,
}

internal sealed record DesignColumn(ColumnRole Role, int Code, int Block, string Name);

/// <summary>
/// One market's rows: sales, its own columns (spline level, season, weekday, holiday, untracked steps, context) and the
/// shared ones.
/// </summary>
internal sealed class MarketRows
{
    /// <summary>The market's position in the data the design was built from.</summary>
    public required int Market { get; init; }

    public required int[] Day { get; init; }
    public required Vector<double> Y { get; init; }
    public required Matrix<double> Own { get; init; }
    public required Matrix<double> Shared { get; init; }

    /// <summary>1 / the market's mean sales: residuals grow with the market.</summary>
    public required double Weight { get; init; }
}

/// <summary>
/// The valuation's regression design over the market-days of the fit. Each market keeps every day with sales: where
/// some valued type is not yet (or never) tracked, that type's actions still move sales unseen (they are missing, not
/// zero), so those rows carry a step for each untracked type and spend over the same lags as a stand-in for what the
/// unreported actions did day to day. With <see cref="ValuationSettings.PartialRows"/> (the default) each tracked type's
/// value is read on those rows too, and each type untracked beside a tracked one has a spend stand-in of its own (one
/// shared by every untracked type let a tracked type take credit for the unseen actions that moved with it: the demo's
/// engagement value came out 24–33% low); without it values are read on fully tracked rows only and the tracked types'
/// actions on the other rows are nuisance columns.
/// </summary>
internal sealed class ValuationDesign
{
    public required IReadOnlyList<MarketRows> Markets { get; init; }
    public required IReadOnlyList<DesignColumn> Columns { get; init; }

    /// <summary>Valued event codes, in the order of their value columns.</summary>
    public required IReadOnlyList<int> Valued { get; init; }

    /// <summary>[kernel]: the candidate lag weights over 0..Lag.</summary>
    public required double[][] Kernels { get; init; }

    /// <summary>Market-days on which every valued type was tracked over the whole lag.</summary>
    public required int TrackedRows { get; init; }

    public int Rows => Markets.Sum(m => m.Day.Length);

    public static ValuationDesign Build(ValuationData data, IReadOnlyList<int> valued, ValuationSettings settings)
    {
        var blocks = new LagBlocks(settings.SpendBlockEnds, data.Lag);
        var lag = data.Lag;
        var kernels = settings.Kernels.Select(k => k.Weights(lag)).ToArray();
        var flat = Enumerable.Repeat(1.0 / (lag + 1), lag + 1).ToArray();
        var reversed = kernels.Select(k => k.Reverse().ToArray()).ToArray();
        var hemispheres = data.Hemisphere.Distinct().Order().ToList();
        var columns = new List<DesignColumn>();
        foreach (var e in valued)
        {
            for (var q = 0; q < kernels.Length; q++)
            {
                columns.Add(new DesignColumn(ColumnRole.Value, e, q, $"value {e} {settings.Kernels[q].Name}"));
            }
        }

        foreach (var e in valued)
        {
            columns.Add(new DesignColumn(ColumnRole.Untracked, e, 0, $"untracked rows: {e}"));
        }

        foreach (var role in new[] { ColumnRole.MediaTracked, ColumnRole.MediaUntracked })
        {
            for (var c = 0; c < data.SpendChannels.Length; c++)
            {
                for (var b = 0; b < blocks.Count; b++)
                {
                    columns.Add(new DesignColumn(role, c, b, $"{role} spend {data.SpendChannels[c]} lag {blocks.Describe(b)}"));
                }
            }
        }

        // With partial rows, each type untracked on some market-day where another type is tracked has its own stand-in
        // for its unreported actions there: spend over the lag blocks while it is untracked.
        // Two blocks (the first week, the rest): each type's stand-ins are as many columns as the shared ones.
        var near = new LagBlocks([6], lag);
        var standIn = Enumerable.Repeat(-1, valued.Count).ToArray();
        foreach (var k in settings.PartialRows ? PartialTypes(data, valued) : [])
        {
            standIn[k] = columns.Count;
            for (var c = 0; c < data.SpendChannels.Length; c++)
            {
                for (var b = 0; b < near.Count; b++)
                {
                    columns.Add(new DesignColumn(ColumnRole.StandIn, c, b, $"untracked {valued[k]}: spend {data.SpendChannels[c]} lag {near.Describe(b)}"));
                }
            }
        }

        var baseStart = columns.Count;
        foreach (var h in settings.MarketSeasons ? [] : hemispheres)
        {
            for (var k = 1; k <= 3; k++)
            {
                columns.Add(new DesignColumn(ColumnRole.Base, (int)h, k, $"season {h} cos {k}"));
                columns.Add(new DesignColumn(ColumnRole.Base, (int)h, k, $"season {h} sin {k}"));
            }
        }

        var spline = SplineBasis.Evaluate(data.Days, settings.KnotDays);
        // Markets are built apart, on both cores.
        var built = new MarketRows?[data.Markets];
        var tracked = new int[data.Markets];
        Parallel.For(0, data.Markets, j =>
        {
            var days = Enumerable.Range(0, data.Days).Where(d => data.Revenue[j][d] > 0 && !data.Screened[j][d]).ToArray();
            if (days.Length < 30)
            {
                return;
            }

            var trackedRows = 0;
            var scale = days.Average(d => data.Revenue[j][d]);
            var series = valued.Select(e => data.Actions[j][e]).ToArray();
            var spendPrefixes = data.Spend[j].Select(LagBlocks.Prefix).ToArray();
            // A type is tracked on day d when the market reported it from the start of d's lag window on.
            bool Tracked(int k, int d) => (long)data.First + d - lag >= data.TrackedFrom[j][valued[k]];
            var stepTypes = Enumerable.Range(0, valued.Count).Where(k => days.Any(d => !Tracked(k, d))).ToList();
            var context = data.Context[j].Select(c => new[] { c.Promotion ? 1 : 0, c.StockOut ? 1 : 0, c.Other ? 1 : 0, c.Price, c.Price * c.Price }).ToArray();
            // Only the kinds of context the market has: a column of zeros would count as a parameter.
            var kinds = Enumerable.Range(0, ContextColumns).Where(c => days.Any(d => context[d][c] != 0)).ToArray();
            // Context acts in proportion to the level it meets, read from the days without context (a promotion's own
            // lift would otherwise raise the level it is measured against); sales' own level where no quiet day is near.
            var quiet = kinds.Length == 0 ? [] : LocalLevel(
                [.. data.Revenue[j].Select((x, d) => context[d].Any(v => v != 0) ? 0 : x)], days, scale, LocalLevel(data.Revenue[j], days, scale));
            var seasons = settings.MarketSeasons ? 6 : 0;
            var extra = spline[0].Length + 7 + 6 + seasons;
            var curvature = settings.MarketSeasons && settings.SeasonCurvature ? 2 : 0;
            var stepColumns = stepTypes.Count;
            var own = Matrix<double>.Build.Dense(days.Length, extra + stepColumns + kinds.Length + curvature);
            // Filled column-major in place: the design is written a cell at a time, and a matrix's indexer is a call per cell.
            var cells = new double[days.Length * columns.Count];
            var n = days.Length;
            for (var r = 0; r < days.Length; r++)
            {
                var d = days[r];
                var date = DateOnly.FromDayNumber(data.First + d);
                for (var s = 0; s < spline[d].Length; s++)
                {
                    own[r, s] = spline[d][s];
                }

                var weekday = ((int)date.DayOfWeek + 6) % 7;
                if (weekday > 0)
                {
                    own[r, spline[d].Length + weekday - 1] = 1;
                }

                own[r, spline[d].Length + 6] = data.Holiday[j][d] ? 1 : 0;
                var allTracked = true;
                for (var s = 0; s < stepTypes.Count; s++)
                {
                    var untracked = !Tracked(stepTypes[s], d);
                    own[r, extra + s] = untracked ? 1 : 0;
                    allTracked &= !untracked;
                }

                trackedRows += allTracked ? 1 : 0;
                var i = d + lag;
                var col = 0;
                for (var k = 0; k < valued.Count; k++)
                {
                    for (var q = 0; q < kernels.Length; q++, col++)
                    {
                        cells[(col * n) + r] = (settings.PartialRows ? Tracked(k, d) : allTracked) ? Weighted(reversed[q], series[k], i) : 0;
                    }
                }

                for (var k = 0; k < valued.Count; k++, col++)
                {
                    cells[(col * n) + r] = !settings.PartialRows && !allTracked && Tracked(k, d) ? Weighted(flat, series[k], i) : 0;
                }

                foreach (var inTracked in TrackedThenNot)
                {
                    for (var c = 0; c < spendPrefixes.Length; c++)
                    {
                        for (var b = 0; b < blocks.Count; b++, col++)
                        {
                            cells[(col * n) + r] = allTracked == inTracked ? blocks.Mean(spendPrefixes[c], i, b) : 0;
                        }
                    }
                }

                for (var k = 0; k < valued.Count; k++)
                {
                    if (standIn[k] >= 0 && !Tracked(k, d))
                    {
                        for (var c = 0; c < spendPrefixes.Length; c++)
                        {
                            for (var b = 0; b < near.Count; b++)
                            {
                                cells[((standIn[k] + (c * near.Count) + b) * n) + r] = near.Mean(spendPrefixes[c], i, b);
                            }
                        }
                    }
                }

                var angle = 2 * Math.PI * date.DayOfYear / 365.25;
                var h = hemispheres.IndexOf(data.Hemisphere[j]);
                for (var k = 1; k <= 3; k++)
                {
                    if (settings.MarketSeasons)
                    {
                        own[r, extra - 6 + (2 * (k - 1))] = Math.Cos(k * angle);
                        own[r, extra - 6 + (2 * (k - 1)) + 1] = Math.Sin(k * angle);
                    }
                    else
                    {
                        cells[((baseStart + (h * 6) + (2 * (k - 1))) * n) + r] = scale * Math.Cos(k * angle);
                        cells[((baseStart + (h * 6) + (2 * (k - 1)) + 1) * n) + r] = scale * Math.Sin(k * angle);
                    }
                }

                for (var c = 0; c < kinds.Length; c++)
                {
                    own[r, extra + stepColumns + c] = context[d][kinds[c]] * quiet[r];
                }
            }

            var sales = Vector<double>.Build.Dense(days.Length, r => data.Revenue[j][days[r]]);
            if (settings.MultiplicativeBase && settings.MarketSeasons)
            {
                own = LogLinearBase(own, spline[0].Length, extra, extra + stepColumns + kinds.Length, sales);
            }
            else
            {
                PilotBase(own, spline[0].Length, seasons, extra + stepColumns + kinds.Length, sales, scale, curvature > 0);
            }

            tracked[j] = trackedRows;
            built[j] = new MarketRows { Market = j, Day = days, Y = sales, Own = own, Shared = Matrix<double>.Build.Dense(n, columns.Count, cells), Weight = 1 / scale };
        });

        return new ValuationDesign
        {
            Markets = [.. built.OfType<MarketRows>()], Columns = columns, Valued = valued, Kernels = kernels, TrackedRows = tracked.Sum(),
        };
    }

    private static readonly bool[] TrackedThenNot = [true, false];

    /// <summary>The valued types (positions) untracked on some market-day with sales where another valued type is tracked.</summary>
    private static List<int> PartialTypes(ValuationData data, IReadOnlyList<int> valued)
    {
        var partial = new bool[valued.Count];
        for (var j = 0; j < data.Markets; j++)
        {
            for (var d = 0; d < data.Days; d++)
            {
                if (data.Revenue[j][d] <= 0)
                {
                    continue;
                }

                var tracked = valued.Select(e => (long)data.First + d - data.Lag >= data.TrackedFrom[j][e]).ToArray();
                if (tracked.Any(t => t) && !tracked.All(t => t))
                {
                    for (var k = 0; k < valued.Count; k++)
                    {
                        partial[k] |= !tracked[k];
                    }
                }
            }
        }

        return [.. Enumerable.Range(0, valued.Count).Where(k => partial[k])];
    }

    /// <summary>
    /// A pilot fit of the base alone (spline, weekday, holiday and season: the first columns of <paramref name="own"/>
    /// but the weekday × level ones) gives the market's smooth level and season, relative to its mean. The base is
    /// multiplicative, so its weekday swing grows and shrinks with the market through the seasons: the weekday × level
    /// columns take the pilot's level. Sales' own 29-day mean, used before, follows persistent shocks and the actions'
    /// own effects: a regressor the actions partly cause (docs/attribution.md has what each change moved).
    /// With <paramref name="curvature"/>, two columns at <paramref name="at"/> take what a multiplicative season adds to
    /// the additive one: the season's square and its product with the slow level (e^s ≈ 1 + s + s²/2, and the season
    /// grows with the market). Three additive harmonics miss both, and slow flights then "explain" the leftover. Only
    /// the columns' coefficients are fitted with the values: the base gains shapes, not freedom.
    /// </summary>
    private static void PilotBase(Matrix<double> own, int splineColumns, int seasons, int at, Vector<double> sales, double scale, bool curvature)
    {
        // Own columns: spline, 6 weekday dummies, holiday, 6 weekday × level, season (as Build lays them out).
        var levelStart = splineColumns + 7;
        var kept = Enumerable.Range(0, levelStart + 6 + seasons).Where(c => c < levelStart || c >= levelStart + 6).ToArray();
        var basis = Matrix<double>.Build.Dense(sales.Count, kept.Length, (r, c) => own[r, kept[c]]);
        var gram = basis.TransposeThisAndMultiply(basis);
        var trace = gram.Diagonal().Sum() / kept.Length;
        for (var c = 0; c < kept.Length; c++)
        {
            gram[c, c] += 1e-9 * trace;
        }

        var pilot = gram.Cholesky().Solve(basis.TransposeThisAndMultiply(sales));
        for (var r = 0; r < sales.Count; r++)
        {
            double season = 0, slow = 0;
            for (var c = kept.Length - seasons; c < kept.Length; c++)
            {
                season += basis[r, c] * pilot[c];
            }

            for (var c = 0; c < splineColumns; c++)
            {
                slow += basis[r, c] * pilot[c];
            }

            for (var w = 0; w < 6; w++)
            {
                own[r, levelStart + w] = own[r, splineColumns + w] * (slow + season) / scale;
            }

            if (curvature)
            {
                // Relative, so the columns are of the order of the others (the own block's ridge is relative to its trace).
                var (s, level) = (season / scale, (slow / scale) - 1);
                own[r, at] = s * s;
                own[r, at + 1] = s * level;
            }
        }
    }

    /// <summary>
    /// The base as exp(calendar): a pilot fit of log sales on the calendar columns (spline, weekday, holiday, season)
    /// gives the base B₀, and each calendar column becomes B₀ × column, one Gauss–Newton step of sales ≈ e^{Zθ} +
    /// actions from the pilot (B₀·e^{Z δ} ≈ B₀ + B₀·Z δ; the spline sums to 1, so it carries B₀ itself). Every calendar
    /// effect then scales with every other: the season with the trend, the weekday with the season, a holiday with both.
    /// The steps and context columns after <paramref name="extra"/> are kept as they are; the weekday × level and
    /// curvature columns are dropped (the product takes their place).
    /// </summary>
    private static Matrix<double> LogLinearBase(Matrix<double> own, int splineColumns, int extra, int end, Vector<double> sales)
    {
        var levelStart = splineColumns + 7;
        int[] calendar = [.. Enumerable.Range(0, levelStart), .. Enumerable.Range(extra - 6, 6)];
        var basis = Matrix<double>.Build.Dense(sales.Count, calendar.Length, (r, c) => own[r, calendar[c]]);
        var gram = basis.TransposeThisAndMultiply(basis);
        var trace = gram.Diagonal().Sum() / calendar.Length;
        for (var c = 0; c < calendar.Length; c++)
        {
            gram[c, c] += 1e-9 * trace;
        }

        var log = sales.Map(Math.Log);
        var pilot = gram.Cholesky().Solve(basis.TransposeThisAndMultiply(log));
        var fitted = (basis * pilot).Map(Math.Exp);
        var mean = fitted.Average();
        var rest = end - extra;
        return Matrix<double>.Build.Dense(sales.Count, calendar.Length + rest, (r, c) =>
            c < calendar.Length ? basis[r, c] * fitted[r] / mean : own[r, extra + c - calendar.Length]);
    }

    /// <summary>
    /// Each market's own context effects: competitor promotion, stock-out, other context, price change and its square.
    /// Markets differ in how much a price cut lifts sales and the lift is not linear in the cut; shared linear effects
    /// left promotion days' misfit to the actions that price cuts also move (intervals 2.3× the oracle's).
    /// </summary>
    private const int ContextColumns = 5;

    /// <summary>
    /// Per row: the market's sales over the 29 days around it, relative to its mean (1 = an average level); where those
    /// days have no sales, <paramref name="fallback"/>'s level (or 1).
    /// </summary>
    private static double[] LocalLevel(double[] revenue, int[] days, double scale, double[]? fallback = null)
    {
        var level = new double[days.Length];
        for (var r = 0; r < days.Length; r++)
        {
            var (sum, count) = (0.0, 0);
            for (var d = Math.Max(0, days[r] - 14); d <= Math.Min(revenue.Length - 1, days[r] + 14); d++)
            {
                if (revenue[d] > 0)
                {
                    (sum, count) = (sum + revenue[d], count + 1);
                }
            }

            level[r] = count > 0 ? sum / count / scale : fallback?[r] ?? 1;
        }

        return level;
    }

    /// <summary>
    /// Σ_l weights[l] × series[i − l], with the weights given last lag first (<paramref name="reversed"/>), so the sum
    /// runs forward over both arrays and vectorises: the value columns are most of the design's cells.
    /// </summary>
    private static double Weighted(double[] reversed, double[] series, int i)
    {
        var window = series.AsSpan(i - reversed.Length + 1, reversed.Length);
        var weights = reversed.AsSpan();
        var lanes = SimdVector.Count;
        var sums = SimdVector.Zero;
        var l = 0;
        for (; l <= weights.Length - lanes; l += lanes)
        {
            sums += new SimdVector(weights[l..]) * new SimdVector(window[l..]);
        }

        var sum = System.Numerics.Vector.Sum(sums);
        for (; l < weights.Length; l++)
        {
            sum += weights[l] * window[l];
        }

        return sum;
    }

    /// <summary>The value column of a type (its position in <see cref="Valued"/>) under a kernel.</summary>
    public int ValueColumn(int type, int kernel) => (type * Kernels.Length) + kernel;

    /// <summary>Indexes of the columns in a role.</summary>
    public int[] Indexes(params ColumnRole[] roles) => [.. Columns.Select((c, i) => (c, i)).Where(x => roles.Contains(x.c.Role)).Select(x => x.i)];
}

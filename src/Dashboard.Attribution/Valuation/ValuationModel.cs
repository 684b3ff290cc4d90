using Dashboard.Domain.Reference;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The revenue value of one more micro-conversion of each type (METRICS.md "Valuation"), from daily market data.
/// Sales = level(market) × base(weekday, yearly season by hemisphere, trend per market, holidays, competitor
/// promotions, price changes, stock-outs) + feedback × the previous week's sales + Σ value × lagged actions.
/// The base is multiplicative and the media part additive. A start comes from alternating (1) least squares of
/// log(sales − media) on the controls and (2) weighted least squares of sales on [each market's base, past sales,
/// lagged actions]; the answer is then the joint weighted least squares of the whole model by Gauss–Newton, whose
/// covariance also carries the base's uncertainty. Every type shares one geometric lag profile over 0..max days
/// (summing to 1, decay fitted), so one coefficient per type is its value: a free profile per type made four times
/// the coefficients out of the same, largely collinear, data. Only market-days where every valued type was reported
/// over the whole lag window enter the fit: an untracked type still moves sales, and its missing actions would bias
/// the others. Intervals use errors clustered in 91-day blocks per market, since daily residuals are not independent.
/// </summary>
public static class ValuationModel
{
    private const int Iterations = 4;
    private const int BlockDays = 91;
    // A ridge only to keep a type that never moved solvable: a 1% ridge shrank media into the base (engagement value
    // −47% on the small demo data); the shared geometric lag profile is the regularisation that matters.
    private const double RidgeShare = 1e-9;

    public static ValuationResult Run(FactSnapshot snapshot, ValuationQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        if (query.MaxLagDays is < 0 or > 60)
        {
            throw new MetricsQueryException($"the lag window must be 0 to 60 days, not {query.MaxLagDays}");
        }

        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var data = ValuationData.Build(snapshot, query, notes);
        var events = snapshot.Reference.Events;
        if (data.Rows.Count < 30 || data.Valued.Count == 0)
        {
            return Empty(snapshot, query, data, notes, "too few market-days where every micro-conversion was reported to fit values");
        }

        var fit = Fit(data, query.MaxLagDays);
        var z = Normal.InvCDF(0, 1, 0.5 + (query.Interval / 2));
        var toCurrency = data.UsdToCurrency;
        var results = new List<EventValue>();
        var total = Vector<double>.Build.Dense(fit.Beta.Count);
        for (var e = 0; e < events.Count; e++)
        {
            var volume = data.Volume[e];
            var k = data.Valued.IndexOf(e);
            if (k < 0)
            {
                results.Add(new EventValue(events[e].Key, events[e].Name, null, null, null, null, volume,
                    "not reported in the markets and days of this scope, so it cannot be valued"));
                continue;
            }

            // The lag profile sums to 1, so a type's coefficient is the revenue of one action over all its days.
            var column = fit.MediaColumn + k;
            var value = fit.Beta[column];
            var se = Math.Sqrt(Math.Max(0, fit.Covariance[column, column]));
            results.Add(new EventValue(events[e].Key, events[e].Name, value * toCurrency, (value - (z * se)) * toCurrency, (value + (z * se)) * toCurrency,
                se * toCurrency, volume, null));
            total[column] = volume;
        }

        // Engagement value of the scope: Σ volume × value, with the covariance of the values.
        var engagement = total.DotProduct(fit.Beta);
        var engagementSe = Math.Sqrt(Math.Max(0, total.DotProduct(fit.Covariance * total)));
        return new ValuationResult(query.Currency.ToUpperInvariant(), query.Interval, data.Range, data.Rows.Count, data.Markets, fit.RSquared, results,
            engagement * toCurrency, (engagement - (z * engagementSe)) * toCurrency, (engagement + (z * engagementSe)) * toCurrency, [.. notes]);
    }

    private static ValuationResult Empty(FactSnapshot snapshot, ValuationQuery query, ValuationData data, SortedSet<string> notes, string reason) =>
        new(query.Currency.ToUpperInvariant(), query.Interval, data.Range, data.Rows.Count, data.Markets, double.NaN,
            [.. snapshot.Reference.Events.Select((e, i) => new EventValue(e.Key, e.Name, null, null, null, null, data.Volume[i], reason))],
            null, null, null, [.. notes]);

    private sealed record FitResult(Vector<double> Beta, Matrix<double> Covariance, int MediaColumn, double RSquared);

    private static FitResult Fit(ValuationData data, int maxLag)
    {
        var rows = data.Rows;
        var n = rows.Count;
        var markets = data.MarketIndex.Count;
        var valued = data.Valued.Count;
        // Columns of the value step: each market's base, the previous week's sales (see ValuationData.FeedbackDays),
        // then one per valued type.
        var baseColumns = markets + 1;
        var controls = Controls(data);
        var y = Vector<double>.Build.Dense(n, i => rows[i].Revenue);
        var weight = Vector<double>.Build.Dense(n, i => 1 / data.Scale[rows[i].Market]);

        // The lag profile every type shares (how an action's revenue spreads over the following days) is a geometric
        // decay; the start alternates at a gentle decay, then takes the best of a coarse grid into the joint fit.
        var media = Lagged(data, Geometric(0.8, maxLag));
        var mediaHat = Vector<double>.Build.Dense(n);
        var beta = Vector<double>.Build.Dense(baseColumns + valued);
        var x = Matrix<double>.Build.Dense(n, baseColumns + valued);

        // The controls never change: factor their normal equations once.
        var controlsGram = controls.TransposeThisAndMultiply(controls);
        for (var j = 0; j < controlsGram.ColumnCount; j++)
        {
            controlsGram[j, j] += 1e-12;
        }

        var controlsFactor = controlsGram.Cholesky();
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            // (1) The base: log of what media does not explain, on the controls (never below a tenth of sales).
            var z = Vector<double>.Build.Dense(n, i => Math.Log(Math.Max(y[i] - mediaHat[i], 0.1 * y[i])));
            var baseHat = (controls * controlsFactor.Solve(controls.TransposeThisAndMultiply(z))).PointwiseExp();

            // (2) Sales on each market's base, past sales and the lagged actions, weighted by market size.
            x = Matrix<double>.Build.Dense(n, baseColumns + valued);
            for (var i = 0; i < n; i++)
            {
                x[i, data.MarketIndex[rows[i].Market]] = baseHat[i];
                x[i, markets] = rows[i].PastRevenue;
            }

            x.SetSubMatrix(0, baseColumns, media);
            var previous = beta;
            beta = Solve(x, y, weight, baseColumns);
            mediaHat = media * beta.SubVector(baseColumns, valued);
            if ((beta - previous).InfinityNorm() <= 1e-7 * Math.Max(1, beta.InfinityNorm()))
            {
                break;
            }
        }

        var (decay, start) = CoarseDecay(data, x, y, weight, baseColumns, maxLag);

        // (3) The joint fit: weighted least squares of the whole model (market levels, feedback, values, the lag decay
        // and the base's controls together) by Gauss–Newton from the start. Its covariance is the one that counts: a
        // value that moves with the seasons is uncertain because the base could move instead.
        var joint = new JointModel(data, x.SubMatrix(0, n, 0, markets), y, weight, controls.SubMatrix(0, n, markets, controls.ColumnCount - markets), maxLag);
        var (theta, jacobian, residual) = joint.Fit(start, decay);
        var covariance = ClusterRobust(jacobian, residual, weight, rows, data.Range.From.DayNumber);
        var meanY = y.Average();
        var rSquared = 1 - (residual.DotProduct(residual) / (y - meanY).DotProduct(y - meanY));
        return new FitResult(theta, covariance, baseColumns, rSquared);
    }

    /// <summary>Per row and valued type: Σ over lags of profile[lag] × the actions of that many days before.</summary>
    internal static Matrix<double> Lagged(ValuationData data, double[] profile)
    {
        var rows = data.Rows;
        var media = Matrix<double>.Build.Dense(rows.Count, data.Valued.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            for (var k = 0; k < data.Valued.Count; k++)
            {
                var series = data.Actions[rows[i].Market][data.Valued[k]];
                var sum = 0.0;
                for (var lag = 0; lag < profile.Length; lag++)
                {
                    sum += profile[lag] * series[rows[i].Offset - lag];
                }

                media[i, k] = sum;
            }
        }

        return media;
    }

    /// <summary>
    /// The start of the lag decay: the best of a coarse grid by weighted squared error given the alternation's base,
    /// with the linear coefficients it gives. One parameter instead of a free weight per lag: a free profile followed
    /// the noise (lag 4 and lag 10 above their neighbours) and moved the values with it.
    /// </summary>
    private static (double Decay, Vector<double> Coefficients) CoarseDecay(ValuationData data, Matrix<double> x, Vector<double> y, Vector<double> weight, int baseColumns, int maxLag)
    {
        // The base columns do not depend on the decay: their part of the normal equations is computed once.
        var n = y.Count;
        var baseWeighted = Matrix<double>.Build.DiagonalOfDiagonalVector(weight) * x.SubMatrix(0, n, 0, baseColumns);
        var yWeighted = y.PointwiseMultiply(weight);
        var baseGram = baseWeighted.TransposeThisAndMultiply(baseWeighted);
        var baseY = baseWeighted.TransposeThisAndMultiply(yWeighted);
        var yy = yWeighted.DotProduct(yWeighted);
        (double Error, Vector<double> Theta) Evaluate(double decay)
        {
            var media = Matrix<double>.Build.DiagonalOfDiagonalVector(weight) * Lagged(data, Geometric(decay, maxLag));
            var p = baseColumns + media.ColumnCount;
            var gram = Matrix<double>.Build.Dense(p, p);
            var cross = baseWeighted.TransposeThisAndMultiply(media);
            gram.SetSubMatrix(0, 0, baseGram);
            gram.SetSubMatrix(0, baseColumns, cross);
            gram.SetSubMatrix(baseColumns, 0, cross.Transpose());
            gram.SetSubMatrix(baseColumns, baseColumns, media.TransposeThisAndMultiply(media));
            for (var j = 0; j < p; j++)
            {
                gram[j, j] += j >= baseColumns ? (RidgeShare * gram[j, j]) + 1e-12 : 1e-12;
            }

            var right = Vector<double>.Build.DenseOfEnumerable(baseY.Concat(media.TransposeThisAndMultiply(yWeighted)));
            var theta = gram.Cholesky().Solve(right);
            return (yy - (2 * theta.DotProduct(right)) + theta.DotProduct(gram * theta), theta);
        }

        var best = Enumerable.Range(1, 9).Select(i => i * 0.1).Select(d => (Decay: d, Fit: Evaluate(d))).MinBy(c => c.Fit.Error);
        return (best.Decay, best.Fit.Theta);
    }

    /// <summary>Weights decay^lag over 0..maxLag, summing to 1.</summary>
    internal static double[] Geometric(double decay, int maxLag) =>
        Normalise([.. Enumerable.Range(0, maxLag + 1).Select(l => Math.Pow(decay, l))]);

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] /= sum;
        }

        return weights;
    }

    /// <summary>The log-base design: per market an intercept and a trend; weekday, yearly season (by hemisphere), holidays and context.</summary>
    private static Matrix<double> Controls(ValuationData data)
    {
        var rows = data.Rows;
        var markets = data.MarketIndex.Count;
        var columns = (2 * markets) + 6 + 4 + 4;
        var c = Matrix<double>.Build.Dense(rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var m = data.MarketIndex[row.Market];
            var date = DateOnly.FromDayNumber(row.Day);
            c[i, m] = 1;
            c[i, markets + m] = (row.Day - data.Range.From.DayNumber) / 365.25;
            var weekday = ((int)date.DayOfWeek + 6) % 7;
            if (weekday > 0)
            {
                c[i, (2 * markets) + weekday - 1] = 1;
            }

            var shift = data.Hemisphere[row.Market] == Hemisphere.South ? 182.625 : 0;
            var angle = 2 * Math.PI * (date.DayOfYear + shift) / 365.25;
            var f = (2 * markets) + 6;
            c[i, f] = Math.Cos(angle);
            c[i, f + 1] = Math.Sin(angle);
            c[i, f + 2] = Math.Cos(2 * angle);
            c[i, f + 3] = Math.Sin(2 * angle);
            c[i, f + 4] = row.Holiday ? 1 : 0;
            c[i, f + 5] = row.Promotion ? 1 : 0;
            c[i, f + 6] = row.StockOut ? 1 : 0;
            c[i, f + 7] = row.PriceChange;
        }

        return c;
    }

    /// <summary>(Weighted) least squares by Cholesky of the normal equations; a vanishing ridge from column <paramref name="ridgeFrom"/> keeps a type that never moved solvable.</summary>
    internal static Vector<double> Solve(Matrix<double> x, Vector<double> y, Vector<double>? weight, int ridgeFrom)
    {
        var xw = weight is null ? x : Matrix<double>.Build.DiagonalOfDiagonalVector(weight) * x;
        var yw = weight is null ? y : y.PointwiseMultiply(weight);
        var xtx = xw.TransposeThisAndMultiply(xw);
        for (var j = 0; j < xtx.ColumnCount; j++)
        {
            xtx[j, j] += j >= ridgeFrom ? (RidgeShare * xtx[j, j]) + 1e-12 : 1e-12;
        }

        return xtx.Cholesky().Solve(xw.TransposeThisAndMultiply(yw));
    }

    /// <summary>
    /// Heteroskedasticity- and autocorrelation-robust covariance of the weighted fit: errors may be correlated within a
    /// block of <see cref="BlockDays"/> consecutive days of one market (clusters), and are taken as independent across
    /// blocks. A sandwich of the normal equations around the block sums of the scores.
    /// </summary>
    private static Matrix<double> ClusterRobust(Matrix<double> x, Vector<double> residual, Vector<double> weight, List<ValuationData.Row> rows, int firstDay)
    {
        var p = x.ColumnCount;
        var xw = Matrix<double>.Build.DiagonalOfDiagonalVector(weight) * x;
        var bread = xw.TransposeThisAndMultiply(xw);
        for (var j = 0; j < p; j++)
        {
            bread[j, j] += 1e-12;
        }

        var inverse = bread.Inverse();
        var sums = new Dictionary<(int Market, int Block), Vector<double>>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = (rows[i].Market, (rows[i].Day - firstDay) / BlockDays);
            var score = xw.Row(i) * (residual[i] * weight[i]);
            sums[key] = sums.TryGetValue(key, out var sum) ? sum + score : score;
        }

        var meat = Matrix<double>.Build.Dense(p, p);
        foreach (var g in sums.Values)
        {
            meat += g.OuterProduct(g);
        }

        var clusters = sums.Count;
        var n = x.RowCount;
        var correction = clusters / (double)Math.Max(1, clusters - 1) * ((n - 1) / (double)Math.Max(1, n - p));
        return inverse * meat * inverse * correction;
    }
}

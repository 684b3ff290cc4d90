using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Dashboard.Attribution.Valuation;

/// <summary>
/// The revenue value of one more micro-conversion of each type (METRICS.md "Valuation"), from daily market data:
/// sales(m, t) = each market's base (spline level, season and its curvature, weekday, weekday × level, holiday,
///               context × quiet level)
///             + Σ_type value(type) × Σ_lag shape(lag) × actions(m, type, t − lag) + error, error AR(1) within a market.
/// The lag shape (out to 41 days by default) is averaged over candidate shapes by how well each fits, the error
/// correlation chosen by Hildreth–Lu. No regressor is a consequence of the actions: past sales are not one, and a type
/// that sales cause takes no credit because a persistent shock is differenced out rather than read as the actions'
/// effect. Markets that do not track a type stay in the fit (see <see cref="ValuationDesign"/>). Types the data cannot
/// separate are valued as a group; the verdict says whether the data show any value at all. docs/attribution.md has
/// the simulation study that judged each choice.
/// </summary>
public static class ValuationModel
{
    /// <summary>Level of the joint test behind the verdict.</summary>
    public const double VerdictLevel = 0.10;

    public static ValuationResult Run(FactSnapshot snapshot, ValuationQuery query)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(query);
        if (query.MaxLagDays is < 0 or > 90)
        {
            throw new MetricsQueryException($"the lag window must be 0 to 90 days, not {query.MaxLagDays}");
        }

        var settings = query.Settings;
        var notes = new SortedSet<string>(StringComparer.Ordinal);
        var data = ValuationData.Build(snapshot, query, notes);
        var events = snapshot.Reference.Events;
        var reasons = new Dictionary<int, string>();
        for (var e = 0; e < events.Count; e++)
        {
            if (!data.Reported.Contains(e))
            {
                reasons[e] = "not reported in the markets and days of this scope, so it cannot be valued";
            }
        }

        var valued = data.Reported.ToList();
        var design = ValuationDesign.Build(data, valued, settings);

        if (valued.Count == 0 || design.Rows < 60)
        {
            return Empty(snapshot, query, data, design, notes, reasons, "too few market-days with sales and tracked micro-conversions to fit values");
        }

        var fit = FitWithMedia(data, design, settings, notes);
        return Assemble(snapshot, query, data, design, fit, notes, reasons);
    }

    /// <summary>
    /// The values (each type's actions under a lag shape that sums to 1, so a coefficient is the revenue of one
    /// action) and their covariance, averaged over the shapes; the shape that fits best and each shape's weight.
    /// </summary>
    private sealed record Fitted(Vector<double> Values, Matrix<double> Covariance, double Rho, int Rows, int Clusters, double RSquared, int Best, double[] Weights);

    /// <summary>The design's profiles at the correlations and column sets asked for, each made once.</summary>
    private sealed class Profiles(ValuationDesign design)
    {
        private readonly Dictionary<(double, string), ProfiledDesign> _cache = [];

        public ValuationDesign Design => design;

        public ProfiledDesign At(double rho, int[] columns)
        {
            var ordered = columns.Order().ToArray();
            var key = (rho, string.Join(',', ordered));
            return _cache.TryGetValue(key, out var p) ? p : _cache[key] = new ProfiledDesign(design, rho, ordered);
        }

        /// <summary>Profiles at every correlation of a grid, for solving only (they cannot give a robust covariance).</summary>
        public ProfiledDesign[] Grid(IReadOnlyList<double> rhos, int[] columns) =>
            ProfiledDesign.Grid(design, rhos, [.. columns.Order()]);
    }

    /// <summary>
    /// Fits without spend on fully tracked rows, then tests whether spend explains sales beyond the actions (a direct
    /// path from media to sales, which the actions would otherwise take credit for); if it does, spend stays as a control.
    /// </summary>
    private static Fitted FitWithMedia(ValuationData data, ValuationDesign design, ValuationSettings settings, SortedSet<string> notes)
    {
        var prior = PriorPrecision(data, design, settings);
        var others = design.Indexes(ColumnRole.Untracked, ColumnRole.MediaUntracked, ColumnRole.StandIn, ColumnRole.Base);
        var media = design.Indexes(ColumnRole.MediaTracked);
        var profiles = new Profiles(design);
        if (media.Length == 0 || settings.Media == MediaControl.Untracked)
        {
            return Average(others, prior, settings, profiles);
        }

        if (settings.Media == MediaControl.All)
        {
            return Average([.. others, .. media], prior, settings, profiles);
        }

        var rho = SearchRho(others, prior, settings, profiles);
        var preset = Columns(design, PresetKernel(settings), others);
        var p = FPValue(profiles.At(rho, [.. preset, .. media]), [.. preset, .. media], preset, prior);
        if (p < settings.MediaTestLevel)
        {
            notes.Add(FormattableString.Invariant($"spend moves sales beyond the micro-conversions it drives (F-test p = {p:0.000}): spend is held as a control, and values rest on the actions' own variation"));
            return Average([.. others, .. media], prior, settings, profiles);
        }

        return Average(others, prior, settings, profiles);
    }

    /// <summary>
    /// The error correlation first (Hildreth–Lu, under the pre-set lag shape); then, at that correlation, the fits under
    /// every lag shape averaged with weights exp(−Δ squared error / 2σ²) (the information criterion's, the shapes having
    /// as many parameters): the shape's uncertainty widens the interval where the data cannot tell the shapes apart, and
    /// the best shape decides alone where they can.
    /// </summary>
    private static Fitted Average(int[] others, double[] prior, ValuationSettings settings, Profiles profiles)
    {
        var design = profiles.Design;
        var k = design.Valued.Count;
        var rho = SearchRho(others, prior, settings, profiles);
        var every = design.Indexes(ColumnRole.Value).Concat(others).ToArray();
        var profiled = profiles.At(rho, every);
        var errors = Enumerable.Range(0, design.Kernels.Length).Select(q => profiled.Solve(Columns(design, q, others), prior, 0).Sse).ToArray();
        var best = Array.IndexOf(errors, errors.Min());
        var variance = errors[best] / profiled.Dof(k + others.Length);
        var weights = errors.Select(e => Math.Exp(-(e - errors[best]) / (2 * variance))).ToArray();
        var total = weights.Sum();
        weights = [.. weights.Select(w => w / total)];

        var fits = new List<(double Weight, PanelFitResult Fit)>();
        for (var q = 0; q < weights.Length; q++)
        {
            if (weights[q] >= 1e-3 || q == best)
            {
                fits.Add((weights[q], profiled.Result(Columns(design, q, others), prior, variance, settings.ClusterDays)));
            }
        }

        var kept = fits.Sum(f => f.Weight);
        var values = Vector<double>.Build.Dense(k);
        foreach (var (w, fit) in fits)
        {
            values += fit.Beta.SubVector(0, k) * (w / kept);
        }

        // Law of total variance: within each shape's fit, and between the shapes' answers.
        var covariance = Matrix<double>.Build.Dense(k, k);
        foreach (var (w, fit) in fits)
        {
            var spread = fit.Beta.SubVector(0, k) - values;
            covariance += (fit.Covariance.SubMatrix(0, k, 0, k) + spread.OuterProduct(spread)) * (w / kept);
        }

        var top = fits.Single(f => f.Fit.Columns.SequenceEqual(Columns(design, best, others))).Fit;
        return new Fitted(values, covariance, rho, top.Rows, top.Clusters, ProfiledDesign.RSquared(design, top.Columns, top.Beta), best, weights);
    }

    /// <summary>The shape the tests use, set before seeing the data: half the revenue within three days.</summary>
    private static int PresetKernel(ValuationSettings settings) =>
        settings.Kernels.Select((kernel, q) => (kernel, q)).MinBy(x => Math.Abs(x.kernel.MedianLag(41) - 3)).q;

    /// <summary>
    /// Hildreth–Lu: the error correlation (of the grid) whose quasi-differenced fit, under the pre-set lag shape, leaves
    /// the least squared error per row.
    /// </summary>
    private static double SearchRho(int[] others, double[] prior, ValuationSettings settings, Profiles profiles)
    {
        // Without the types' own stand-ins: a nuisance needs no other nuisance's full detail, and each of the grid's
        // profiles would be several times slower with them (the valuation took 5.9 s on the large demo data).
        var standIns = profiles.Design.Indexes(ColumnRole.StandIn);
        var columns = Columns(profiles.Design, PresetKernel(settings), [.. others.Except(standIns)]);
        var (bestRho, bestError) = (0.0, double.PositiveInfinity);
        foreach (var profiled in profiles.Grid([.. settings.RhoGrid.DefaultIfEmpty(0)], columns))
        {
            var rho = profiled.Rho;
            var error = profiled.Solve(columns, prior, 0).Sse / profiled.Rows;
            if (error < bestError)
            {
                (bestRho, bestError) = (rho, error);
            }
        }

        return bestRho;
    }

    /// <summary>Every valued type's column under one lag shape, then the other columns.</summary>
    private static int[] Columns(ValuationDesign design, int kernel, int[] others) =>
        [.. Enumerable.Range(0, design.Valued.Count).Select(t => design.ValueColumn(t, kernel)), .. others];

    /// <summary>F-test that the columns of <paramref name="full"/> beyond <paramref name="restricted"/> add nothing.</summary>
    private static double FPValue(ProfiledDesign profiled, int[] full, int[] restricted, double[] prior)
    {
        var (_, unrestricted) = profiled.Solve(full, prior, 0);
        var (_, constrained) = profiled.Solve(restricted, prior, 0);
        var q = full.Length - restricted.Length;
        var dof = profiled.Dof(full.Length);
        var f = (constrained - unrestricted) / q / (unrestricted / dof);
        return f <= 0 ? 1 : 1 - FisherSnedecor.CDF(q, dof, f);
    }

    /// <summary>Prior: each value ~ N(0, (scale × sales per reported action)²); flat elsewhere.</summary>
    private static double[] PriorPrecision(ValuationData data, ValuationDesign design, ValuationSettings settings)
    {
        var sales = data.Revenue.Sum(r => r.Where(double.IsFinite).Sum());
        var actions = design.Valued.Sum(e => (double)data.TotalVolume(e));
        var sd = settings.PriorScale * sales / Math.Max(1, actions);
        return [.. design.Columns.Select(c => c.Role == ColumnRole.Value && sd > 0 ? 1 / (sd * sd) : 0)];
    }

    /// <summary>
    /// P-value of the joint Wald test that the coefficients at <paramref name="positions"/> are 0, with the covariance
    /// robust to clustered errors: Hotelling's small-sample form, F(q, G − q) on W (G − q) / (q (G − 1)), since a Wald
    /// statistic on a covariance estimated from G clusters rejects too often with χ²(q).
    /// </summary>
    internal static double WaldPValue(Vector<double> beta, Matrix<double> covariance, int[] positions, int clusters)
    {
        var b = Vector<double>.Build.Dense(positions.Length, i => beta[positions[i]]);
        var v = Matrix<double>.Build.Dense(positions.Length, positions.Length, (i, j) => covariance[positions[i], positions[j]]);
        var trace = v.Diagonal().Sum() / positions.Length;
        for (var i = 0; i < positions.Length; i++)
        {
            v[i, i] += 1e-9 * trace;
        }

        var w = b.DotProduct(v.Cholesky().Solve(b));
        var q = positions.Length;
        var df = Math.Max(1, clusters - q);
        return 1 - FisherSnedecor.CDF(q, df, w * df / (q * Math.Max(1, clusters - 1)));
    }

    private static ValuationResult Assemble(FactSnapshot snapshot, ValuationQuery query, ValuationData data, ValuationDesign design, Fitted fitted,
        SortedSet<string> notes, Dictionary<int, string> reasons)
    {
        var events = snapshot.Reference.Events;
        var k = design.Valued.Count;
        var fit = fitted;
        var values = fitted.Values;
        var covariance = fitted.Covariance;
        var volume = design.Valued.Select(e => (double)data.TotalVolume(e)).ToArray();
        var df = Math.Max(1, fit.Clusters - 1);
        var z = StudentT.InvCDF(0, 1, df, 0.5 + (query.Interval / 2));
        var units = ValueGroups.Merge(values, covariance, volume, query.Settings.GroupCorrelation);

        var toCurrency = data.UsdToCurrency;
        var groups = new List<ValueGroup>();
        var unitOf = new int[k];
        for (var u = 0; u < units.Count; u++)
        {
            foreach (var t in units[u].Members)
            {
                unitOf[t] = u;
            }

            if (units[u].Members.Count > 1)
            {
                groups.Add(new ValueGroup([.. units[u].Members.Select(t => events[design.Valued[t]].Key)], units[u].Value * toCurrency,
                    (units[u].Value - (z * units[u].StandardError)) * toCurrency, (units[u].Value + (z * units[u].StandardError)) * toCurrency,
                    (long)units[u].Members.Sum(t => volume[t])));
            }
        }

        var results = new List<EventValue>();
        for (var e = 0; e < events.Count; e++)
        {
            var total = data.Volume.Sum(v => v[e]);
            var t = design.Valued.ToList().IndexOf(e);
            if (t < 0)
            {
                results.Add(new EventValue(events[e].Key, events[e].Name, null, null, null, null, total, reasons.GetValueOrDefault(e, "not valued")));
                continue;
            }

            // A type in a group keeps its own estimate, with the wide interval that says the data cannot split the group;
            // its group's value is the one the data fix. Σ volume × own value over a group is the group's engagement.
            var se = Math.Sqrt(Math.Max(0, covariance[t, t]));
            results.Add(new EventValue(events[e].Key, events[e].Name, values[t] * toCurrency, (values[t] - (z * se)) * toCurrency,
                (values[t] + (z * se)) * toCurrency, se * toCurrency, total, null) { Identified = units[unitOf[t]].Members.Count == 1 });
        }

        // Engagement value: Σ volume × value (groups at their mix give the same sum), with the values' covariance.
        var weights = Vector<double>.Build.Dense(k, t => volume[t]);
        var engagement = weights.DotProduct(values);
        var engagementSe = Math.Sqrt(Math.Max(0, weights.DotProduct(covariance * weights)));
        var (low, high) = (engagement - (z * engagementSe), engagement + (z * engagementSe));

        // Verdict: no evidence when the values are jointly indistinguishable from 0 and so is their total.
        var p = WaldPValue(values, covariance, [.. Enumerable.Range(0, k)], fit.Clusters);
        var verdict = p > VerdictLevel && low <= 0 && high >= 0 ? Verdicts.NoEvidence : Verdicts.Evidence;
        notes.Add(FormattableString.Invariant($"joint test that every value is 0: p = {p:0.000}"));
        if (verdict == Verdicts.NoEvidence)
        {
            notes.Add(FormattableString.Invariant($"no evidence that any micro-conversion moves sales: the values are jointly indistinguishable from 0 (p = {p:0.00}) and so is their total"));
        }

        if (groups.Count > 0)
        {
            var names = events.ToDictionary(e => e.Key, e => e.Name, StringComparer.Ordinal);
            notes.Add($"moving together, so valued as a group: {string.Join("; ", groups.Select(g => string.Join(" + ", g.Events.Select(e => names[e]))))}");
        }

        Describe(data, design, fit, query.Settings.PartialRows, notes);
        var shapes = fitted.Weights.Select((w, q) => (w, q)).Where(x => x.w >= 0.05).OrderByDescending(x => x.w)
            .Select(x => FormattableString.Invariant($"{query.Settings.Kernels[x.q].Name} (half the revenue by day {query.Settings.Kernels[x.q].MedianLag(data.Lag)}): {100 * x.w:0}%"));
        notes.Add("lag shape by how well it fits, the values averaged over them: " + string.Join("; ", shapes));
        var position = Enumerable.Range(0, events.Count).Select(e => design.Valued.ToList().IndexOf(e)).ToArray();
        IReadOnlyList<IReadOnlyList<double>> eventCovariance = [.. position.Select(t => (IReadOnlyList<double>)[.. position.Select(u =>
            t < 0 || u < 0 ? 0 : covariance[t, u] * toCurrency * toCurrency)])];
        return new ValuationResult(query.Currency.ToUpperInvariant(), query.Interval, data.Range, design.Rows, design.Markets.Count, fit.RSquared, results,
            engagement * toCurrency, low * toCurrency, high * toCurrency, [.. notes])
        { Verdict = verdict, Groups = groups, Covariance = eventCovariance };
    }

    /// <summary>What the fit read and left out, for the page's notes.</summary>
    private static void Describe(ValuationData data, ValuationDesign design, Fitted fit, bool partialRows, SortedSet<string> notes)
    {
        var untracked = design.Rows - design.TrackedRows;
        if (untracked > 0)
        {
            notes.Add(FormattableString.Invariant($"{untracked:N0} of {design.Rows:N0} market-days had some type not yet tracked: ") + (partialRows
                ? "they stay in the fit, the tracked types' actions are read there too, and spend stands in for each untracked type's unreported actions"
                : "they stay in the fit for the base, with spend standing in for the unreported actions"));
        }

        var dropped = data.Markets - design.Markets.Count;
        if (dropped > 0)
        {
            notes.Add(FormattableString.Invariant($"{dropped} market(s) had fewer than 30 days with sales and are left out"));
        }

        notes.Add(FormattableString.Invariant($"lags up to {data.Lag} days; residual day-to-day correlation {fit.Rho:0.00}, differenced out; R² {fit.RSquared:0.000}"));
    }

    private static ValuationResult Empty(FactSnapshot snapshot, ValuationQuery query, ValuationData data, ValuationDesign design, SortedSet<string> notes,
        Dictionary<int, string> reasons, string reason) =>
        new(query.Currency.ToUpperInvariant(), query.Interval, data.Range, design.Rows, design.Markets.Count, double.NaN,
            [.. snapshot.Reference.Events.Select((e, i) => new EventValue(e.Key, e.Name, null, null, null, null, data.Volume.Sum(v => v[i]), reasons.GetValueOrDefault(i, reason)))],
            null, null, null, [.. notes]);
}

using System.Globalization;
using System.Text;

namespace Dashboard.Worlds.Study;

/// <summary>The study's tables in Markdown, as committed in docs/attribution.md.</summary>
public static class StudyTable
{
    public static string Summary(IReadOnlyList<WorldPerformance> worlds, bool binomial)
    {
        ArgumentNullException.ThrowIfNull(worlds);
        var s = new StringBuilder();
        s.AppendLine("| world | runs | type coverage: oracle | product | width vs oracle | keeps oracle's ≠0 | engagement ±15%: oracle | product | engagement median error: oracle | product | engagement bias | engagement interval covers | zero types excluding 0 | no_evidence | bars missed |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var w in worlds)
        {
            var missed = w.Bars(binomial, w.World == "no_effect").Where(b => !b.Holds).Select(b => b.Bar).ToList();
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {w.World} | {w.Runs} | {w.Oracle.Coverage} | {w.Product.Coverage} | {Ratio(w.WidthRatio)} | {w.PowerKept} | {w.Oracle.EngagementWithin15} | {w.Product.EngagementWithin15} | {Percent(w.Oracle.EngagementMedianError)} | {Percent(w.Product.EngagementMedianError)} | {SignedPercent(w.Product.EngagementBias)} | {w.Product.EngagementCoverage} | {w.Product.ZeroTypesExcludingZero} | {w.Product.NoEvidence} (oracle's test {w.Oracle.NoEvidence}) | {(missed.Count == 0 ? "none" : string.Join("; ", missed))} |");
        }

        return s.ToString();
    }

    /// <summary>Per world and type: mean truth, mean error and coverage of the product and the oracle.</summary>
    public static string Detail(string world, IReadOnlyList<RunResult> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture, $"#### {world}");
        s.AppendLine();
        s.AppendLine("| estimand | mean truth | oracle bias | oracle coverage | product bias | product coverage | product median width | unidentified |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var key in runs.SelectMany(r => r.Truth.Keys).Distinct())
        {
            if (key.StartsWith("group:", StringComparison.Ordinal) || key == Estimate.NullTest)
            {
                continue;
            }

            var cases = runs.Where(r => r.Truth.ContainsKey(key)).Select(r => (Truth: r.Truth[key], Oracle: r.Oracle.Single(e => e.Estimand == key), Product: r.Product.Single(e => e.Estimand == key))).ToList();
            var productKnown = cases.Where(c => c.Product.Value is not null).ToList();
            s.AppendLine(CultureInfo.InvariantCulture,
                $"| {key} | {Number(cases.Average(c => c.Truth))} | {Number(cases.Average(c => c.Oracle.Value!.Value - c.Truth))} | {Share.Of(cases, c => c.Oracle.Covers(c.Truth))} | {Number(productKnown.Select(c => c.Product.Value!.Value - c.Truth).DefaultIfEmpty(double.NaN).Average())} | {Share.Of(cases, c => c.Product.Identified && c.Product.Covers(c.Truth))} | {Number(MethodPerformance.Median(productKnown.Select(c => c.Product.Width ?? double.NaN)))} | {cases.Count(c => !c.Product.Identified)} |");
        }

        var groups = runs.SelectMany(r => r.Product.Where(e => e.Estimand.StartsWith("group:", StringComparison.Ordinal)).Select(e => (Estimate: e, Truth: r.Truth[e.Estimand]))).ToList();
        if (groups.Count > 0)
        {
            s.AppendLine();
            s.AppendLine(CultureInfo.InvariantCulture, $"Groups: {string.Join(", ", groups.GroupBy(g => g.Estimate.Estimand).Select(g => $"{g.Key[6..]} ×{g.Count()}"))}; group intervals covering: {Share.Of(groups, g => g.Estimate.Covers(g.Truth))}");
        }

        return s.ToString();
    }

    /// <summary>
    /// Per world: each paid channel's incremental ROAS over the study's period against the truth (channel × seed pooled):
    /// band coverage, median relative error and bias for channels with at least 5% of the spend, median band half-width
    /// over the true ROAS, bands excluding 0 where the truth is 0, and channels left without a curve.
    /// </summary>
    public static string Incremental(IReadOnlyList<(string World, IReadOnlyList<RunResult> Runs)> worlds)
    {
        ArgumentNullException.ThrowIfNull(worlds);
        var s = new StringBuilder();
        s.AppendLine("| world | model | channel × seed | band covers | median abs. error (≥ 5% of spend) | median error | median half-width / truth | true ROAS (median) | zero truth: bands excluding 0 | no figure |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var models = new (string Name, Func<ChannelResult, Estimate?> Pick)[] { ("mediated", c => c.Product), ("sales-only", c => c.RevenueOnly) };
        foreach (var (world, runs) in worlds)
        {
            var cases = runs.SelectMany(r => r.Channels).ToList();
            foreach (var (name, pick) in models)
            {
                var fitted = cases.Where(c => pick(c) is not null).ToList();
                var large = fitted.Where(c => c.SpendShare >= 0.05 && Math.Abs(c.TrueRoas) > 1e-9).ToList();
                var errors = large.Select(c => (pick(c)!.Value!.Value - c.TrueRoas) / c.TrueRoas).ToList();
                var zero = fitted.Where(c => Math.Abs(c.TrueRoas) <= 1e-9).ToList();
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"| {world} | {name} | {cases.Count} | {Share.Of(fitted, c => pick(c)!.Covers(c.TrueRoas))} | {Percent(MethodPerformance.Median(errors.Select(Math.Abs)))} | {SignedPercent(MethodPerformance.Median(errors))} | {Percent(MethodPerformance.Median(large.Select(c => pick(c)!.Width!.Value / 2 / Math.Abs(c.TrueRoas))))} | {Number(MethodPerformance.Median(cases.Select(c => c.TrueRoas)))} | {Share.Of(zero, c => pick(c)!.ExcludesZero)} | {cases.Count - fitted.Count} |");
            }
        }

        return s.ToString();
    }

    /// <summary>
    /// Per world and kind of test: the tested channel's incremental ROAS before and after its geo test calibrated the
    /// model (each reach), as mean and median absolute relative error and band coverage, and the other channels' median
    /// absolute error (they may not get worse).
    /// </summary>
    public static string Calibration(IReadOnlyList<(string World, IReadOnlyList<RunResult> Runs)> worlds)
    {
        ArgumentNullException.ThrowIfNull(worlds);
        var reaches = Enum.GetValues<Attribution.Incremental.CalibrationReach>().Distinct().Select(r => r.ToString()).Append(WorldRun.SoundTest).ToList();
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"| world | test | runs (applied) | test's interval holds its truth | mean abs. error: uncalibrated | {string.Join(" | ", reaches)} | median abs. error: uncalibrated | {string.Join(" | ", reaches)} | coverage: uncalibrated | {string.Join(" | ", reaches)} | other channels' median abs. error: uncalibrated | {string.Join(" | ", reaches)} |");
        s.AppendLine("|---|---|---:|---:|" + string.Concat(Enumerable.Repeat("---:|", 4 * (reaches.Count + 1))));
        foreach (var (world, runs) in worlds)
        {
            var cases = runs.SelectMany(r => r.Channels).Where(c => c.Test is not null && c.Product is not null && Math.Abs(c.TrueRoas) > 1e-9).ToList();
            foreach (var kind in cases.Where(c => c.Test != "other").Select(c => c.Test!).Distinct().Order(StringComparer.Ordinal))
            {
                var tested = cases.Where(c => c.Test == kind).ToList();
                var applied = tested.Where(c => reaches.All(r => c.Calibrated.GetValueOrDefault(r) is not null)).ToList();
                var others = runs.Where(r => r.Channels.Any(c => c.Test == kind)).SelectMany(r => r.Channels)
                    .Where(c => c.Test == "other" && c.Product is not null && c.SpendShare >= 0.05 && Math.Abs(c.TrueRoas) > 1e-9).ToList();
                static double Error(Estimate e, double truth) => Math.Abs((e.Value!.Value - truth) / truth);
                string Mean(Func<ChannelResult, Estimate?> pick) => Percent(applied.Select(c => Error(pick(c)!, c.TrueRoas)).DefaultIfEmpty(double.NaN).Average());
                string Median(Func<ChannelResult, Estimate?> pick) => Percent(MethodPerformance.Median(applied.Select(c => Error(pick(c)!, c.TrueRoas))));
                string Covers(Func<ChannelResult, Estimate?> pick) => Share.Of(applied, c => pick(c)!.Covers(c.TrueRoas)).ToString();
                string Others(Func<ChannelResult, Estimate?> pick) => Percent(MethodPerformance.Median(others.Where(c => pick(c) is not null).Select(c => Error(pick(c)!, c.TrueRoas))));
                var columns = new[] { Mean, (Func<Func<ChannelResult, Estimate?>, string>)Median, Covers, Others }
                    .SelectMany(f => new[] { f(c => c.Product) }.Concat(reaches.Select(r => f(c => c.Calibrated.GetValueOrDefault(r)))));
                s.AppendLine(CultureInfo.InvariantCulture, $"| {world} | {kind} | {tested.Count} ({applied.Count}) | {Share.Of(tested.Where(c => c.TestCovers is not null), c => c.TestCovers == true)} | {string.Join(" | ", columns)} |");
            }
        }

        return s.ToString();
    }

    private static string Ratio(double x) => double.IsFinite(x) ? x.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Percent(double x) => double.IsFinite(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string SignedPercent(double x) => !double.IsFinite(x) ? "–" : Math.Round(100 * x, 1) == 0 ? "0.0%" : Math.Round(100 * x, 1).ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double x) => !double.IsFinite(x) ? "–" : Math.Abs(x) >= 10_000 ? x.ToString("#,0", CultureInfo.InvariantCulture) : x.ToString("0.00", CultureInfo.InvariantCulture);
}

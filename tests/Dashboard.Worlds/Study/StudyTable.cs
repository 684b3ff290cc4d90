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

    private static string Ratio(double x) => double.IsFinite(x) ? x.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "–";

    private static string Percent(double x) => double.IsFinite(x) ? (100 * x).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "–";

    private static string SignedPercent(double x) => !double.IsFinite(x) ? "–" : Math.Round(100 * x, 1) == 0 ? "0.0%" : Math.Round(100 * x, 1).ToString("+0.0;−0.0", CultureInfo.InvariantCulture) + "%";

    private static string Number(double x) => !double.IsFinite(x) ? "–" : Math.Abs(x) >= 10_000 ? x.ToString("#,0", CultureInfo.InvariantCulture) : x.ToString("0.00", CultureInfo.InvariantCulture);
}

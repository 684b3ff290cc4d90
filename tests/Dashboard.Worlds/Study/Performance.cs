using MathNet.Numerics.Distributions;

namespace Dashboard.Worlds.Study;

/// <summary>A share with its count, so a table can give its Monte Carlo error and a test its binomial bound.</summary>
public readonly record struct Share(int Hits, int Cases)
{
    public double Rate => Cases == 0 ? double.NaN : Hits / (double)Cases;

    /// <summary>Monte Carlo standard error of the rate.</summary>
    public double StandardError => Cases == 0 ? double.NaN : Math.Sqrt(Rate * (1 - Rate) / Cases);

    public static Share Of<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        var list = items.ToList();
        return new Share(list.Count(hit), list.Count);
    }

    /// <summary>
    /// Whether the hits are compatible with a true rate of at least <paramref name="p"/>: at or above the count below
    /// which fewer than 1% of samples of that size fall (the bar's 1% binomial lower bound).
    /// </summary>
    public bool AtLeast(double p) => Cases == 0 || Binomial.CDF(p, Cases, Hits) > 0.01 || Hits >= p * Cases;

    /// <summary>Whether the hits are compatible with a true rate of at most <paramref name="p"/> (1% upper bound).</summary>
    public bool AtMost(double p) => Cases == 0 || 1 - Binomial.CDF(p, Cases, Hits - 1) > 0.01 || Hits <= p * Cases;

    public override string ToString() => Cases == 0 ? "–" : FormattableString.Invariant($"{100 * Rate:0}% ({Hits}/{Cases})");
}

/// <summary>One method's performance in one world over its seeds (ADEMP's performance measures).</summary>
public sealed record MethodPerformance(
    string Method,
    Share Coverage,
    double MedianWidth,
    Share EngagementWithin15,
    double EngagementMedianError,
    double EngagementBias,
    Share EngagementCoverage,
    Share ZeroTypesExcludingZero,
    Share NoEvidence)
{
    public static MethodPerformance Of(string method, IReadOnlyList<RunResult> runs, Func<RunResult, IReadOnlyList<Estimate>> pick, Func<RunResult, string?> verdict)
    {
        var types = runs.SelectMany(r => pick(r).Where(e => e.Estimand != Estimate.Engagement && r.Truth.ContainsKey(e.Estimand))
            .Select(e => (Estimate: e, Truth: r.Truth[e.Estimand]))).ToList();
        var identified = types.Where(c => c.Estimate.Identified).ToList();
        var totals = runs.Select(r => (Estimate: pick(r).Single(e => e.Estimand == Estimate.Engagement), Truth: r.Truth[Estimate.Engagement])).ToList();
        var errors = totals.Select(t => t.Estimate.Value is { } v ? (v - t.Truth) / t.Truth : double.NaN).ToList();
        return new MethodPerformance(
            method,
            Share.Of(identified, c => c.Estimate.Covers(c.Truth)),
            Median(identified.Select(c => c.Estimate.Width ?? double.NaN)),
            Share.Of(totals, t => t.Estimate.Identified && t.Estimate.Value is { } v && Math.Abs(v - t.Truth) <= 0.15 * Math.Abs(t.Truth)),
            Median(errors.Select(Math.Abs)),
            errors.Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average(),
            Share.Of(totals, t => t.Estimate.Covers(t.Truth)),
            Share.Of(types.Where(c => c.Truth == 0), c => c.Estimate.ExcludesZero),
            verdict(runs[0]) is null && method == "oracle"
                ? Share.Of(runs, r => r.Oracle.Single(e => e.Estimand == Estimate.NullTest).Value > 0.10)
                : Share.Of(runs.Where(r => verdict(r) is not null), r => verdict(r) == "no_evidence"));
    }

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>The product's performance in one world against the oracle's, with the bars.</summary>
public sealed record WorldPerformance(string World, int Runs, MethodPerformance Oracle, MethodPerformance Product, double WidthRatio, Share PowerKept)
{
    public static WorldPerformance Of(string world, IReadOnlyList<RunResult> runs)
    {
        var oracle = MethodPerformance.Of("oracle", runs, r => r.Oracle, _ => null);
        var product = MethodPerformance.Of("product", runs, r => r.Product, r => r.Verdict);

        // Per type and seed: the product's width against the oracle's, and whether it keeps the oracle's "not zero".
        var pairs = runs.SelectMany(r => r.Product.Where(e => e.Estimand != Estimate.Engagement && r.Truth.ContainsKey(e.Estimand) && !e.Estimand.StartsWith("group:", StringComparison.Ordinal))
            .Select(e => (Product: e, Oracle: r.Oracle.Single(o => o.Estimand == e.Estimand)))).ToList();
        var ratio = MethodPerformance.Median(pairs.Where(p => p.Product.Identified).Select(p => (p.Product.Width ?? double.NaN) / (p.Oracle.Width ?? double.NaN)));
        var power = Share.Of(pairs.Where(p => p.Oracle.Low > 0), p => p.Product.Identified && p.Product.Low > 0);
        return new WorldPerformance(world, runs.Count, oracle, product, ratio, power);
    }

    /// <summary>The bars, each with whether it holds (at the 1% binomial bound when <paramref name="binomial"/>).</summary>
    public IReadOnlyList<(string Bar, bool Holds)> Bars(bool binomial, bool noEffectWorld)
    {
        bool AtLeast(Share s, double p) => binomial ? s.AtLeast(p) : s.Cases == 0 || s.Rate >= p;
        bool AtMost(Share s, double p) => binomial ? s.AtMost(p) : s.Cases == 0 || s.Rate <= p;
        var bars = new List<(string, bool)>();
        if (noEffectWorld)
        {
            bars.Add(("verdict no_evidence in >= 85% of seeds", AtLeast(Product.NoEvidence, 0.85)));
            bars.Add(("<= 12% of type intervals exclude 0", AtMost(Product.ZeroTypesExcludingZero, 0.12)));
            return bars;
        }

        bars.Add(("type coverage >= 80%", AtLeast(Product.Coverage, 0.80)));
        bars.Add(("type coverage <= 97%", AtMost(Product.Coverage, 0.97)));
        bars.Add(("median width <= 1.5x oracle", !(WidthRatio > 1.5)));
        bars.Add(("0 excluded where the oracle excludes it, >= 80%", AtLeast(PowerKept, 0.80)));
        var oracleNoisy = Oracle.EngagementWithin15.Rate < 0.95;
        bars.Add(oracleNoisy
            ? ("engagement median error <= 1.5x oracle's (noisy world)", Product.EngagementMedianError <= 1.5 * Oracle.EngagementMedianError)
            : ("engagement within 15% in >= 90% of runs", AtLeast(Product.EngagementWithin15, 0.90)));
        bars.Add(("zero-valued types: <= 12% exclude 0", AtMost(Product.ZeroTypesExcludingZero, 0.12)));
        return bars;
    }
}

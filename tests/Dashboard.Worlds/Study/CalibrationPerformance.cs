using Dashboard.Attribution.Incremental;

namespace Dashboard.Worlds.Study;

/// <summary>
/// The tested channel's incremental ROAS in a world with a geo test of one kind ("go_dark", "heavy_up"), before and after
/// the product's own read-out of the test calibrated the model (the default reach), with the calibration bars.
/// </summary>
public sealed record CalibrationPerformance(string Kind, int Runs, int Applied, double MeanErrorBefore, double MeanErrorAfter, Share CoverageAfter)
{
    public static CalibrationPerformance Of(IReadOnlyList<RunResult> runs, string kind)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var tested = runs.SelectMany(r => r.Channels).Where(c => c.Test == kind && c.Product is not null && Math.Abs(c.TrueRoas) > 1e-9).ToList();
        var applied = tested.Where(c => c.Calibrated.GetValueOrDefault(CalibrationReach.Default.ToString()) is not null).ToList();
        static double Error(Estimate e, double truth) => Math.Abs((e.Value!.Value - truth) / truth);
        return new CalibrationPerformance(kind, tested.Count, applied.Count,
            applied.Select(c => Error(c.Product!, c.TrueRoas)).DefaultIfEmpty(double.NaN).Average(),
            applied.Select(c => Error(c.Calibrated[CalibrationReach.Default.ToString()]!, c.TrueRoas)).DefaultIfEmpty(double.NaN).Average(),
            Share.Of(applied, c => c.Calibrated[CalibrationReach.Default.ToString()]!.Covers(c.TrueRoas)));
    }

    /// <summary>The calibration bars (at the 1% binomial bound when <paramref name="binomial"/>).</summary>
    public IReadOnlyList<(string Bar, bool Holds)> Bars(bool binomial)
    {
        bool AtLeast(Share s, double p) => binomial ? s.AtLeast(p) : s.Cases == 0 || s.Rate >= p;
        bool AtMost(Share s, double p) => binomial ? s.AtMost(p) : s.Cases == 0 || s.Rate <= p;
        return
        [
            ($"{Kind}: every test applied", Applied == Runs),
            ($"{Kind}: mean abs. error falls >= 50%", MeanErrorAfter <= 0.5 * MeanErrorBefore),
            ($"{Kind}: calibrated coverage >= 80%", AtLeast(CoverageAfter, 0.80)),
            ($"{Kind}: calibrated coverage <= 97%", AtMost(CoverageAfter, 0.97)),
        ];
    }
}

using System.Globalization;
using System.Text;
using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// The demo data plants a value per micro-conversion type (truth.json) and a vanity type (social follows) that follows
/// sales instead of driving them. The valuation, fitted on the imported data alone, must find them back on each of three
/// windows (three realisations of the demo world): the issue's bars, each window on its own.
/// </summary>
public sealed class PlantedValuationTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static readonly DateOnly[] EndDates = [new(2025, 12, 31), new(2026, 6, 30), new(2026, 9, 30)];

    [Fact]
    public async Task On_three_windows_the_valuation_recovers_the_planted_values_and_keeps_every_market_with_sales()
    {
        var (covered, cases, vanityExcluding, vanityCases) = (0, 0, 0, 0);
        var report = new StringBuilder();
        foreach (var endDate in EndDates)
        {
            var truth = await SeededTemplate.TruthAsync(endDate, Ct);
            await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(endDate, Ct));
            await using var db = temp.Open();
            var snapshot = await SnapshotLoader.LoadAsync(db, Ct);

            var result = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All });

            var planted = truth.Events.ToDictionary(e => e.Event, e => e.ValueUsd);
            report.Append(CultureInfo.InvariantCulture, $"window ending {endDate:yyyy-MM-dd}, verdict {result.Verdict}\n| type | planted | recovered | 90% interval | identified | covers |\n|---|---:|---:|---|---|---|\n");
            foreach (var e in result.Events)
            {
                Assert.NotNull(e.Value);
                var covers = e.Low <= planted[e.Event] && planted[e.Event] <= e.High;
                if (e.Identified)
                {
                    (covered, cases) = (covered + (covers ? 1 : 0), cases + 1);
                }

                report.Append(CultureInfo.InvariantCulture, $"| {e.Event} | {planted[e.Event]:0.00} | {e.Value:0.00} | [{e.Low:0.00}, {e.High:0.00}] | {e.Identified} | {(covers ? "yes" : "no")} |\n");
            }

            // A group is judged on its members' planted values at its mix of actions.
            foreach (var g in result.Groups)
            {
                var volumes = g.Events.Select(e => (double)result.Events.Single(x => x.Event == e).Volume).ToList();
                var plantedGroup = g.Events.Select((e, i) => planted[e] * volumes[i]).Sum() / volumes.Sum();
                var covers = g.Low <= plantedGroup && plantedGroup <= g.High;
                (covered, cases) = (covered + (covers ? 1 : 0), cases + 1);
                report.Append(CultureInfo.InvariantCulture, $"| group {string.Join(" + ", g.Events)} | {plantedGroup:0.00} | {g.Value:0.00} | [{g.Low:0.00}, {g.High:0.00}] | group | {(covers ? "yes" : "no")} |\n");
            }

            foreach (var vanity in result.Events.Where(e => truth.VanityEvents.Contains(e.Event)))
            {
                (vanityExcluding, vanityCases) = (vanityExcluding + (vanity.Low > 0 || vanity.High < 0 ? 1 : 0), vanityCases + 1);
            }

            var plantedEngagement = result.Events.Sum(e => e.Volume * planted[e.Event]);
            report.Append(CultureInfo.InvariantCulture, $"engagement value: planted {plantedEngagement:N0}, recovered {result.EngagementValue:N0} [{result.EngagementLow:N0}, {result.EngagementHigh:N0}]\n");
            report.AppendJoin('\n', result.Notes).Append("\n\n");
            TestContext.Current.SendDiagnosticMessage(report.ToString());

            // Every market that reports sales stays in the fit, whatever types it never reported.
            Assert.Equal(snapshot.Sales.Market.Distinct().Count(), result.Markets);

            // The data show value, and Σ volume × value is within ±15% of the planted engagement value, in every window.
            Assert.Equal(Verdicts.Evidence, result.Verdict);
            Assert.InRange(result.EngagementValue!.Value, 0.85 * plantedEngagement, 1.15 * plantedEngagement);
        }

        // Over the windows: intervals cover at the 80% bar's 1% binomial bound, and the vanity type (worth nothing) is
        // found worth something no more often than the 12% bar's 1% binomial bound allows.
        Assert.True(covered >= MinimumCovered(cases, 0.8), $"only {covered} of {cases} intervals cover the planted value");
        Assert.True(vanityExcluding <= MaximumExcluding(vanityCases, 0.12), $"the vanity type's interval excluded 0 in {vanityExcluding} of {vanityCases} windows");
    }

    /// <summary>The largest count of n that a true rate of p exceeds in at least 1% of samples.</summary>
    private static int MaximumExcluding(int n, double p)
    {
        var tail = 0.0;
        for (var k = n; k >= 0; k--)
        {
            tail += MathNet.Numerics.Distributions.Binomial.PMF(p, n, k);
            if (tail > 0.01)
            {
                return k;
            }
        }

        return 0;
    }

    /// <summary>The smallest count of n that a true rate of p reaches in at least 1% of samples.</summary>
    private static int MinimumCovered(int n, double p)
    {
        var cumulative = 0.0;
        for (var k = 0; k <= n; k++)
        {
            cumulative += MathNet.Numerics.Distributions.Binomial.PMF(p, n, k);
            if (cumulative > 0.01)
            {
                return k;
            }
        }

        return n;
    }
}

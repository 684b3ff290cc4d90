using System.Globalization;
using System.Text;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Query;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// The demo data plants each paid channel's curve (adstock λ, Hill K and α on spend per market-size unit, revenue at
/// saturation; truth.json). The planner, fitted on the imported data alone, recommends an allocation of the current
/// budget; split over channels and markets and evaluated on the planted curves, it must capture at least 90% of the uplift that the planted curves' own
/// optimum achieves over the current allocation within the same bounds.
/// </summary>
public sealed class PlantedPlannerTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_recommended_allocation_captures_most_of_the_planted_optimum_uplift()
    {
        var truth = await SeededTemplate.TruthAsync(Ct);
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await using var db = temp.Open();
        var snapshot = await SnapshotLoader.LoadAsync(db, Ct);
        var valuation = ValuationModel.Run(snapshot, new ValuationQuery { Scope = AccessScope.All });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var model = ResponseModel.Fit(snapshot, AccessScope.All, valuation);
        var fitSeconds = clock.Elapsed.TotalSeconds;
        var planner = new BudgetPlanner(model, "USD", 1.0);
        var period = PlanningPeriod.Parse(null, model.LastDay);
        var budget = planner.CurrentSpend.Values.Sum();
        var result = planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, period, BudgetPerDay: budget));

        // The planted revenue per day of a channel in a market at a spend per day there. The planner splits its budget
        // over channel × market cells; the planted optimum is sought over the same cells within the same bounds.
        var sizes = truth.Markets.ToDictionary(m => m.Market, m => m.Size);
        var markets = model.MarketCodes.Count;
        var lines = result.Allocation;
        double Planted(int cell, double spend)
        {
            var (c, m) = (cell / markets, cell % markets);
            var t = truth.Channels.Single(x => x.Channel == lines[c].Channel);
            var size = sizes[model.MarketCodes[m]];
            return size * t.RevenueUsdPerSizeUnitAtSaturation * HillCurve.Hill(spend / size / (1 - t.AdstockLambda), t.HillK, t.HillAlpha);
        }

        var cells = lines.SelectMany(l => l.Markets).ToList();
        double Total(IReadOnlyList<double> x) => x.Select((v, i) => Planted(i, v)).Sum();
        var current = cells.Select(m => m.Current).ToArray();
        var recommended = cells.Select(m => m.Recommended).ToArray();

        // Without market bounds, a channel's markets' bounds add up to the channel's: the channel bounds need no
        // separate constraint in the independent optimum.
        Assert.All(lines, l => Assert.Equal(l.Max, l.Markets.Sum(m => m.Max), 6));
        Assert.All(lines, l => Assert.Equal(l.Min, l.Markets.Sum(m => m.Min), 6));
        var optimum = LagrangeOptimum(Planted, [.. cells.Select(m => m.Min)], [.. cells.Select(m => m.Max)], budget);
        var captured = (Total(recommended) - Total(current)) / (Total(optimum) - Total(current));
        double ChannelTotal(double[] x, int c) => x.Skip(c * markets).Take(markets).Sum();

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"fit {fitSeconds:0.0} s; period {period.From:yyyy-MM-dd}..{period.To:yyyy-MM-dd}; budget {budget:N0} USD/day\n");
        report.Append("| channel | λ fit / planted | α fit / planted | own market curves | R² pooled → by market | MAPE pooled → by market | current | recommended | planted optimum |\n|---|---|---|---:|---|---|---:|---:|---:|\n");
        for (var c = 0; c < lines.Count; c++)
        {
            var r = model.Channels[c];
            var t = truth.Channels.Single(x => x.Channel == r.Channel);
            report.Append(CultureInfo.InvariantCulture,
                $"| {r.Channel} | {r.Fit?.Curve.Lambda:0.00} / {t.AdstockLambda:0.00} | {r.Fit?.Curve.Alpha:0.00} / {t.HillAlpha:0.00} | {r.OwnCurves} of {markets} | {r.PooledRSquared:0.000} → {r.RSquared:0.000} | {r.PooledMape:P1} → {r.Mape:P1} | {ChannelTotal(current, c):N0} | {ChannelTotal(recommended, c):N0} | {ChannelTotal(optimum, c):N0} |\n");
        }

        report.Append(CultureInfo.InvariantCulture,
            $"planted revenue per day: current {Total(current):N0}, recommended {Total(recommended):N0}, planted optimum {Total(optimum):N0}; uplift captured {captured:P1}");
        TestContext.Current.SendDiagnosticMessage(report.ToString());

        Assert.Equal(budget, recommended.Sum(), 3);
        Assert.All(cells, m => Assert.InRange(m.Recommended, m.Min - 1e-6, m.Max + 1e-6));
        Assert.True(captured >= 0.9, $"uplift captured {captured:P1}\n{report}");
    }

    /// <summary>
    /// An independent optimum: for a price λ of money, each channel's best spend maximises f(x) − λx over a fine grid of
    /// its range; λ is bisected until the spends add up to the budget.
    /// </summary>
    private static double[] LagrangeOptimum(Func<int, double, double> f, double[] min, double[] max, double budget)
    {
        const int Grid = 4_000;
        double[] At(double price) => [.. min.Select((lo, c) =>
        {
            var (best, bestValue) = (lo, double.NegativeInfinity);
            for (var i = 0; i <= Grid; i++)
            {
                var x = lo + ((max[c] - lo) * i / Grid);
                var value = f(c, x) - (price * x);
                if (value > bestValue)
                {
                    (best, bestValue) = (x, value);
                }
            }

            return best;
        })];

        double low = 0, high = 100;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = At(mid).Sum() > budget ? (mid, high) : (low, mid);
        }

        return At(high);
    }
}

using System.Text.Json;
using Dashboard.Attribution.Planning;
using Dashboard.Attribution.Valuation;
using Dashboard.Cli;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Query;
using Dashboard.Metrics.Snapshot;
using Dashboard.Metrics.Time;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>The planner fitted once on the seeded demo data, shared by the tests of its answers.</summary>
public sealed class PlannerFixture : IAsyncLifetime
{
    public FactSnapshot Snapshot { get; private set; } = default!;

    public BudgetPlanner Planner { get; private set; } = default!;

    public PlanningPeriod Period { get; private set; } = default!;

    public string DatabasePath { get; private set; } = "";

    private TempDatabase? _database;

    public async ValueTask InitializeAsync()
    {
        _database = TempDatabase.CopyOf(await SeededTemplate.GetAsync());
        DatabasePath = _database.Path;
        await using var db = _database.Open();
        Snapshot = await SnapshotLoader.LoadAsync(db);
        Planner = PlannerFactory.Create(Snapshot, AccessScope.All, "USD");
        Period = PlanningPeriod.Parse(null, Planner.Model.LastDay);
    }

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>Scenarios and the optimiser's three modes on the demo data: budgets, bounds, targets and floors kept.</summary>
public sealed class BudgetPlannerTests(PlannerFixture fixture) : IClassFixture<PlannerFixture>
{
    private BudgetPlanner Planner => fixture.Planner;

    private double CurrentTotal => Planner.CurrentSpend.Values.Sum();

    [Fact]
    public void Current_spend_is_the_average_per_calendar_day_of_the_last_90_days_as_the_engine_sums_it()
    {
        var last = fixture.Snapshot.LastDay!.Value;
        var answer = new MetricsEngine(fixture.Snapshot).Run(new MetricsQuery
        {
            Range = new DateRange(last.AddDays(-89), last), Measures = ["spend"], By = [Dimension.Channel], Scope = AccessScope.All,
        });

        foreach (var row in answer.Rows.Where(r => r.Values["spend"].Value > 0))
        {
            Assert.Equal(row.Values["spend"].Value!.Value / 90, Planner.CurrentSpend[row.Group[Dimension.Channel]], 6);
        }
    }

    [Fact]
    public void The_current_plan_predicts_the_baseline_and_more_spend_on_a_channel_adds_its_own_revenue()
    {
        var same = Planner.Scenario(new Dictionary<string, double>(), fixture.Period);
        Assert.Equal(same.Baseline.PredictedRevenue, same.Predicted.PredictedRevenue);
        Assert.Equal(same.Baseline.IncrementalRevenue, same.Predicted.IncrementalRevenue);

        var more = Planner.Scenario(new Dictionary<string, double> { ["paid_search"] = Planner.CurrentSpend["paid_search"] * 1.2 }, fixture.Period);
        var gained = more.Predicted.IncrementalRevenue.Value - more.Baseline.IncrementalRevenue.Value;
        Assert.True(gained > 0, $"20% more paid search gained {gained}");
        Assert.Equal(gained, more.Predicted.PredictedRevenue.Value - more.Baseline.PredictedRevenue.Value, 3);
        Assert.InRange(more.Predicted.PredictedRevenue.Value, more.Predicted.PredictedRevenue.Low, more.Predicted.PredictedRevenue.High);
        Assert.True(more.Predicted.MicroConversionsByIntent["high"] > more.Baseline.MicroConversionsByIntent["high"]);
    }

    [Fact]
    public void Revenue_mode_spends_the_budget_within_the_bounds_and_equalises_the_free_markets_marginal_roi()
    {
        var result = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: CurrentTotal));

        Assert.Equal(CurrentTotal, result.Allocation.Sum(a => a.Recommended), 3);
        foreach (var a in result.Allocation)
        {
            Assert.Equal(a.Current * 0.5, a.Min, 6);
            Assert.Equal(a.Current * 1.5, a.Max, 6);
            Assert.InRange(a.Recommended, a.Min - 1e-6, a.Max + 1e-6);
            Assert.Equal(a.Binding == "min", Math.Abs(a.Recommended - a.Min) <= a.Max * 2e-3);
            Assert.Equal(a.Binding == "max", Math.Abs(a.Recommended - a.Max) <= a.Max * 2e-3);
            Assert.Equal(a.Recommended, a.Markets.Sum(m => m.Recommended), 6);
            Assert.Equal(a.Current, a.Markets.Sum(m => m.Current), 6);
            foreach (var m in a.Markets)
            {
                // Without market bounds, each market moves within ±50% of its own current spend.
                Assert.Equal(m.Current * 0.5, m.Min, 6);
                Assert.Equal(m.Current * 1.5, m.Max, 6);
                Assert.InRange(m.Recommended, m.Min - 1e-6, m.Max + 1e-6);
            }
        }

        // Markets without a curve of their own move together, in their current proportions.
        foreach (var a in result.Allocation)
        {
            var pooled = a.Markets.Where(m => !m.OwnCurve && m.Current > 0).Select(m => m.Recommended / m.Current).ToList();
            Assert.True(pooled.Count == 0 || pooled.Max() - pooled.Min() < 1e-9, $"{a.Channel}: pooled markets' factors {string.Join(", ", pooled)}");
        }

        // The optimum's condition: every market with its own curve between its bounds has the same marginal ROI; one
        // at its maximum would return more, one at its minimum less.
        var cells = result.Allocation.Where(a => a.MarginalRoi is not null).SelectMany(a => a.Markets).Where(m => m.OwnCurve && m.Max > 0).ToList();
        var free = cells.Where(m => m.Binding is null).Select(m => m.MarginalRoi!.Value).ToList();
        Assert.True(free.Count >= 2, "at least two markets are between their bounds");
        Assert.True(free.Max() - free.Min() < 0.02, $"free markets' marginal ROI: {string.Join(", ", free)}");
        Assert.All(cells.Where(m => m.Binding == "max"), m => Assert.True(m.MarginalRoi > free.Max() - 0.02));
        Assert.All(cells.Where(m => m.Binding == "min"), m => Assert.True(m.MarginalRoi < free.Min() + 0.02));
    }

    [Fact]
    public void A_market_bound_holds_that_market_while_its_channel_keeps_its_own_bounds()
    {
        var display = Planner.Model.Channels.Single(c => c.Channel == "display");
        var largest = display.Markets.MaxBy(m => m.CurrentSpendUsd)!;
        var pinned = largest.CurrentSpendUsd * 0.2;
        var bounds = new Dictionary<string, (double?, double?)> { [$"display@{largest.Market}"] = (pinned, pinned) };

        var result = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: CurrentTotal, Bounds: bounds));

        var line = result.Allocation.Single(a => a.Channel == "display");
        var cell = line.Markets.Single(m => m.Market == largest.Market);
        Assert.Equal(pinned, cell.Recommended, 6);
        Assert.Equal("max", cell.Binding);
        Assert.InRange(line.Recommended, display.CurrentSpendUsd * 0.5 - 1e-6, display.CurrentSpendUsd * 1.5 + 1e-6);
        Assert.Equal(line.Recommended, line.Markets.Sum(m => m.Recommended), 6);
        Assert.Equal(CurrentTotal, result.Allocation.Sum(a => a.Recommended), 3);

        var unknown = Assert.Throws<MetricsQueryException>(() => Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period,
            BudgetPerDay: CurrentTotal, Bounds: new Dictionary<string, (double?, double?)> { ["display@ZZ"] = (0, 10) })));
        Assert.Contains("unknown market 'ZZ' in the bounds of display", unknown.Message, StringComparison.Ordinal);

        var above = Assert.Throws<MetricsQueryException>(() => Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period,
            BudgetPerDay: CurrentTotal, Bounds: new Dictionary<string, (double?, double?)> { [$"display@{largest.Market}"] = (display.CurrentSpendUsd * 2, display.CurrentSpendUsd * 3) })));
        Assert.Contains("display: its markets' minimums add up to", above.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recommendation_replayed_as_a_scenario_with_its_market_split_predicts_the_same()
    {
        var result = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: CurrentTotal));
        var spend = result.Allocation.ToDictionary(a => a.Channel, a => a.Recommended);
        var byMarket = result.Allocation.SelectMany(a => a.Markets.Select(m => ($"{a.Channel}@{m.Market}", m.Recommended))).ToDictionary(p => p.Item1, p => p.Recommended);

        var replayed = Planner.Scenario(byMarket, fixture.Period).Predicted;
        var asNow = Planner.Scenario(spend, fixture.Period).Predicted;

        Assert.Equal(result.Predicted.PredictedRevenue.Value, replayed.PredictedRevenue.Value, result.Predicted.PredictedRevenue.Value * 1e-9);
        Assert.Equal(result.Predicted.IncrementalRevenue.High, replayed.IncrementalRevenue.High, result.Predicted.IncrementalRevenue.High * 1e-9);

        // The same channel totals split as now predict less: the optimiser's market moves are worth something.
        Assert.True(asNow.PredictedRevenue.Value < replayed.PredictedRevenue.Value);

        // A channel's amount with one market's: the other markets share the rest as now.
        var display = Planner.Model.Channels.Single(c => c.Channel == "display");
        var (first, others) = (display.Markets[0], display.Markets.Skip(1).ToList());
        var plan = new Dictionary<string, double> { ["display"] = 30_000, [$"display@{first.Market}"] = 1_000 };
        var mixed = Planner.Scenario(plan, fixture.Period).Predicted;
        var spelled = Planner.Scenario(others.Select(m => ($"display@{m.Market}", 29_000 * m.Share / others.Sum(o => o.Share)))
            .Append(($"display@{first.Market}", 1_000)).ToDictionary(p => p.Item1, p => p.Item2), fixture.Period).Predicted;
        Assert.Equal(30_000, mixed.SpendPerDay["display"], 6);
        Assert.Equal(spelled.PredictedRevenue.Value, mixed.PredictedRevenue.Value, spelled.PredictedRevenue.Value * 1e-9);

        var over = Assert.Throws<MetricsQueryException>(() => Planner.Scenario(
            new Dictionary<string, double> { ["display"] = 500, [$"display@{first.Market}"] = 1_000 }, fixture.Period));
        Assert.Contains("display: its markets' amounts add up to 1000, more than the channel's 500", over.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Channels share types, and types the data cannot tell apart have values whose errors offset. Two valuations that
    /// differ only in one pair's covariance (0, then a correlation of −0.95) move the variance of the media band by
    /// exactly 2 a_e a_f Δcov, with a_e the plan's actions of type e over all channels (each channel's actions × its mix).
    /// </summary>
    [Fact]
    public void The_media_band_carries_the_values_covariance_across_channels()
    {
        var valuation = ValuationModel.Run(fixture.Snapshot, new ValuationQuery { Scope = AccessScope.All });
        var n = valuation.Events.Count;
        var season = Planner.SeasonFor(fixture.Period);
        var actions = new double[n];
        for (var c = 0; c < Planner.Model.Channels.Count; c++)
        {
            var channel = Planner.Model.Channels[c];
            var spent = Planner.MicroConversions(c, Planner.CurrentSpend[channel.Channel], fixture.Period, season);
            for (var e = 0; e < n; e++)
            {
                actions[e] += spent * channel.ValueWeights[e];
            }
        }

        var (first, second) = (Array.FindIndex(actions, a => a > 0), Array.FindLastIndex(actions, a => a > 0));
        Assert.True(first >= 0 && second > first, "two valued types driven by paid channels");
        var sd = Enumerable.Range(0, n).Select(e => valuation.Covariance[e][e] > 0 ? Math.Sqrt(valuation.Covariance[e][e]) : 0).ToArray();
        var shift = -0.95 * sd[first] * sd[second];

        double Variance(double pair)
        {
            IReadOnlyList<IReadOnlyList<double>> covariance = [.. Enumerable.Range(0, n).Select(e => (IReadOnlyList<double>)[.. Enumerable.Range(0, n).Select(f =>
                e == f ? valuation.Covariance[e][e] : (e, f) == (first, second) || (e, f) == (second, first) ? pair : 0)])];
            var planner = PlannerFactory.For(ResponseModel.Fit(fixture.Snapshot, AccessScope.All, valuation with { Covariance = covariance }), fixture.Snapshot.Fx, "USD");
            var band = planner.Scenario(new Dictionary<string, double>(), fixture.Period).Predicted.IncrementalRevenue;
            return Math.Pow((band.High - band.Value) / 1.6448536269514722, 2);
        }

        var (independent, offsetting) = (Variance(0), Variance(shift));
        var expected = 2 * actions[first] * actions[second] * shift;
        Assert.True(expected < 0);
        Assert.Equal(expected, offsetting - independent, Math.Abs(expected) * 1e-6);
    }

    [Fact]
    public void A_response_curve_in_micro_conversions_starts_at_zero_rises_and_is_the_revenue_curve_over_the_value_per_action()
    {
        var season = Planner.SeasonFor(fixture.Period);
        for (var c = 0; c < Planner.Model.Channels.Count; c++)
        {
            var channel = Planner.Model.Channels[c];
            if (channel.Fit is null)
            {
                continue;
            }

            var current = Planner.CurrentSpend[channel.Channel];
            Assert.Equal(0, Planner.MicroConversions(c, 0, fixture.Period, season));
            var points = new[] { 0.5, 1, 1.5, 2 }.Select(f => Planner.MicroConversions(c, current * f, fixture.Period, season)).ToList();
            Assert.True(points.Zip(points.Skip(1)).All(p => p.Second > p.First), $"{channel.Channel}: {string.Join(", ", points)}");
            Assert.Equal(Planner.IncrementalRevenue(c, current, fixture.Period, season), channel.ValueUsd * points[1], points[1] * channel.ValueUsd * 1e-9);
        }
    }

    [Fact]
    public void Given_bounds_bind_and_a_budget_below_the_minimums_is_refused_by_name()
    {
        var bounds = new Dictionary<string, (double?, double?)> { ["display"] = (30_000, 30_000) };
        var pinned = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: CurrentTotal, Bounds: bounds));
        Assert.Equal(30_000, pinned.Allocation.Single(a => a.Channel == "display").Recommended, 6);

        var minimums = Planner.CurrentSpend.Values.Sum(v => v * 0.5);
        var error = Assert.Throws<MetricsQueryException>(() =>
            Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: minimums * 0.9)));
        Assert.Contains("below the sum of the channels' minimums", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_mode_finds_the_smallest_budget_that_reaches_the_target()
    {
        var days = fixture.Period.Days;
        var atCurrent = Planner.Scenario(new Dictionary<string, double>(), fixture.Period).Predicted.PredictedRevenue.Value / days;
        var target = atCurrent * 1.01;

        var result = Planner.Optimize(new OptimizeRequest(OptimizeMode.TargetRevenue, fixture.Period, TargetRevenuePerDay: target));

        Assert.True(result.Predicted.PredictedRevenue.Value / days >= target - 1e-6);
        var smaller = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: result.BudgetPerDay * 0.98));
        Assert.True(smaller.Predicted.PredictedRevenue.Value / days < target, "2% less budget still reaches the target: not the smallest");

        var error = Assert.Throws<MetricsQueryException>(() =>
            Planner.Optimize(new OptimizeRequest(OptimizeMode.TargetRevenue, fixture.Period, TargetRevenuePerDay: atCurrent * 10)));
        Assert.Contains("out of reach", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roas_floor_mode_finds_the_largest_budget_that_keeps_the_floor()
    {
        var days = fixture.Period.Days;
        double Roas(OptimizeResult r) => r.Predicted.IncrementalRevenue.Value / (r.BudgetPerDay * days);
        var atCurrent = Roas(Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: CurrentTotal)));
        var floor = atCurrent * 0.98;

        var result = Planner.Optimize(new OptimizeRequest(OptimizeMode.RoasFloor, fixture.Period, RoasFloor: floor));

        Assert.True(Roas(result) >= floor - 1e-9, $"ROAS {Roas(result)} below the floor {floor}");
        Assert.True(result.BudgetPerDay > CurrentTotal, "a floor below the current ROAS allows more than the current budget");
        var maximums = result.Allocation.Sum(a => a.Max);
        if (result.BudgetPerDay < maximums * 0.97)
        {
            var larger = Planner.Optimize(new OptimizeRequest(OptimizeMode.Revenue, fixture.Period, BudgetPerDay: result.BudgetPerDay * 1.03));
            Assert.True(Roas(larger) < floor, "3% more budget still keeps the floor: not the largest");
        }

        var error = Assert.Throws<MetricsQueryException>(() =>
            Planner.Optimize(new OptimizeRequest(OptimizeMode.RoasFloor, fixture.Period, RoasFloor: atCurrent * 100)));
        Assert.Contains("out of reach", error.Message, StringComparison.Ordinal);
    }

    private async Task<(int Exit, JsonElement Json, string Err)> CliAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync([.. args, "--db", fixture.DatabasePath], stdout, stderr, TimeProvider.System);
        var text = stdout.ToString();
        return (exit, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default, stderr.ToString());
    }

    [Fact]
    public async Task The_command_line_answers_in_the_API_shape_and_names_what_makes_a_request_infeasible()
    {
        var (exit, json, err) = await CliAsync("scenario", "--spend", "display=20000,paid_search=60000", "--period", "next_month");
        Assert.True(exit == 0, err);
        Assert.Equal("2026-07-01", json.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(31, json.GetProperty("period").GetProperty("days").GetInt32());
        Assert.Equal(20_000, json.GetProperty("spend_per_day").GetProperty("display").GetDouble(), 6);
        foreach (var field in new[] { "predicted_revenue", "incremental_revenue", "incremental_roi" })
        {
            var estimate = json.GetProperty("predicted").GetProperty(field);
            Assert.InRange(estimate.GetProperty("value").GetDouble(), estimate.GetProperty("low").GetDouble(), estimate.GetProperty("high").GetDouble());
            Assert.True(json.GetProperty("baseline").TryGetProperty(field, out _));
        }

        Assert.Equal(3, json.GetProperty("predicted").GetProperty("micro_conversions_by_intent").EnumerateObject().Count());

        (exit, json, err) = await CliAsync("optimize", "--budget", "200000", "--bounds", "display=10000:15000,email_crm=:12000");
        Assert.True(exit == 0, err);
        Assert.Equal("revenue", json.GetProperty("mode").GetString());
        var display = json.GetProperty("allocation").EnumerateArray().Single(a => a.GetProperty("channel").GetString() == "display");
        Assert.Equal(10_000, display.GetProperty("min").GetDouble());
        Assert.Equal(15_000, display.GetProperty("max").GetDouble());
        Assert.Contains(display.GetProperty("binding").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Equal(200_000, json.GetProperty("allocation").EnumerateArray().Sum(a => a.GetProperty("recommended").GetDouble()), 3);
        var markets = display.GetProperty("markets").EnumerateArray().ToList();
        Assert.Equal(display.GetProperty("recommended").GetDouble(), markets.Sum(m => m.GetProperty("recommended").GetDouble()), 3);
        Assert.All(markets, m => Assert.Contains(m.GetProperty("curve").GetString(), new[] { "market", "pooled" }));

        var market = markets.First(m => m.GetProperty("current").GetDouble() > 0).GetProperty("market").GetString();
        (exit, json, err) = await CliAsync("optimize", "--budget", "200000", "--bounds", $"display@{market}=100:100");
        Assert.True(exit == 0, err);
        var pinned = json.GetProperty("allocation").EnumerateArray().Single(a => a.GetProperty("channel").GetString() == "display")
            .GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("market").GetString() == market);
        Assert.Equal(100, pinned.GetProperty("recommended").GetDouble(), 6);

        (exit, _, err) = await CliAsync("optimize", "--budget", "1000");
        Assert.Equal(2, exit);
        Assert.Contains("the budget 1000 per day is below the sum of the channels' minimums", err, StringComparison.Ordinal);
    }
}

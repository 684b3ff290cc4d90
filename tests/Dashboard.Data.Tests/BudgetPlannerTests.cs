using System.Text.Json;
using Dashboard.Attribution.Planning;
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
    public void Revenue_mode_spends_the_budget_within_the_bounds_and_equalises_the_free_channels_marginal_roi()
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
        }

        var free = result.Allocation.Where(a => a.Binding is null).Select(a => a.MarginalRoi!.Value).ToList();
        Assert.True(free.Count >= 2, "at least two channels are between their bounds");
        Assert.True(free.Max() - free.Min() < 0.02, $"free channels' marginal ROI: {string.Join(", ", free)}");

        // A channel at its maximum would return more than the free ones; one at its minimum less.
        Assert.All(result.Allocation.Where(a => a.Binding == "max"), a => Assert.True(a.MarginalRoi > free.Max() - 0.02));
        Assert.All(result.Allocation.Where(a => a.Binding == "min"), a => Assert.True(a.MarginalRoi < free.Min() + 0.02));
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

        (exit, _, err) = await CliAsync("optimize", "--budget", "1000");
        Assert.Equal(2, exit);
        Assert.Contains("the budget 1000 per day is below the sum of the channels' minimums", err, StringComparison.Ordinal);
    }
}

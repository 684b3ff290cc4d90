using Dashboard.Application.Dashboards;
using Dashboard.Application.Formatting;
using Dashboard.Attribution.Planning;
using Dashboard.Metrics.Query;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The Budget scenarios page and its model over the seeded demo's fitted curves: the rules of the sliders, and a
/// scenario that lives in the URL.
/// </summary>
public sealed class ScenariosPageTests : PageTestContext
{
    public ScenariosPageTests()
    {
        // The chart panel and the saved-scenarios panel reach the database themselves (their own tests cover them).
        ComponentFactories.AddStub<Dashboard.Web.Components.Controls.ChartPanel>();
        ComponentFactories.AddStub<Dashboard.Web.Components.Controls.SavedScenariosPanel>();
    }

    private static async Task<BudgetPlanner> PlannerAsync()
    {
        var analysis = await AnalysisAsync();
        return PlannerFactory.For(await analysis.ResponseModels.GetAsync(AccessScope.All), analysis.Snapshot.Fx, "USD");
    }

    [Fact]
    public async Task The_total_slider_scales_every_channel_and_a_channel_s_move_sets_the_total_share()
    {
        var model = new ScenarioPageModel(await PlannerAsync(), "*", NumberFormat.Default, ScenarioView.Default);
        var current = model.Current.ToArray();

        model.SetTotalPercent(50);
        Assert.All(Enumerable.Range(0, current.Length), c => Assert.Equal(current[c] / 2, model.Spend[c], 9));

        model.ResetToCurrent();
        model.SetSpend(0, current[0] + 1000);
        Assert.Equal(100 * (current.Sum() + 1000) / current.Sum(), model.TotalPercent, 9);
        model.SetSpend(1, -50);
        Assert.Equal(0, model.Spend[1]);
    }

    [Fact]
    public async Task A_scenario_s_view_holds_only_the_channels_moved_and_opens_the_same_plan()
    {
        var planner = await PlannerAsync();
        var model = new ScenarioPageModel(planner, "*", NumberFormat.Default, ScenarioView.Default);
        var channel = model.Channels[0].Channel;
        model.SetSpend(0, 1234.4);
        model.SetPeriod("next_month");

        var query = model.View.ToQuery();

        Assert.Equal("period=next_month&spend=" + Uri.EscapeDataString(channel + ":1234"), query);
        var reopened = new ScenarioPageModel(planner, "*", NumberFormat.Default, ScenarioView.Parse("?" + query));
        Assert.Equal(1234, reopened.Spend[0]);
        Assert.Equal(model.Current.Skip(1), reopened.Spend.Skip(1));
        Assert.Equal("next_month", reopened.PeriodKey);
    }

    [Fact]
    public async Task A_copied_link_opens_its_scenario_and_moving_the_total_rewrites_the_link()
    {
        var planner = await PlannerAsync();
        var baseline = new ScenarioPageModel(planner, "*", NumberFormat.Default, ScenarioView.Default);
        var channel = baseline.Channels[0].Channel;
        OpenAt("/scenarios?spend=" + Uri.EscapeDataString(channel + ":2500"));

        var page = Open<Scenarios>();

        // The total shown is the current plan with that one channel at 2,500 a day.
        var total = baseline.Current.Skip(1).Sum() + 2500;
        var share = (100 * total / baseline.Current.Sum()).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        page.WaitForAssertion(() => Assert.Equal($"{NumberFormat.Default.Whole(total)} ({share}% of current)", page.Find("[data-testid=total-spend]").TextContent.Trim()),
            TimeSpan.FromSeconds(60));

        var slider = page.FindComponents<MudSlider<double>>().First(s => s.Markup.Contains("Total budget", StringComparison.Ordinal));
        await page.InvokeAsync(() => slider.Instance.ValueChanged.InvokeAsync(50));

        var linked = ScenarioView.Parse(CurrentUri.Query);
        Assert.All(baseline.Channels.Select((c, i) => (c.Channel, i)),
            p => Assert.Equal(Math.Round(baseline.Current[p.i] / 2), Math.Round(linked.Spend.GetValueOrDefault(p.Channel, baseline.Current[p.i])), 0));
        Assert.StartsWith(NumberFormat.Default.Whole(baseline.Current.Sum() / 2), page.Find("[data-testid=total-spend]").TextContent.Trim(), StringComparison.Ordinal);
    }
}

using System.Globalization;
using Dashboard.Application.Dashboards;
using Dashboard.Metrics.Catalogue;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// Trends and Regional benchmarks: each choice of the page is a URL, and the page recomputes from it (what the chart
/// panels draw is stubbed: their figures are tested with the page models).
/// </summary>
public sealed class DashboardPagesTests : PageTestContext
{
    public DashboardPagesTests() => ComponentFactories.AddStub<ChartPanel>();

    private static Task Choose<TPage>(IRenderedComponent<TPage> page, string label, string value)
        where TPage : Microsoft.AspNetCore.Components.ComponentBase =>
        page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label).Instance.ValueChanged.InvokeAsync(value));

    [Fact]
    public async Task Trends_focus_on_one_type_and_a_weekly_grain_are_links_and_the_daily_averages_switch_goes_with_the_daily_grain()
    {
        OpenAt("/trends");
        var page = Open<Trends>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=lag-best]")), TimeSpan.FromSeconds(60));
        Assert.NotEmpty(page.FindComponents<MudSwitch<bool>>());

        var name = (await AnalysisAsync()).Snapshot.Reference.Events.Single(e => e.Key == "newsletter_signup").Name;
        var said = $"What consumers said about {name.ToLowerInvariant()}";

        await Choose(page, "Micro-conversions", "event:newsletter_signup");
        Assert.Equal("?focus=event:newsletter_signup", Uri.UnescapeDataString(CurrentUri.Query));
        page.WaitForAssertion(() => Assert.Contains(said, page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        await Choose(page, "Grain", "week");
        Assert.Equal("?grain=week&focus=event:newsletter_signup", Uri.UnescapeDataString(CurrentUri.Query));
        page.WaitForAssertion(() => Assert.Empty(page.FindComponents<MudSwitch<bool>>()), TimeSpan.FromSeconds(60));
        // The focus survives the grain's change: one link holds both.
        Assert.Contains(said, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Benchmarks_rank_by_the_measure_picked_and_a_market_s_link_filters_to_it()
    {
        OpenAt("/benchmarks");
        var page = Open<Benchmarks>();
        const string table = "[aria-label='Markets ranked against the world']";
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"{table} tbody tr")), TimeSpan.FromSeconds(60));
        var other = BenchmarksPageModel.Measures.First(k => k != BenchmarksPageModel.DefaultMeasure);

        await Choose(page, "Measure", other);

        Assert.Equal($"?measure={other}", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Equal(MeasureCatalogue.Find(other)!.Name, page.FindAll($"{table} thead th")[1].TextContent.Trim()), TimeSpan.FromSeconds(60));
        // Ranked: the figures run from the highest down (markets without a figure last).
        var figures = page.FindAll($"{table} tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent.Trim())
            .Where(t => t != "—").Select(t => double.Parse(t.Split(' ')[0].TrimEnd('%'), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
        Assert.True(figures.Count > 3);
        Assert.Equal(figures.OrderByDescending(v => v), figures);

        var first = page.Find($"{table} tbody tr a");
        Assert.Contains("market=", first.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"measure={other}", first.GetAttribute("href"), StringComparison.Ordinal);
    }
}

using Dashboard.Metrics.Query;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Overview through its filter bar: a region pick is a link, and a regional user's link is narrowed to their markets.</summary>
public sealed class OverviewPageTests : PageTestContext
{
    public OverviewPageTests() => ComponentFactories.AddStub<ChartPanel>();

    private static double Figure(IRenderedComponent<Overview> page, string measure) =>
        double.Parse(page.Find($"[data-testid=kpi-{measure}] [data-testid=kpi-value]").TextContent.Trim().Split(' ')[0],
            System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Picking_a_region_puts_it_in_the_URL_names_it_in_the_breadcrumb_and_counts_less()
    {
        OpenAt("/");
        var page = Open<Overview>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-micro_conversions] [data-testid=kpi-value]")), TimeSpan.FromSeconds(60));
        var all = Figure(page, "micro_conversions");

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Region").Instance.SelectedValuesChanged.InvokeAsync(new[] { "emea" }));

        Assert.Equal("?region=emea", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Contains("EMEA", page.Find("[data-testid=breadcrumb]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        page.WaitForAssertion(() => Assert.True(Figure(page, "micro_conversions") < all, $"{Figure(page, "micro_conversions")} in EMEA, {all} everywhere"), TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void A_regional_user_s_link_to_another_market_opens_on_their_own()
    {
        Viewer.Scope = AccessScope.Only(["US"]);
        OpenAt("/?market=DE");

        var page = Open<Overview>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=kpi-micro_conversions] [data-testid=kpi-value]")), TimeSpan.FromSeconds(60));
        Assert.DoesNotContain("Germany", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=breadcrumb]"));
        Assert.Empty(page.FindComponent<FilterBar>().Instance.View.Markets);
        Assert.Equal(["US"], page.FindComponent<FilterBar>().Instance.Options.Markets.Select(m => m.Key));
    }
}

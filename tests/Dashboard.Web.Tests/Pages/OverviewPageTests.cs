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

    /// <summary>
    /// One story: the Overview's media ROI card and the Channels page's incremental total tell the same figure, with the
    /// same band, for the same dates and markets; and the card is the incremental one, not a share of all sales.
    /// </summary>
    [Fact]
    public async Task The_media_ROI_card_is_the_Channels_pages_incremental_total()
    {
        OpenAt("/?region=emea");
        var overview = Open<Overview>();
        overview.WaitForAssertion(() => Assert.NotEmpty(overview.FindAll("[data-testid=kpi-incremental_roi] [data-testid=kpi-band]")), TimeSpan.FromSeconds(120));
        var card = overview.Find("[data-testid=kpi-incremental_roi]").TextContent;
        Assert.Empty(overview.FindAll("[data-testid=kpi-roi]"));

        // The Channels page in a browser tab of its own, over the same snapshot.
        await using var tab = new ChannelsTab();
        var channels = tab.At("/channels?region=emea");
        channels.WaitForAssertion(() => Assert.NotEmpty(channels.FindAll("[data-testid=incremental-total]")), TimeSpan.FromSeconds(120));
        var roi = channels.FindAll("[data-testid=incremental-total] td")[4];
        var (value, band) = (roi.ChildNodes[0].TextContent.Trim(), roi.QuerySelector(".kpi-sub")!.TextContent.Trim());
        Assert.Contains(value, card, StringComparison.Ordinal);
        Assert.Contains(band, card, StringComparison.Ordinal);
    }

    private sealed class ChannelsTab : PageTestContext
    {
        public ChannelsTab() => ComponentFactories.AddStub<ChartPanel>();

        public IRenderedComponent<Channels> At(string uri)
        {
            OpenAt(uri);
            return Open<Channels>();
        }
    }
}

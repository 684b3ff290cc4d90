using System.Globalization;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Micro-conversion value page: the period of its engagement tables lives in the URL, and a pick recounts them.</summary>
public sealed class ValuePageTests : PageTestContext
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_copied_link_opens_the_period_it_names()
    {
        var last = (await AnalysisAsync()).Snapshot.LastDay!.Value;
        OpenAt("/value?days=28");

        var page = Open<MicroConversionValue>();

        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-27))} – {Day(last)}", page.Find("[data-testid=value-campaigns-title]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        Assert.Equal("Last 28 days", page.Find("[data-testid=value-period][role=combobox]").TextContent.Trim());
    }

    [Fact]
    public async Task Picking_a_period_puts_it_in_the_URL_and_recounts_each_campaign()
    {
        var last = (await AnalysisAsync()).Snapshot.LastDay!.Value;
        OpenAt("/value");
        var page = Open<MicroConversionValue>();
        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-90))} – {Day(last)}", page.Find("[data-testid=value-campaigns-title]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var thirteenWeeks = Actions(page);
        var typesBefore = page.Find("[aria-label='Value per micro-conversion type']").TextContent;

        await page.InvokeAsync(() => page.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(364));

        Assert.Equal("?days=364", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-363))} – {Day(last)}", page.Find("[data-testid=value-campaigns-title]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(60));
        var year = Actions(page);
        // A year holds the thirteen weeks: a campaign listed in both has at least as many actions in the year.
        var both = thirteenWeeks.Keys.Intersect(year.Keys).ToList();
        Assert.NotEmpty(both);
        Assert.All(both, c => Assert.True(year[c] >= thirteenWeeks[c], $"{c}: {year[c]} actions in 52 weeks, {thirteenWeeks[c]} in 13"));
        Assert.Contains(both, c => year[c] > thirteenWeeks[c]);
        // The values per action are the valuation's, fitted on the whole history: the period does not move them.
        Assert.Equal(typesBefore, page.Find("[aria-label='Value per micro-conversion type']").TextContent);
    }

    /// <summary>
    /// One story: the page's "what each channel's spend added" table is the Channels page's for the same dates, figure
    /// for figure, band for band (both read the scope's one media model).
    /// </summary>
    [Fact]
    public async Task The_incremental_table_is_the_Channels_pages_for_the_same_dates()
    {
        var last = (await AnalysisAsync()).Snapshot.LastDay!.Value;
        OpenAt("/value?days=28");
        var page = Open<MicroConversionValue>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=incremental-total]")), TimeSpan.FromSeconds(120));
        var value = Rows(page.Find("[data-testid=incremental-panel]"));
        Assert.Contains($"{Day(last.AddDays(-27))} – {Day(last)}", page.Find("[data-testid=incremental-panel]").TextContent, StringComparison.Ordinal);

        await using var tab = new ChannelsTab();
        var channels = tab.At($"/channels?period=custom&from={Day(last.AddDays(-27))}&to={Day(last)}");
        channels.WaitForAssertion(() => Assert.NotEmpty(channels.FindAll("[data-testid=incremental-total]")), TimeSpan.FromSeconds(120));

        Assert.True(value.Count >= 3, $"{value.Count} rows");
        Assert.Equal(Rows(channels.Find("[data-testid=incremental-panel]")), value);
    }

    private static List<string> Rows(AngleSharp.Dom.IElement panel) =>
        [.. panel.QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(d => d.TextContent.Trim())))];

    private sealed class ChannelsTab : PageTestContext
    {
        public ChannelsTab() => ComponentFactories.AddStub<ChartPanel>();

        public IRenderedComponent<Channels> At(string uri)
        {
            OpenAt(uri);
            return Open<Channels>();
        }
    }

    private static Dictionary<string, double> Actions(IRenderedComponent<MicroConversionValue> page) =>
        page.FindAll("[data-testid=value-campaigns] tbody tr").ToDictionary(
            r => r.QuerySelectorAll("td")[0].TextContent,
            r => double.Parse(r.QuerySelectorAll("td")[2].TextContent, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture));
}

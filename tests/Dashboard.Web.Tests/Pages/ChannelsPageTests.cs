using System.Globalization;
using Dashboard.Application.Dashboards;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The Channels page: the attribution model lives in the URL, and a pick shares the same sales out differently: each
/// channel's attributed revenue moves, its spend does not, and the channels' total stays the sales they share.
/// </summary>
public sealed class ChannelsPageTests : PageTestContext
{
    public ChannelsPageTests()
    {
        // The chart panels draw with Plotly and record image downloads (their own tests cover them); the channel table is the page's.
        ComponentFactories.AddStub<ChartPanel>();
    }

    private static Dictionary<string, (double Spend, double Attributed)> Table(IRenderedComponent<Channels> page)
    {
        var headers = page.FindAll("[aria-label='Channels under the chosen attribution model'] thead th").Select(h => h.TextContent.Trim()).ToList();
        var (spend, attributed) = (headers.IndexOf("Spend"), headers.IndexOf("Attributed revenue"));
        return page.FindAll("[aria-label='Channels under the chosen attribution model'] tbody tr").ToDictionary(
            r => r.QuerySelectorAll("td")[0].TextContent.Trim(),
            r => (Money(r.QuerySelectorAll("td")[spend].TextContent), Money(r.QuerySelectorAll("td")[attributed].TextContent)));
    }

    /// <summary>The first figure of a cell ("1,234 USD" above its change).</summary>
    private static double Money(string cell) =>
        double.Parse(cell.Trim().Split(' ', '\n')[0], NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Picking_a_model_puts_it_in_the_URL_and_shares_the_same_sales_out_differently()
    {
        OpenAt("/channels");
        var page = Open<Channels>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[aria-label='Channels under the chosen attribution model'] tbody tr")), TimeSpan.FromSeconds(60));
        var before = Table(page);
        var other = ChannelsPageModel.Models.First(m => m.Key != ChannelsPageModel.DefaultModel);

        await page.InvokeAsync(() => page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Attribution model").Instance.ValueChanged.InvokeAsync(other.Key));

        Assert.Equal($"?model={other.Key}", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Contains($"by the {other.Name} model's credit", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        var after = Table(page);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before.Keys, c => Assert.Equal(before[c].Spend, after[c].Spend));
        Assert.Contains(before.Keys, c => Math.Abs(before[c].Attributed - after[c].Attributed) > 1);
        // Both models share out the same sales: the totals agree to the table's rounding (a whole unit per channel).
        Assert.InRange(Math.Abs(before.Values.Sum(v => v.Attributed) - after.Values.Sum(v => v.Attributed)), 0, before.Count);
    }

    [Fact]
    public void A_copied_link_opens_the_model_and_chart_it_names()
    {
        var other = ChannelsPageModel.Models.Last(m => m.Key != ChannelsPageModel.DefaultModel);
        OpenAt($"/channels?model={other.Key}&measure=spend");

        var page = Open<Channels>();

        page.WaitForAssertion(() => Assert.Contains($"by the {other.Name} model's credit", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(other.Name, page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Attribution model").Find("[role=combobox]").TextContent.Trim());
        Assert.Equal("Spend", page.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == "Chart").Find("[role=combobox]").TextContent.Trim());
    }
}

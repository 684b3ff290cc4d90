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

    /// <summary>
    /// The incremental panel fills in once the media model is fitted: each channel's spend is the engine's spend in the
    /// attributed table above (two paths to the same money), its ROAS is its incremental revenue over that spend, its
    /// band holds its value, and the total's revenue is the channels' sum.
    /// </summary>
    [Fact]
    public void The_incremental_panel_shows_what_each_channel_added_over_the_spend_the_engine_counts()
    {
        OpenAt("/channels");
        var page = Open<Channels>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=incremental-row]")), TimeSpan.FromSeconds(120));
        var attributed = Table(page);
        var rows = page.FindAll("[data-testid=incremental-row]").Select(Cells).ToList();
        Assert.True(rows.Count >= 4, $"{rows.Count} channels with incremental figures");
        foreach (var (name, figures) in rows)
        {
            var (spend, revenue, low, high, roas) = (figures[0], figures[1], figures[2], figures[3], figures[4]);
            Assert.InRange(spend, attributed[name].Spend - 1, attributed[name].Spend + 1);
            Assert.InRange(revenue, low, high);
            Assert.Equal(revenue / spend, roas, 0.006);
        }

        var total = Cells(page.Find("[data-testid=incremental-total]")).Figures;
        Assert.InRange(total[1], rows.Sum(r => r.Figures[1]) - rows.Count, rows.Sum(r => r.Figures[1]) + rows.Count);
        Assert.Contains("Attributed ROAS", page.Markup, StringComparison.Ordinal);
    }

    /// <summary>A row's name and its figures in order (each band's ends after its value).</summary>
    private static (string Name, List<double> Figures) Cells(AngleSharp.Dom.IElement row)
    {
        var cells = row.QuerySelectorAll("td");
        static double Number(string x) => double.Parse(x.Trim(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var figures = new List<double>();
        foreach (var cell in cells.Skip(1))
        {
            figures.Add(Number(cell.ChildNodes[0].TextContent));
            if (cell.QuerySelector(".kpi-sub") is { } band)
            {
                figures.AddRange(band.TextContent.Split('–').Select(Number));
            }
        }

        return (cells[0].TextContent.Trim(), figures);
    }
}

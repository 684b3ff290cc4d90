using System.Globalization;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Attribution models page: its period lives in the URL, and a pick recomputes every model's credit.</summary>
public sealed class AttributionModelsPageTests : PageTestContext
{
    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_copied_link_opens_the_period_it_names()
    {
        var last = (await AnalysisAsync()).Snapshot.LastDay!.Value;
        OpenAt("/attribution?days=28");

        var page = Open<AttributionModels>();

        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-27))} – {Day(last)}", page.Find("[data-testid=attribution-range]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        // The period select shows the linked period, not the default.
        Assert.Equal("Last 28 days", page.Find("[data-testid=attribution-period][role=combobox]").TextContent.Trim());
    }

    [Fact]
    public async Task Picking_a_period_puts_it_in_the_URL_and_recounts_the_conversions()
    {
        var last = (await AnalysisAsync()).Snapshot.LastDay!.Value;
        OpenAt("/attribution");
        var page = Open<AttributionModels>();
        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-90))} – {Day(last)}", page.Find("[data-testid=attribution-range]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        var thirteenWeeks = Conversions(page);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<int>>().Instance.ValueChanged.InvokeAsync(364));

        Assert.Equal("?days=364", CurrentUri.Query);
        page.WaitForAssertion(() => Assert.Contains($"{Day(last.AddDays(-363))} – {Day(last)}", page.Find("[data-testid=attribution-range]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        // A year holds the thirteen weeks and more: more conversions are shared out, by every model alike.
        Assert.True(Conversions(page) > thirteenWeeks, $"{Conversions(page)} conversions over 52 weeks, {thirteenWeeks} over 13");
        var rows = page.FindAll("tbody tr");
        Assert.NotEmpty(rows);
        var perModel = Enumerable.Range(1, rows[0].QuerySelectorAll("td").Length - 2)
            .Select(col => rows.Sum(r => double.Parse(r.QuerySelectorAll("td")[col].TextContent, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture)));
        // Every model shares out the same conversions (to the table's rounding of 0.1 a channel).
        Assert.All(perModel, sum => Assert.Equal(Conversions(page), sum, rows.Count * 0.05 + 1e-9));
    }

    private static int Conversions(IRenderedComponent<AttributionModels> page) =>
        int.Parse(page.Find("[data-testid=attribution-totals]").TextContent.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
}

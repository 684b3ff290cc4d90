using Dashboard.Application.Admin;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Rows page opens from a finding's link: the rows of that kind, market and day, and a clear refusal otherwise.</summary>
public sealed class RowsPageTests : DatabasePageTestContext
{
    private IRenderedComponent<DataRows> OpenLink(string link)
    {
        Services.AddSingleton(new RowsService(Database.Factory()));
        OpenAt(link);
        return Open<DataRows>();
    }

    [Fact]
    public async Task A_finding_s_link_shows_the_rows_of_its_market_and_day()
    {
        var expected = await Database.CountAsync(
            "SELECT COUNT(*) FROM spend s JOIN markets m ON m.id = s.market_id WHERE s.date = '2026-06-01' AND s.superseded_by IS NULL AND m.code = 'DE'");
        Assert.True(expected > 0);

        var page = OpenLink("/data/rows?kind=spend&market=DE&date=2026-06-01");

        page.WaitForAssertion(() => Assert.StartsWith($"{expected} row(s)", page.Find("[data-testid=row-count]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal((int)expected, page.FindAll("[data-testid=rows] tbody tr").Count);
        Assert.Contains("where market = DE, date = 2026-06-01", page.Markup, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/rows?kind=nothing", "'nothing' has no row view.")]
    [InlineData("/data/rows?kind=spend&colour=red", "'colour' is not a column of spend")]
    public void A_link_the_page_cannot_read_says_why(string link, string message)
    {
        var page = OpenLink(link);

        page.WaitForAssertion(() => Assert.Contains(message, page.Find(".mud-alert").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Empty(page.FindAll("[data-testid=rows]"));
    }
}

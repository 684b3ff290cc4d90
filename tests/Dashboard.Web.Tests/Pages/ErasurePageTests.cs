using Dashboard.Application.Admin;
using Dashboard.Application.Analysis;

namespace Dashboard.Web.Tests.Pages;

/// <summary>The Erasure page on its own copy of the seeded database: erase asks once more, then removes every row of the id.</summary>
public sealed class ErasurePageTests : DatabasePageTestContext
{
    private IRenderedComponent<ErasurePage> RenderPage()
    {
        var factory = Database.Factory();
        Services.AddSingleton(new ErasureService(factory, new MetricsSnapshotStore(factory), TimeProvider.System));
        return Open<ErasurePage>();
    }

    [Fact]
    public async Task Erasing_a_journey_asks_first_then_removes_all_its_rows_and_says_how_many()
    {
        var id = await Database.TextAsync("SELECT journey_id FROM journeys ORDER BY id LIMIT 1");
        var rows = await Database.CountAsync($"SELECT COUNT(*) FROM journeys WHERE journey_id = '{id}'");
        Assert.True(rows > 0);
        var page = RenderPage();

        page.Find("input[type=text]").Input(id);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Erase").Click();
        // Nothing is gone until the second, explicit click.
        Assert.Equal(rows, await Database.CountAsync($"SELECT COUNT(*) FROM journeys WHERE journey_id = '{id}'"));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Erase for good").Click();

        page.WaitForAssertion(() => Assert.Contains(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=erasure-result]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(30));
        Assert.Equal(0, await Database.CountAsync($"SELECT COUNT(*) FROM journeys WHERE journey_id = '{id}'"));
        Assert.Equal(1, await Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'personal_data_erased' AND actor = 'tester@demo.local'"));
    }

    [Fact]
    public async Task An_unknown_id_erases_nothing_and_says_so()
    {
        var before = await Database.CountAsync("SELECT COUNT(*) FROM journeys");
        var page = RenderPage();

        page.Find("input[type=text]").Input("no-such-journey");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Erase").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Erase for good").Click();

        page.WaitForAssertion(() => Assert.Contains("nothing was erased", page.Find("[data-testid=erasure-result]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Equal(before, await Database.CountAsync("SELECT COUNT(*) FROM journeys"));
    }
}

using System.Globalization;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// The overview in Chromium: its headline figure matches SQLite's own sum, the filter bar narrows it and writes the
/// view into the URL, the URL reproduces the view in a fresh browser, and back returns to the previous view.
/// </summary>
public sealed class OverviewPageTests
{
    private static async Task<string> MicroConversionsAsync(AppFactory app, DateOnly from, DateOnly to, string? market = null)
    {
        var sum = await app.Database.CountAsync(
            "SELECT SUM(mc.count) FROM micro_conversions mc JOIN markets m ON m.id = mc.market_id WHERE mc.superseded_by IS NULL "
            + $"AND mc.date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'" + (market is null ? "" : $" AND m.code = '{market}'"));
        return sum.ToString("#,0", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_headline_matches_SQLite_the_market_filter_lives_in_the_URL_and_back_undoes_it()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local");
        await Expect(page.Locator("#overview-trend .main-svg").First).ToBeVisibleAsync();

        // The default view: the 28 days ending on the last date with data, every market.
        var to = SeededTemplate.EndDate;
        var from = to.AddDays(-27);
        var headline = page.GetByTestId("kpi-micro_conversions").GetByTestId("kpi-value");
        await Expect(headline).ToHaveAttributeAsync("title", await MicroConversionsAsync(app, from, to));
        await Expect(page.GetByTestId("filter-summary")).ToContainTextAsync($"{from:yyyy-MM-dd} – {to:yyyy-MM-dd}");
        await Expect(page.GetByTestId("narrative")).ToBeVisibleAsync();
        var movers = page.Locator("[aria-label='Top movers'] table tbody tr, table[aria-label='Top movers'] tbody tr");
        await Expect(movers.First).ToBeVisibleAsync();
        Assert.InRange(await movers.CountAsync(), 1, 5);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("overview.png"), FullPage = true });

        // A multi-select stays open after a choice; a click on the page's heading (outside it) closes it. Escape was
        // lost when the choice re-rendered the page, and the open list then covered the next button.
        var heading = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).BoundingBoxAsync();
        await page.GetByLabel("Market").ClickAsync();
        var germanyOption = page.GetByRole(AriaRole.Option, new() { Name = "Germany (DE)" });
        await germanyOption.ClickAsync();
        await page.Mouse.ClickAsync(heading!.X + 10, heading.Y + (heading.Height / 2));
        await Expect(germanyOption).ToBeHiddenAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "?market=DE").ToString());
        var germany = await MicroConversionsAsync(app, from, to, "DE");
        await Expect(headline).ToHaveAttributeAsync("title", germany);

        // The link reproduces the view in a fresh browser.
        var fresh = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await BrowserSession.SignInAsync(fresh, app.RootUri, "director@demo.local", "?market=DE");
        await Expect(fresh.GetByTestId("kpi-micro_conversions").GetByTestId("kpi-value")).ToHaveAttributeAsync("title", germany);
        await Expect(fresh.Locator("#overview-trend .main-svg").First).ToBeVisibleAsync();
        await fresh.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("overview-de-1920.png"), FullPage = true });

        // Save the Germany view, go back to the default, reopen it from the menu.
        await page.GetByRole(AriaRole.Button, new() { Name = "Save view" }).ClickAsync();
        await page.GetByLabel("Name this view").FillAsync("Germany, last 4 weeks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByText("Saved \"Germany, last 4 weeks\"")).ToBeVisibleAsync();

        await page.GoBackAsync();
        await Expect(headline).ToHaveAttributeAsync("title", await MicroConversionsAsync(app, from, to));
        // The menu names its count: it opens once the saved view is listed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Saved views (1)" }).ClickAsync();
        var saved = page.GetByRole(AriaRole.Menuitem).Filter(new() { HasTextString = "Germany, last 4 weeks" });
        await Expect(saved).ToBeVisibleAsync();
        await saved.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "?market=DE").ToString());
        await Expect(headline).ToHaveAttributeAsync("title", germany);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

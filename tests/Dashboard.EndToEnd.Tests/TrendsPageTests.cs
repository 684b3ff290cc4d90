using System.Globalization;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Trends in Chromium: a day's actions match SQLite, the followed type and the grain live in the URL, the lag chart says what it is.</summary>
public sealed class TrendsPageTests
{
    private static async Task<string> ActionsAsync(AppFactory app, DateOnly day, string? eventKey = null)
    {
        var sum = await app.Database.CountAsync(
            "SELECT SUM(mc.count) FROM micro_conversions mc JOIN definitions d ON d.id = mc.definition_id WHERE mc.superseded_by IS NULL "
            + $"AND mc.date = '{day:yyyy-MM-dd}'" + (eventKey is null ? "" : $" AND d.key = '{eventKey}'"));
        return sum.ToString("#,0", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_day_matches_SQLite_and_the_followed_type_and_grain_drive_the_URL()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "trends");
        await Expect(page.Locator("#trend .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#lag-correlation .main-svg").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("lag-best")).ToContainTextAsync("correlation, not cause");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("trends.png"), FullPage = true });

        var first = SeededTemplate.EndDate.AddDays(-27);
        await page.GetByText("Show as table").First.ClickAsync();
        var table = page.Locator("[aria-label='Micro-conversions and revenue over time'] table, table[aria-label='Micro-conversions and revenue over time']").First;
        await Expect(table.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(table.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync(await ActionsAsync(app, first));

        await page.GetByLabel("Micro-conversions", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Newsletter sign-up", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "trends?focus=event%3Anewsletter_signup").ToString());
        await Expect(table.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync(await ActionsAsync(app, first, "newsletter_signup"));

        await page.GetByLabel("Grain", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Week", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "trends?grain=week&focus=event%3Anewsletter_signup").ToString());
        await Expect(table.Locator("tbody tr").First.Locator("td").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d{4}-W\\d{2}$"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

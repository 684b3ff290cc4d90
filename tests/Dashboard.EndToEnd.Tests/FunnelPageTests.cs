using System.Globalization;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Funnel and intent in Chromium: the funnel's first and last stages are SQLite's own sums; every chart draws and has a table view.</summary>
public sealed class FunnelPageTests
{
    [Fact]
    public async Task The_funnel_runs_from_SQLite_s_sessions_to_its_orders_and_the_intent_flows_draw()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "funnel");
        foreach (var chart in new[] { "funnel", "intent-flows", "intent-categories" })
        {
            await Expect(page.Locator($"#{chart} .main-svg").First).ToBeVisibleAsync();
        }

        await Expect(page.GetByTestId("true-rate-explained")).ToContainTextAsync("showed no purchase intent");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("funnel.png"), FullPage = true });

        var to = SeededTemplate.EndDate;
        var range = $"date BETWEEN '{to.AddDays(-27):yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";
        var sessions = await app.Database.CountAsync($"SELECT SUM(sessions) FROM traffic WHERE superseded_by IS NULL AND {range}");
        var orders = await app.Database.CountAsync($"SELECT SUM(orders) FROM sales WHERE superseded_by IS NULL AND {range}");

        await page.GetByText("Show as table").First.ClickAsync();
        var stages = page.Locator("[aria-label='Funnel stages'] table, table[aria-label='Funnel stages']").First;
        await Expect(stages.Locator("tbody tr").First.Locator("td").Nth(1)).ToHaveTextAsync(sessions.ToString("#,0", CultureInfo.InvariantCulture));
        await Expect(stages.Locator("tbody tr").Last.Locator("td").Nth(1)).ToHaveTextAsync(orders.ToString("#,0", CultureInfo.InvariantCulture));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

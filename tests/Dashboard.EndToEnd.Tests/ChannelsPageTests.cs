using System.Globalization;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Channel effectiveness in Chromium: a channel's micro-conversions match SQLite's own sum, the attribution model and
/// the charted measure live in the URL, and switching the model re-credits revenue.
/// </summary>
public sealed class ChannelsPageTests
{
    private static ILocator Row(IPage page, string channel) =>
        page.Locator("[aria-label='Channels under the chosen attribution model'] table tbody tr").Filter(new() { Has = page.Locator("td", new() { HasTextString = channel }) }).First;

    [Fact]
    public async Task A_channel_s_actions_match_SQLite_and_the_model_and_measure_pickers_drive_the_URL()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "channels");
        await Expect(page.Locator("#channel-measure .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#channel-matrix .main-svg").First).ToBeVisibleAsync();

        var to = SeededTemplate.EndDate;
        var from = to.AddDays(-27);
        var socialActions = await app.Database.CountAsync(
            "SELECT SUM(mc.count) FROM micro_conversions mc JOIN channels c ON c.id = mc.channel_id WHERE mc.superseded_by IS NULL "
            + $"AND c.key = 'paid_social' AND mc.date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'");
        var social = Row(page, "Paid social");
        await Expect(social.Locator("td").Nth(2)).ToContainTextAsync(socialActions.ToString("#,0", CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("channels.png"), FullPage = true });

        // Markov is the default; Shapley shares the same revenue otherwise.
        var markovRevenue = await social.Locator("td").Nth(4).InnerTextAsync();
        await page.GetByLabel("Attribution model", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Shapley value" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "channels?model=shapley").ToString());
        await Expect(social.Locator("td").Nth(4)).Not.ToHaveTextAsync(markovRevenue);

        await page.GetByLabel("Chart", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Spend" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "channels?measure=spend&model=shapley").ToString());
        var rows = await page.Locator("[aria-label='Channels under the chosen attribution model'] table tbody tr").CountAsync();
        await page.WaitForFunctionAsync($"() => document.getElementById('channel-measure')?.data?.[0]?.x?.length === {rows}");

        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "channels?model=shapley").ToString());

        // Cross-filter: clicking a channel's bar filters the page (every chart and the table) to that channel.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#channel-measure .bars .point').length > 0");
        var bar = await page.Locator("#channel-measure .bars .point").First.BoundingBoxAsync();
        await page.Mouse.ClickAsync(bar!.X + (bar.Width / 2), bar.Y + (bar.Height / 2));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("channel=[a-z_]+"));
        await Expect(page.Locator("[aria-label='Channels under the chosen attribution model'] table tbody tr")).ToHaveCountAsync(1);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

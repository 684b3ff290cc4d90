using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>The data pages an admin works in: definitions and aliases, data quality with the rows behind a finding, erasure.</summary>
public sealed class DataPagesTests
{
    [Fact]
    public async Task An_admin_regroups_a_definition_adds_an_alias_follows_a_finding_to_its_rows_and_erases_that_journey()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local", "data/definitions");

        var coupon = page.Locator("tr[data-definition='coupon_download']");
        await coupon.GetByRole(AriaRole.Button, new() { Name = "Edit coupon_download" }).ClickAsync();
        await BrowserSession.ChooseAsync(page, "Category", "digital_engagement");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("definitions-message")).ToContainTextAsync("Saved coupon_download", new() { Timeout = BrowserSession.ReloadTimeout });
        await Expect(coupon).ToContainTextAsync("digital engagement");
        Assert.Equal("digital_engagement", await app.Database.ScalarTextAsync("SELECT category FROM definitions WHERE key = 'coupon_download'"));

        await BrowserSession.ChooseAsync(page, "Alias market", "PL");
        await page.GetByLabel("Local event name").FillAsync("zapis_newsletter");
        await BrowserSession.ChooseAsync(page, "Maps to", "newsletter_signup");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add alias" }).ClickAsync();
        await Expect(page.GetByTestId("definitions-message")).ToContainTextAsync("PL's \"zapis_newsletter\" now imports as newsletter_signup");
        await Expect(page.Locator("tr[data-definition='newsletter_signup']")).ToContainTextAsync("PL: zapis_newsletter");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("definitions.png"), FullPage = true });

        // The seeded data plants journeys that two markets report: follow one to its rows.
        await page.GotoAsync(new Uri(app.RootUri, "data/quality").ToString());
        await BrowserSession.WaitForCircuitAsync(page);
        var first = page.GetByTestId("cross-market-journeys").Locator("a").First;
        var journey = (await first.TextContentAsync())!.Trim();
        await first.ClickAsync();
        await Expect(page.GetByTestId("row-count")).ToContainTextAsync("row(s)");
        var markets = await page.GetByTestId("rows").Locator("tbody tr td:nth-child(2)").AllTextContentsAsync();
        Assert.True(markets.Distinct().Count() >= 2, string.Join(", ", markets));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("finding-rows.png"), FullPage = true });

        await page.GotoAsync(new Uri(app.RootUri, "data/erasure").ToString());
        await BrowserSession.WaitForCircuitAsync(page);
        await page.GetByLabel("Journey id to erase").FillAsync(journey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();
        await Expect(page.GetByTestId("erasure-result")).ToContainTextAsync($"Erased one journey: {markets.Count} row(s) in", new() { Timeout = BrowserSession.ReloadTimeout });
        Assert.Equal(0, await app.Database.CountAsync($"SELECT COUNT(*) FROM journeys WHERE journey_id = '{journey}'"));

        await page.GotoAsync(new Uri(app.RootUri, "data/quality").ToString());
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("cross-market-journeys")).Not.ToContainTextAsync(journey);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("data-quality.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Trends_shows_what_surveyed_consumers_said_about_the_micro_conversion_in_focus()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "trends?focus=event:coupon_download");

        var answers = page.GetByTestId("survey-answers");
        await Expect(answers).ToContainTextAsync("What consumers said about coupon download");
        await Expect(answers.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(answers.Locator("tbody tr")).ToContainTextAsync("Coupon download");
    }
}

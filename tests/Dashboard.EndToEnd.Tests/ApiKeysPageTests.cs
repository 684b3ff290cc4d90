using System.Net;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>An admin creates an API key on its page, the key opens the API, and revoking it on the page closes it.</summary>
public sealed class ApiKeysPageTests
{
    [Fact]
    public async Task A_key_made_on_the_page_opens_the_API_until_it_is_revoked_there()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local", "admin/api-keys");

        await page.GetByLabel("Key name").FillAsync("Nightly export");
        await page.GetByLabel("Key markets and regions").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "United States (US)" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = (await page.GetByTestId("new-api-key").TextContentAsync())!.Trim();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("api-keys.png"), FullPage = true });

        using var client = new HttpClient { BaseAddress = app.RootUri };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var open = await client.GetAsync("/api/journeys", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Nightly export" }).ClickAsync();
        await Expect(page.Locator("tbody tr", new() { HasText = "Nightly export" })).ToContainTextAsync("revoked");
        using var closed = await client.GetAsync("/api/journeys", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, closed.StatusCode);
    }
}

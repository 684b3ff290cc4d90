using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Signing in and out in a real Chromium, and what a regional user's menu offers.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task A_regional_user_signs_in_sees_their_name_and_no_data_admin_pages_then_signs_out()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });

        await page.GotoAsync(new Uri(app.RootUri, "experiments").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.Locator("#email").FillAsync("us@demo.local");
        await page.Locator("#password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The e-mail or the password is not right.");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("sign-in.png") });

        await page.Locator("#password").FillAsync(Dashboard.Data.Access.DemoUsers.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "experiments").ToString());
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Uma US");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Experiments", Exact = true })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Import", Exact = true })).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await page.GotoAsync(new Uri(app.RootUri, "attribution").ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}

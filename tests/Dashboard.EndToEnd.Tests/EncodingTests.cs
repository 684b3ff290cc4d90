using Dashboard.Cli;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Text people type (a user's name) shows as text: markup in it never runs in the browser.</summary>
public sealed class EncodingTests
{
    private const string Hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>";

    [Fact]
    public async Task A_user_named_with_markup_is_shown_as_text_in_the_app_bar_and_the_users_table()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using (var stdout = new StringWriter())
        using (var stderr = new StringWriter())
        {
            var exit = await CliApp.RunAsync(["users", "add", "--email", "mallory@example.com", "--role", "admin", "--name", Hostile,
                "--password", "Mallory-test-2026!", "--db", app.Database.Path], stdout, stderr, TimeProvider.System);
            Assert.True(exit == 0, stderr.ToString());
        }

        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };

        await page.GotoAsync(new Uri(app.RootUri, "account/sign-in?returnUrl=%2Fadmin%2Fusers").ToString());
        await page.Locator("#email").FillAsync("mallory@example.com");
        await page.Locator("#password").FillAsync("Mallory-test-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSession.WaitForCircuitAsync(page);

        await Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync(Hostile);
        await Expect(page.Locator("td", new() { HasText = Hostile })).ToHaveCountAsync(1);
        Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
        Assert.Equal(0, dialogs);
    }
}

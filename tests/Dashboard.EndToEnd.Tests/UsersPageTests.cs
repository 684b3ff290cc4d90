using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>An admin adds a regional user on the Users page; that user can sign in and sees only their markets.</summary>
public sealed class UsersPageTests
{
    [Fact]
    public async Task An_admin_adds_a_regional_user_who_then_signs_in_with_only_their_region()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local", "admin/users");

        var users = page.Locator("[aria-label='Users'] table, table[aria-label='Users']").First;
        await Expect(users.Locator("tbody tr")).ToHaveCountAsync(5);
        await page.GetByLabel("E-mail").FillAsync("lena.latam@example.com");
        await page.GetByLabel("Name").FillAsync("Lena LatAm");
        await page.GetByLabel("Initial password").FillAsync("Latam-lead-2026!");
        await page.GetByLabel("Markets and regions (for regional users and viewers)").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Brazil (BR)" }).ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(users.Locator("tbody tr")).ToHaveCountAsync(6);
        await Expect(users.Locator("tbody tr", new() { HasText = "lena.latam@example.com" })).ToContainTextAsync("market:BR");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("users.png"), FullPage = true });

        // A weak password is refused with Identity's reason and adds nobody.
        await page.GetByLabel("E-mail").FillAsync("weak@example.com");
        await page.GetByLabel("Initial password").FillAsync("weak");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByText("Passwords must be at least 12 characters.")).ToBeVisibleAsync();
        await Expect(users.Locator("tbody tr")).ToHaveCountAsync(6);

        var other = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await other.GotoAsync(new Uri(app.RootUri, "account/sign-in").ToString());
        await other.Locator("#email").FillAsync("lena.latam@example.com");
        await other.Locator("#password").FillAsync("Latam-lead-2026!");
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSession.WaitForCircuitAsync(other);
        await Expect(other.GetByTestId("signed-in-user")).ToHaveTextAsync("Lena LatAm");
        // Her overview counts Brazil's micro-conversions alone (SQLite's own sum), and offers no market to pick.
        var to = SeededTemplate.EndDate;
        var brazil = await app.Database.CountAsync(
            "SELECT SUM(mc.count) FROM micro_conversions mc JOIN markets m ON m.id = mc.market_id WHERE mc.superseded_by IS NULL "
            + $"AND m.code = 'BR' AND mc.date BETWEEN '{to.AddDays(-27):yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'");
        await Expect(other.GetByTestId("kpi-micro_conversions").GetByTestId("kpi-value"))
            .ToHaveAttributeAsync("title", brazil.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
        await Expect(other.GetByLabel("Market")).ToHaveCountAsync(0);
    }
}

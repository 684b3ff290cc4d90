using Dashboard.Web.TestHost;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>When the server goes away, the app's own reconnect dialog says so (in the app's style, under the CSP).</summary>
public sealed class ReconnectTests
{
    [Fact]
    public async Task When_the_server_stops_the_reconnect_dialog_opens_and_says_what_happens()
    {
        var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local");
        var dialog = page.Locator("#components-reconnect-modal");
        await Expect(dialog).Not.ToBeVisibleAsync();

        await app.DisposeAsync();

        // The browser notices at once when the socket closes, and at the latest after SignalR's server timeout (30 s
        // without a message) when a stopping server leaves it open: the dialog must be up within that bound.
        await Expect(dialog).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Expect(dialog.Locator("p:visible").First).ToContainTextAsync("connect");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("reconnect.png") });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>A user's reporting currency and number format apply to the pages' figures and follow them to a new browser.</summary>
public sealed class PreferencesTests
{
    [Fact]
    public async Task A_viewer_picks_euros_and_german_figures_and_finds_them_again_after_signing_in_elsewhere()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "viewer@demo.local", "account/preferences");

        await BrowserSession.ChooseAsync(page, "Reporting currency", "EUR");
        await BrowserSession.ChooseAsync(page, "Number format", "1.234.567,89");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save preferences" }).ClickAsync();
        await Expect(page.GetByText("Saved: money in EUR")).ToBeVisibleAsync();

        // The valuation pools every market, so the viewer's page shows the all-market valuation a director's API call
        // fits in euros; written by hand with '.' between thousands.
        using var http = await app.SignedInClientAsync("director@demo.local");
        var euros = await http.GetFromJsonAsync<JsonElement>("api/valuation?currency=EUR", TestContext.Current.CancellationToken);
        var expected = Math.Round(euros.GetProperty("engagement_value").GetDouble()).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.') + " EUR";

        await page.GotoAsync(new Uri(app.RootUri, "value").ToString());
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("engagement-total")).ToHaveTextAsync(expected);
        await Expect(page.Locator("#event-values .main-svg").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Download CSV:")).ToHaveCountAsync(0); // viewers read on screen only
        Assert.Equal(",.", await page.EvaluateAsync<string>("() => document.getElementById('event-values').layout.separators"));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("value-eur-de.png"), FullPage = true });

        // Another browser, same account: the preferences live on the server.
        var elsewhere = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        await BrowserSession.SignInAsync(elsewhere, app.RootUri, "viewer@demo.local", "value");
        await Expect(elsewhere.GetByTestId("engagement-total")).ToHaveTextAsync(expected);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

using Dashboard.Web.Shell;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>The app shell in a real Chromium: navigation to every page and the dark-mode toggle.</summary>
public sealed class ShellTests
{
    [Fact]
    public async Task The_navigation_reaches_every_page_and_dark_mode_toggles_and_is_remembered()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local");

        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" });
        foreach (var target in AppPages.All)
        {
            await nav.GetByRole(AriaRole.Link, new() { Name = target.Title, Exact = true }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, target.Href).ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(target.Title);
        }

        // The definitions page lists the standard definitions from the database.
        await nav.GetByRole(AriaRole.Link, new() { Name = "Definitions", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("definitions").Locator("tbody tr")).ToHaveCountAsync(12);

        await nav.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(page.Locator("#overview-trend .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("overview-light.png"), FullPage = true });
        var light = await BackgroundAsync(page);

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-pressed", "true");
        var dark = await BackgroundAsync(page);
        Assert.NotEqual(light, dark);
        Assert.True(Luminance(dark) < Luminance(light), $"dark background {dark} should be darker than light {light}");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("overview-dark.png"), FullPage = true });

        // Charts follow the theme: no white plot on a dark page.
        Assert.Equal("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#overview-trend .main-svg')).backgroundColor"));
        foreach (var (href, chart) in new[] { ("channels", "channel-matrix"), ("funnel", "intent-flows"), ("benchmarks", "benchmark-map") })
        {
            await nav.GetByRole(AriaRole.Link, new() { Name = AppPages.All.Single(p => p.Href == href).Title, Exact = true }).ClickAsync();
            await Expect(page.Locator($"#{chart} .main-svg").First).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath($"{href}-dark.png"), FullPage = true });
        }

        await nav.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(page.Locator("#overview-trend .main-svg").First).ToBeVisibleAsync();

        await page.ReloadAsync();
        await BrowserSession.WaitForCircuitAsync(page);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" })).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.Equal(dark, await BackgroundAsync(page));
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    private static Task<string> BackgroundAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");

    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(', StringComparison.Ordinal) + 1)..rgb.IndexOf(')', StringComparison.Ordinal)]
            .Split(',').Take(3).Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }
}

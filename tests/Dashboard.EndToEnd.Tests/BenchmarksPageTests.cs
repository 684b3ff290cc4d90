using System.Globalization;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// Regional benchmarks in Chromium: the world map draws from the app's own topology (no other host is asked), a
/// market's index vs the world is SQLite's ratio of rates × 100, and the measure lives in the URL.
/// </summary>
public sealed class BenchmarksPageTests
{
    [Fact]
    public async Task The_map_draws_offline_and_Germany_s_index_is_SQLite_s_ratio_of_rates()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(app.RootUri.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "benchmarks");
        await Expect(page.Locator("#benchmark-map .choroplethlocation").First).ToBeVisibleAsync();
        await Expect(page.Locator("#benchmark-events .main-svg").First).ToBeVisibleAsync();
        await Expect(page.Locator("#benchmark-coverage .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("benchmarks.png"), FullPage = true });

        // micro-conversions ÷ sessions of Germany against all markets, from SQLite alone.
        var to = SeededTemplate.EndDate;
        var range = $"date BETWEEN '{to.AddDays(-27):yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";
        async Task<double> RateAsync(string? market)
        {
            var join = market is null ? "" : $" AND market_id = (SELECT id FROM markets WHERE code = '{market}')";
            var actions = await app.Database.CountAsync($"SELECT SUM(count) FROM micro_conversions WHERE superseded_by IS NULL AND {range}{join}");
            var sessions = await app.Database.CountAsync($"SELECT SUM(sessions) FROM traffic WHERE superseded_by IS NULL AND {range}{join}");
            return actions / (double)sessions;
        }

        var index = await RateAsync("DE") / await RateAsync(null) * 100;
        var ranking = page.Locator("[aria-label='Markets ranked against the world'] table, table[aria-label='Markets ranked against the world']").First;
        var germany = ranking.Locator("tbody tr").Filter(new() { HasTextString = "Germany" }).First;
        await Expect(germany.Locator("td").Nth(3)).ToHaveTextAsync(index.ToString("0", CultureInfo.InvariantCulture));

        await page.GetByLabel("Measure", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Conversion rate", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "benchmarks?measure=conversion_rate").ToString());
        await Expect(page.Locator("#benchmark-map .choroplethlocation").First).ToBeVisibleAsync();

        // The ranking has been redrawn for the new measure (its rows reorder) before a row is clicked.
        await Expect(ranking.Locator("thead")).ToContainTextAsync("Conversion rate");

        // Drill-down: a market's name filters to it, its region's name to the region; the breadcrumb goes back up.
        await germany.GetByText("Germany", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "benchmarks?market=DE&measure=conversion_rate").ToString());
        await Expect(page.GetByTestId("breadcrumb")).ToContainTextAsync("Germany (DE)");
        await ranking.Locator("tbody tr").First.GetByText("EMEA", new() { Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "benchmarks?region=emea&measure=conversion_rate").ToString());
        await Expect(ranking.Locator("tbody tr").Filter(new() { HasTextString = "United States" })).ToHaveCountAsync(0);
        await page.GetByTestId("breadcrumb").GetByText("All markets").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.RootUri, "benchmarks?measure=conversion_rate").ToString());
        Assert.True(foreign.Count == 0, "asked another host: " + string.Join(", ", foreign));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

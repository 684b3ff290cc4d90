using System.Globalization;
using System.Text.Json;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>Budget scenarios in Chromium: the page's numbers are the planner's API answers for the same plan.</summary>
public sealed class ScenariosPageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static string Whole(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Editing_a_channel_and_recommending_show_the_planner_s_answers_and_a_refused_budget_says_why()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        using var api = await app.SignedInClientAsync("director@demo.local");
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "scenarios");

        // The curves are fitted in the background on first use: seconds, with progress shown meanwhile.
        var revenue = page.GetByTestId("predicted-revenue").Locator("td").Nth(1);
        await Expect(revenue).ToBeVisibleAsync(new() { Timeout = 90_000 });
        await Expect(page.Locator("#response-curves .main-svg").First).ToBeVisibleAsync();

        // Each curve carries its marginal ROI per point for the hover: falling as spend grows past the steep part.
        var marginal = await page.EvaluateAsync<double[]>("() => document.getElementById('response-curves').data[0].customdata");
        Assert.Equal(41, marginal.Length);
        Assert.True(marginal[^1] < marginal[20], $"marginal ROI at twice the current spend {marginal[^1]} vs at the current {marginal[20]}");

        await page.GetByLabel("Paid search amount per day").FillAsync("70000");
        await page.GetByLabel("Paid search amount per day").PressAsync("Tab");
        using (var scenario = JsonDocument.Parse(await api.GetStringAsync("/api/scenario?spend=paid_search=70000", Ct)))
        {
            var predicted = scenario.RootElement.GetProperty("predicted").GetProperty("predicted_revenue").GetProperty("value").GetDouble();
            await Expect(revenue).ToContainTextAsync(Whole(predicted));
        }

        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("scenarios.png"), FullPage = true });

        // Recommend for the current budget: the page's allocation is the optimiser's.
        string own;
        await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Expect(page.GetByTestId("recommendation")).ToBeVisibleAsync();
        var budget = (await page.GetByLabel("Budget per day (USD)").InputValueAsync()).Replace(",", "", StringComparison.Ordinal);
        using (var optimized = JsonDocument.Parse(await api.GetStringAsync($"/api/optimize?budget={budget}", Ct)))
        {
            var search = optimized.RootElement.GetProperty("allocation").EnumerateArray().Single(a => a.GetProperty("channel").GetString() == "paid_search");
            await Expect(page.GetByTestId("recommendation").Locator("tr", new() { HasText = "Paid search" }).Locator("td").Nth(2))
                .ToHaveTextAsync(Whole(search.GetProperty("recommended").GetDouble()));
            await Expect(page.GetByLabel("Paid search amount per day")).ToHaveValueAsync(Whole(Math.Round(search.GetProperty("recommended").GetDouble())));

            // The sliders carry the recommendation's split over markets: the prediction on screen is the optimiser's.
            var predicted = optimized.RootElement.GetProperty("predicted").GetProperty("predicted_revenue").GetProperty("value").GetDouble();
            await Expect(page.GetByTestId("predicted-revenue")).ToContainTextAsync(Whole(predicted));
            own = search.GetProperty("markets").EnumerateArray().First(m => m.GetProperty("curve").GetString() == "market" && m.GetProperty("current").GetDouble() > 0)
                .GetProperty("market").GetString()!;
        }

        await Expect(page.GetByTestId("recommendation-why")).ToContainTextAsync("marginal ROI");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("scenarios-recommended.png"), FullPage = true });

        // Save the recommended plan and the current one, compare them side by side: the planner's answers for each.
        await page.GetByLabel("Name this scenario").FillAsync("Recommended split");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scenario" }).ClickAsync();
        await Expect(page.GetByTestId("saved-scenarios")).ToContainTextAsync("Recommended split");
        await page.GetByRole(AriaRole.Button, new() { Name = "Back to the current plan" }).ClickAsync();
        await page.GetByLabel("Name this scenario").FillAsync("Current plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save scenario" }).ClickAsync();
        await Expect(page.GetByTestId("saved-scenarios").Locator("tbody tr")).ToHaveCountAsync(2);
        await page.GetByLabel("Compare Recommended split").CheckAsync();
        await page.GetByLabel("Compare Current plan").CheckAsync();
        var comparison = page.GetByTestId("compare-revenue");
        using (var current = JsonDocument.Parse(await api.GetStringAsync("/api/scenario", Ct)))
        {
            var baseline = current.RootElement.GetProperty("baseline").GetProperty("predicted_revenue").GetProperty("value").GetDouble();
            await Expect(comparison).ToContainTextAsync(Whole(baseline));
        }

        await Expect(page.Locator("#scenario-comparison-chart .main-svg").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("scenarios-compared.png"), FullPage = true });

        // The CSV of a scenario, read back: byte-order mark, context lines, the total's predicted revenue as the API's.
        var csv = await api.GetByteArrayAsync("/exports/scenario.csv?spend=paid_search=70000&period=next_quarter&currency=USD", Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(csv, 3, csv.Length - 3).Split("\r\n");
        Assert.Contains(lines, l => l.StartsWith("Markets,", StringComparison.Ordinal));
        var total = lines.Single(l => l.StartsWith("Total,", StringComparison.Ordinal)).Split(',');
        using (var scenario = JsonDocument.Parse(await api.GetStringAsync("/api/scenario?spend=paid_search=70000&period=next_quarter", Ct)))
        {
            var predicted = scenario.RootElement.GetProperty("predicted").GetProperty("predicted_revenue").GetProperty("value").GetDouble();
            Assert.Equal(predicted, double.Parse(total[5], CultureInfo.InvariantCulture), 2);
        }

        // The response curves also read in micro-conversions.
        await Expect(page.Locator("#response-curves .ytitle")).ToHaveTextAsync("media revenue per day (USD)");
        await page.GetByLabel("Curves of", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Tracked micro-conversions" }).ClickAsync();
        await Expect(page.Locator("#response-curves .ytitle")).ToHaveTextAsync("tracked micro-conversions per day");

        // Bounds are editable: pin display at 25,000 per day and the recommendation keeps it there.
        await page.GetByText("Bounds per channel").ClickAsync();
        await page.GetByLabel("Display minimum per day").FillAsync("25000");
        await page.GetByLabel("Display minimum per day").PressAsync("Tab");
        await page.GetByLabel("Display maximum per day").FillAsync("25000");
        await page.GetByLabel("Display maximum per day").PressAsync("Tab");
        await Expect(page.GetByLabel("Display minimum per day")).ToHaveValueAsync("25,000");
        await Expect(page.GetByLabel("Display maximum per day")).ToHaveValueAsync("25,000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Expect(page.GetByTestId("recommendation").Locator("tr", new() { HasText = "Display" }).Locator("td").Nth(2)).ToHaveTextAsync("25,000");

        // A market's own bounds: hold one paid search market at 1,000 per day; the by-market answer keeps it there.
        await page.GetByText("Bounds per market").ClickAsync();
        await page.GetByLabel("Channel", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Paid search" }).ClickAsync();
        foreach (var side in new[] { "minimum", "maximum" })
        {
            await page.GetByLabel($"paid_search@{own} {side} per day").FillAsync("1000");
            await page.GetByLabel($"paid_search@{own} {side} per day").PressAsync("Tab");

            // The server has the bound once the field shows it formatted back (under load that round trip can trail the next click).
            await Expect(page.GetByLabel($"paid_search@{own} {side} per day")).ToHaveValueAsync("1,000");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await page.GetByText("By market:").ClickAsync();
        var row = page.GetByTestId("recommendation-markets").Locator("tr", new() { HasText = "Paid search" }).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = own, Exact = true }) });
        await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync("1,000");
        await Expect(row.Locator("td").Nth(5)).ToHaveTextAsync("at its maximum");

        await page.GetByLabel("Budget per day (USD)").FillAsync("1000");
        await page.GetByLabel("Budget per day (USD)").PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Recommend" }).ClickAsync();
        await Expect(page.GetByTestId("optimize-error")).ToContainTextAsync("is below the sum of the channels' minimums");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}

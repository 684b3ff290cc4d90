using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// The experiments, attribution-model and micro-conversion-value pages in a real Chromium on the seeded demo data.
/// Each shows the same figures as the API answers from the same services (one engine, one figure everywhere).
/// </summary>
public sealed class AttributionPagesTests
{
    private static async Task<JsonElement> ApiAsync(AppFactory app, string path)
    {
        using var http = await app.SignedInClientAsync("director@demo.local");
        return await http.GetFromJsonAsync<JsonElement>(path, TestContext.Current.CancellationToken);
    }

    /// <summary>A table by its accessible label (MudSimpleTable puts the label on its wrapper).</summary>
    private static ILocator Table(IPage page, string label) =>
        page.Locator($"table[aria-label='{label}'], [aria-label='{label}'] table").First;

    private static Task<int> TracesAsync(IPage page, string chartId) =>
        page.EvaluateAsync<int>($"() => (document.getElementById('{chartId}')?.data ?? []).length");

    private static async Task WaitForChartAsync(IPage page, string chartId, int traces)
    {
        await Expect(page.Locator($"#{chartId} .main-svg").First).ToBeVisibleAsync();
        await page.WaitForFunctionAsync($"() => (document.getElementById('{chartId}')?.data ?? []).length === {traces}");
    }

    [Fact]
    public async Task Experiments_shows_the_lift_of_the_planted_test_and_redraws_for_another_outcome()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "experiments");
        await WaitForChartAsync(page, "lift-series", 2);

        var test = (await ApiAsync(app, "api/attribution?model=markov")).ValueKind; // warms the snapshot for the API too
        Assert.Equal(JsonValueKind.Object, test);
        var lift = await ApiAsync(app, "api/lift?test=geo_lift_paid_social_2026");
        await Expect(page.GetByTestId("lift")).ToHaveTextAsync(lift.GetProperty("lift").GetDouble().ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture));
        await Expect(page.GetByTestId("verdict")).ToContainTextAsync(lift.GetProperty("significant").GetBoolean() ? "moved the outcome" : "No effect");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("experiments.png"), FullPage = true });

        await page.GetByLabel("Outcome").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Coupon download" }).ClickAsync();
        var coupons = await ApiAsync(app, "api/lift?test=geo_lift_paid_social_2026&outcome=coupon_download");
        await Expect(page.GetByTestId("lift")).ToHaveTextAsync(coupons.GetProperty("lift").GetDouble().ToString("+0.0%;-0.0%;0.0%", CultureInfo.InvariantCulture));
        var firstCouponDay = await page.EvaluateAsync<double>("() => document.getElementById('lift-series').data[0].y[0]");
        Assert.Equal(coupons.GetProperty("series")[0].GetProperty("test").GetDouble(), firstCouponDay);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task An_admin_calibrates_the_tested_channel_and_sees_its_curve_before_and_after_with_the_tests_point()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var lift = await ApiAsync(app, "api/lift?test=geo_lift_paid_social_2026");

        // A director reads whether the test calibrates anything, and cannot change it.
        var director = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await BrowserSession.SignInAsync(director, app.RootUri, "director@demo.local", "experiments");
        await Expect(director.GetByTestId("calibration-summary")).ToContainTextAsync("This test does not calibrate Paid social's response curve", new() { Timeout = 120_000 });
        Assert.Equal(0, await director.GetByTestId("calibrate").CountAsync());

        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local", "experiments");
        await page.GetByTestId("calibrate").ClickAsync(new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("calibration-message")).ToContainTextAsync("Paid social is calibrated by geo_lift_paid_social_2026", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("calibration-summary")).ToContainTextAsync("Paid social's curve is calibrated by this test", new() { Timeout = 120_000 });
        await WaitForChartAsync(page, "calibration-curve", 3);

        // The test's point is what the lift read out, per day of the test, in the summary and on the chart.
        var incremental = lift.GetProperty("incremental").GetDouble();
        await Expect(page.GetByTestId("calibration-summary")).ToContainTextAsync($"the test measured {incremental.ToString("#,0", CultureInfo.InvariantCulture)}");
        var days = DateOnly.Parse(lift.GetProperty("end").GetString()!, CultureInfo.InvariantCulture).DayNumber
            - DateOnly.Parse(lift.GetProperty("start").GetString()!, CultureInfo.InvariantCulture).DayNumber + 1;
        var point = await page.EvaluateAsync<double>("() => document.getElementById('calibration-curve').data[2].y[0]");
        Assert.Equal(incremental / days, point, 1e-6 * incremental);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("experiments-calibrated.png"), FullPage = true });

        await page.GetByTestId("uncalibrate").ClickAsync();
        await Expect(page.GetByTestId("calibration-summary")).ToContainTextAsync("This test does not calibrate Paid social's response curve", new() { Timeout = 120_000 });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Attribution_models_are_compared_side_by_side_with_the_API_figures()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "attribution");
        await WaitForChartAsync(page, "model-comparison", 7);

        // The page's default: the last 13 weeks of data.
        var to = SeededTemplate.EndDate;
        var from = to.AddDays(-90);
        var all = await ApiAsync(app, $"api/attribution?model=all&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        var markov = all.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model").GetString() == "markov");
        var top = markov.GetProperty("channels")[0];
        var table = Table(page, "Conversions credited to each channel under each model");
        var markovColumn = 1 + 5; // channel, then first touch … position-based, then Markov
        var firstRow = table.Locator("tbody tr").First;
        await Expect(firstRow.Locator("td").Nth(markovColumn)).ToHaveTextAsync(top.GetProperty("conversions").GetDouble().ToString("#,0.0", CultureInfo.InvariantCulture));
        await Expect(table.Locator("thead th")).ToHaveCountAsync(1 + 7 + 1);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("attribution-models.png"), FullPage = true });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Micro_conversion_value_lists_every_type_with_its_interval_and_engagement_by_channel()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "director@demo.local", "value");
        await WaitForChartAsync(page, "event-values", 1);
        await WaitForChartAsync(page, "engagement-by-channel", 1);

        var valuation = await ApiAsync(app, "api/valuation");
        await Expect(page.GetByTestId("engagement-total")).ToHaveTextAsync(
            valuation.GetProperty("engagement_value").GetDouble().ToString("#,0", CultureInfo.InvariantCulture) + " USD");
        var table = Table(page, "Value per micro-conversion type");
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(valuation.GetProperty("events").GetArrayLength());

        // The verdict is said before the values, and the types the data value only together are listed as groups, as
        // the API answers; each type says whether it was valued on its own.
        await Expect(page.GetByTestId("valuation-verdict")).ToContainTextAsync(valuation.GetProperty("verdict").GetString() == "evidence"
            ? "The data show micro-conversions moving sales" : "No evidence in these data that any micro-conversion moves sales");
        var groups = valuation.GetProperty("groups").GetArrayLength();
        if (groups > 0)
        {
            await Expect(page.GetByTestId("value-groups").Locator("tbody tr")).ToHaveCountAsync(groups);
        }

        var withGroup = valuation.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("value").ValueKind == JsonValueKind.Number && !e.GetProperty("identified").GetBoolean());
        await Expect(table.Locator("tbody tr", new() { HasText = "with its group" })).ToHaveCountAsync(withGroup);
        Assert.Equal(1, await TracesAsync(page, "event-values"));
        var points = await page.EvaluateAsync<int>("() => document.getElementById('event-values').data[0].x.length");
        Assert.Equal(valuation.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("value").ValueKind == JsonValueKind.Number), points);
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("micro-conversion-value.png"), FullPage = true });
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

using Dashboard.Web.TestHost;
using Deque.AxeCore.Playwright;
using Dashboard.Web.Shell;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>axe-core (shipped inside the package, nothing fetched) on every page: no serious or critical violation.</summary>
public sealed class AccessibilityTests
{
    [Fact]
    public Task Every_dashboard_page_passes_axe_without_serious_or_critical_violations() =>
        CheckAsync("director@demo.local", AppPages.Dashboards);

    [Fact]
    public Task Every_data_and_admin_page_passes_axe_without_serious_or_critical_violations() =>
        CheckAsync("admin@demo.local", AppPages.Data);

    private static async Task CheckAsync(string user, IEnumerable<AppPage> pages)
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await BrowserSession.SignInAsync(page, app.RootUri, user);
        var found = new List<string>();
        foreach (var target in pages)
        {
            await page.GotoAsync(new Uri(app.RootUri, target.Href).ToString());
            await BrowserSession.WaitForCircuitAsync(page);
            // Budget scenarios fits its curves in the background on first visit: seconds, longer on a busy machine.
            await Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0, new() { Timeout = 120_000 });
            await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
            var result = await page.RunAxe();
            foreach (var v in result.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                found.Add($"/{target.Href}: {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}");
            }
        }

        Assert.True(found.Count == 0, string.Join("\n", found));
    }
}

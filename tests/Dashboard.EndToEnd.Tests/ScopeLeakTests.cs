using System.Globalization;
using Dashboard.Cli;
using Dashboard.TestSupport;
using Dashboard.Web.Shell;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// A US-only user walks every page and API endpoint, asking for Canada by URL: a campaign that ran only in Canada
/// (planted with a name found nowhere else) must never show, and a US campaign named with markup shows as text.
/// </summary>
public sealed class ScopeLeakTests
{
    private const string Canary = "canary_ca_only_7d1f";
    private const string Hostile = "<img src=x onerror=alert(1)>";
    private const string CanadaPassword = "Canada-test-2026!";
    private const string Formula = "=1+2";
    private const string Script = "<script>alert(3)</script> for the giveaway";

    private static async Task PlantAsync(TempDatabase database)
    {
        var day = SeededTemplate.EndDate.AddDays(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = Path.Combine(Path.GetDirectoryName(database.Path)!, "planted-campaigns.csv");
        await File.WriteAllTextAsync(csv, "date,market,channel,campaign,event,source,count\n"
            + $"{day},US,paid_social,\"{Hostile}\",newsletter_signup,social,200000\n"
            + $"{day},US,paid_search,\"{Formula}\",add_to_cart,ecommerce,100000\n"
            + $"{day},CA,paid_social,{Canary},newsletter_signup,social,200000\n");
        var surveys = Path.Combine(Path.GetDirectoryName(database.Path)!, "planted-surveys.csv");
        await File.WriteAllTextAsync(surveys, "date,market,event,respondent_id,reason,score\n"
            + $"{day},US,newsletter_signup,r_planted_us,\"{Script}\",4\n"
            + $"{day},CA,newsletter_signup,r_planted_ca,{Canary} reason,2\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(["import", "micro_conversions", csv, "--db", database.Path], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());
        exit = await CliApp.RunAsync(["import", "survey_responses", surveys, "--db", database.Path], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());

        // The control: someone who may see Canada.
        exit = await CliApp.RunAsync(["users", "add", "--email", "ca@example.com", "--role", "regional", "--grant", "market:CA",
            "--password", CanadaPassword, "--db", database.Path], stdout, stderr, TimeProvider.System);
        Assert.True(exit == 0, stderr.ToString());
    }

    [Fact]
    public async Task A_US_only_user_never_sees_a_Canadian_campaign_on_any_page_or_endpoint_and_markup_stays_text()
    {
        await using var app = await AppFactory.StartSeededAsync(PlantAsync);
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        var dialogs = 0;
        page.Dialog += async (_, dialog) =>
        {
            dialogs++;
            await dialog.DismissAsync();
        };
        var violations = BrowserSession.TrackPolicyViolations(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "us@demo.local", "value");

        // The planted US campaign is among the value page's top campaigns, as text.
        var campaigns = page.Locator("[aria-label='Engagement value by campaign'] table, table[aria-label='Engagement value by campaign']").First;
        await Expect(campaigns.Locator("tbody td").Filter(new() { HasTextString = Hostile })).ToHaveCountAsync(1);

        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("value-us.png"), FullPage = true });

        // The same table downloaded through the browser: the markup is plain text, the formula is neutralised.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Engagement by campaign" }).ClickAsync());
        var file = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("\r\n" + Hostile + "," + Hostile + ",", file, StringComparison.Ordinal);
        Assert.Contains("\r\n'" + Formula + ",'" + Formula + ",", file, StringComparison.Ordinal);
        Assert.Contains("Markets,US\r\n", file, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, file, StringComparison.Ordinal);

        // The survey reason with a script shows as text beside the numbers, and downloads as plain text.
        var answers = page.Locator("[aria-label='Survey answers by micro-conversion type'] table, table[aria-label='Survey answers by micro-conversion type']").First;
        await Expect(answers.Locator("td").Filter(new() { HasTextString = Script })).ToHaveCountAsync(1);
        var reasons = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Survey answers" }).ClickAsync());
        var reasonsFile = await File.ReadAllTextAsync(await reasons.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Contains("," + Script + ",", reasonsFile, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, reasonsFile, StringComparison.Ordinal);

        var surveyed = new List<string>();
        foreach (var target in AppPages.All)
        {
            await page.GotoAsync(new Uri(app.RootUri, target.Href + "?market=CA&markets=CA&region=north_america").ToString());
            await BrowserSession.WaitForCircuitAsync(page);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await Expect(page.Locator(".mud-skeleton")).ToHaveCountAsync(0);
            var text = await page.Locator("body").InnerTextAsync();
            var html = await page.ContentAsync();
            Assert.False(text.Contains(Canary, StringComparison.Ordinal) || html.Contains(Canary, StringComparison.Ordinal), $"/{target.Href} shows the Canadian campaign");
            Assert.DoesNotContain("Canada", text, StringComparison.Ordinal);
            surveyed.Add("/" + target.Href);
        }

        using var http = await app.SignedInClientAsync("us@demo.local");
        foreach (var path in new[]
        {
            "api/attribution?model=all&market=CA", "api/attribution?region=north_america", "api/journeys?market=CA",
            "api/valuation?market=CA", "api/lift?test=geo_lift_paid_social_2026",
        })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain(Canary, body, StringComparison.Ordinal);
            Assert.DoesNotContain("Canada", body, StringComparison.Ordinal);
            surveyed.Add(path + " → " + (int)response.StatusCode);
        }

        // The control: a Canadian regional user does find the planted campaign on the same page.
        var canadian = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
        await canadian.GotoAsync(new Uri(app.RootUri, "account/sign-in?returnUrl=%2Fvalue").ToString());
        await canadian.Locator("#email").FillAsync("ca@example.com");
        await canadian.Locator("#password").FillAsync(CanadaPassword);
        await canadian.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await BrowserSession.WaitForCircuitAsync(canadian);
        await Expect(canadian.Locator("[aria-label='Engagement value by campaign'] table td").Filter(new() { HasTextString = Canary })).ToHaveCountAsync(1);
        await Expect(canadian.Locator("[aria-label='Survey answers by micro-conversion type'] table td").Filter(new() { HasTextString = Canary + " reason" })).ToHaveCountAsync(1);

        TestContext.Current.SendDiagnosticMessage("surveyed: " + string.Join(", ", surveyed));
        Assert.Equal(0, dialogs);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}

using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// An admin loads a CRM export in the browser: maps its columns, saves the mapping as a template, sees a bad row
/// refused with its line and the nearest market, downloads the error report, loads the corrected workbook through the
/// template, and rolls it back from the history.
/// </summary>
public sealed class ImportPageTests
{
    private const string Export = """
        Datum,Land,Kanal,Kampagne,Ereignis,Anzahl,Notiz
        2026-07-01,DE,email_crm,,nl_anmeldung,12,ok
        2026-07-01,DE,email_crm,,loyalty_enrollment,4,
        2026-07-02,AT,email_crm,,nl_anmeldung,9,
        """;

    [Fact]
    public async Task A_source_export_is_mapped_refused_then_loaded_as_a_workbook_and_rolled_back()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var page = await session.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 } });
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "admin@demo.local", "data/imports");
        var rowsBefore = await app.Database.CountAsync("SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL");

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = "crm-export.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Export) });
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("fits no import kind");
        await page.GetByLabel("Kind", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "micro_conversions", Exact = true }).ClickAsync();
        foreach (var (source, target) in new[] { ("Datum", "date"), ("Land", "market"), ("Kanal", "channel"), ("Kampagne", "campaign"), ("Ereignis", "event"), ("Anzahl", "count"), ("Notiz", "(ignore)") })
        {
            await page.GetByLabel($"Column {source} feeds").SelectOptionAsync(target);
        }

        // The alias and the definition's default source, as they will be stored; the bad row with the nearest market.
        var preview = page.GetByTestId("import-preview");
        await Expect(preview.Locator("tbody tr").First).ToContainTextAsync("newsletter_signup");
        await Expect(preview.Locator("tbody tr").First).ToContainTextAsync("crm");
        await Expect(preview.Locator("tbody tr").Nth(2)).ToContainTextAsync("did you mean 'IT'");
        await page.GetByLabel("Save this mapping as a source template").FillAsync("Loyalty CRM export");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save template" }).ClickAsync();
        await Expect(page.GetByTestId("import-message")).ToContainTextAsync("Saved the source template \"Loyalty CRM export\"");
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("import-mapping.png"), FullPage = true });

        await page.GetByTestId("start-import").ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("Nothing from crm-export.csv was stored: 1 error(s)");
        await Expect(page.GetByTestId("import-errors")).ToContainTextAsync("is not a configured market");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("error-report").ClickAsync());
        var report = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Contains("4,market,AT,is not a configured market", report, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await app.Database.CountAsync("SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL"));

        // The corrected export arrives as a workbook; the saved template reads it.
        var workbook = Path.Combine(app.Database.Folder, "crm-export.xlsx");
        TestWorkbook.Write(workbook,
        [
            ["Datum", "Land", "Kanal", "Kampagne", "Ereignis", "Anzahl", "Notiz"],
            [new DateOnly(2026, 7, 1), "DE", "email_crm", null, "nl_anmeldung", 12d, "ok"],
            [new DateOnly(2026, 7, 1), "DE", "email_crm", null, "loyalty_enrollment", 4d, null],
            [new DateOnly(2026, 7, 2), "IT", "email_crm", null, "newsletter_signup", 9d, null],
        ]);
        await page.GetByLabel("Source template").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Loyalty CRM export (micro_conversions)" }).ClickAsync();
        await page.Locator("#import-file").SetInputFilesAsync(workbook);
        await Expect(page.GetByTestId("import-preview").Locator("tbody tr")).ToHaveCountAsync(3);
        await page.GetByTestId("start-import").ClickAsync();

        // A stored import answers once every page's figures are reloaded from the new rows: seconds more on a loaded machine.
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("3 inserted, 0 replaced", new() { Timeout = BrowserSession.ReloadTimeout });
        var id = await app.Database.CountAsync("SELECT MAX(id) FROM imports WHERE outcome = 'succeeded'");
        Assert.Equal(12 + 4 + 9, await app.Database.CountAsync($"SELECT SUM(count) FROM micro_conversions WHERE import_id = {id}"));
        Assert.Equal("Loyalty CRM export", await app.Database.ScalarTextAsync($"SELECT template FROM imports WHERE id = {id}"));

        var row = page.Locator($"tr[data-import-id='{id}']");
        await Expect(row).ToContainTextAsync("succeeded");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Roll back import {id}" }).ClickAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = "Confirm roll back" }).ClickAsync();
        await Expect(page.GetByTestId("rollback-message")).ToContainTextAsync($"import {id} rolled back: 3 row(s) removed", new() { Timeout = BrowserSession.ReloadTimeout });
        await Expect(row).ToContainTextAsync("rolled back");
        Assert.Equal(rowsBefore, await app.Database.CountAsync("SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL"));
        await page.ScreenshotAsync(new() { Path = BrowserSession.ArtifactPath("import-history.png"), FullPage = true });
        Assert.Empty(errors);
    }
}

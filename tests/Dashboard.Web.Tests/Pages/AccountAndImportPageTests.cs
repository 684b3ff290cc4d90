using System.Text;
using Dashboard.Application.Analysis;
using Dashboard.Application.Imports;
using Dashboard.Application.Preferences;
using Dashboard.Data.Imports;
using Dashboard.Data.Inventory;
using Microsoft.Extensions.Logging.Abstractions;

namespace Dashboard.Web.Tests.Pages;

/// <summary>
/// The Import page's history (an import's bad rows on demand, a roll-back asked once more) and the Preferences page, on
/// their own copy of the seeded database.
/// </summary>
public sealed class AccountAndImportPageTests : DatabasePageTestContext
{
    private IRenderedComponent<Dashboard.Web.Components.Pages.Imports> OpenImports()
    {
        var factory = Database.Factory();
        var uploads = new UploadStore(Path.Combine(Database.Folder, "uploads"), UploadStore.DefaultMaxBytes, TimeProvider.System);
        var store = new MetricsSnapshotStore(factory);
        var runner = new ImportRunner(factory, store, TimeProvider.System, uploads, NullLogger<ImportRunner>.Instance);
        var rollbacks = new RollbackService(factory, store, TimeProvider.System, NullLogger<RollbackService>.Instance);
        Services.AddSingleton(new ImportsService(factory, new DataInventory(factory), runner, rollbacks, uploads, new UploadTokens(TimeProvider.System),
            new SourceTemplatesService(factory, TimeProvider.System)));
        var page = Open<Dashboard.Web.Components.Pages.Imports>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr")), TimeSpan.FromSeconds(60));
        return page;
    }

    [Fact]
    public async Task A_roll_back_is_asked_once_more_then_removes_the_import_s_rows()
    {
        var id = await Database.CountAsync("SELECT id FROM imports WHERE kind = 'survey_responses'");
        Assert.True(await Database.CountAsync("SELECT COUNT(*) FROM survey_responses") > 0);
        Viewer.Actor = "admin@demo.local";
        var page = OpenImports();

        await page.InvokeAsync(() => page.Find($"[aria-label='Roll back import {id}']").Click());
        // Nothing happens until the confirmation.
        Assert.Equal("succeeded", await Database.TextAsync($"SELECT outcome FROM imports WHERE id = {id}"));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Confirm roll back").Click());

        page.WaitForAssertion(() => Assert.Contains("mud-alert-text-success", page.Find("[data-testid=rollback-message]").ClassName, StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Contains("rolled back", page.FindAll("tbody tr").Single(r => r.QuerySelectorAll("td")[0].TextContent.Trim() == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).TextContent, StringComparison.Ordinal);
        Assert.Equal("rolled_back", await Database.TextAsync($"SELECT outcome FROM imports WHERE id = {id}"));
        Assert.Equal(0, await Database.CountAsync("SELECT COUNT(*) FROM survey_responses"));
    }

    [Fact]
    public async Task A_refused_file_s_bad_rows_open_under_its_line_in_the_history()
    {
        var path = Database.WriteFile("bad.csv", new StringBuilder("date,market,channel,campaign,event,source,count\n")
            .Append("2026-11-01,DE,display,,coupon_download,,7\n")
            .Append("2026-11-02,XX,display,,coupon_download,,7\n")
            .Append("2026-11-03,DE,display,,coupon_download,,seven\n").ToString());
        await using (var db = Database.Open())
        {
            Assert.False((await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", path, "tester", ct: TestContext.Current.CancellationToken)).Stored);
        }

        var id = await Database.CountAsync("SELECT id FROM imports WHERE outcome = 'failed'");
        var page = OpenImports();

        await page.InvokeAsync(() => page.Find($"[aria-label='Errors of import {id}']").Click());

        var shown = page.WaitForElement("a[href$='errors.csv']", TimeSpan.FromSeconds(30)).ParentElement!.TextContent;
        Assert.Contains("XX", shown, StringComparison.Ordinal);
        Assert.Contains("seven", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saved_preferences_are_kept_on_the_user_and_shown_again()
    {
        const string email = "prefs@demo.local";
        var principal = await AddDirectorAsync(email);
        var user = new PrincipalUser(() => principal);
        var factory = Database.Factory();
        Services.AddScoped(_ => new PreferencesService(factory, user, Services.GetRequiredService<IAnalysisSource>()));
        var page = Open<PreferencesPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=currency]")), TimeSpan.FromSeconds(30));
        var selects = page.FindComponents<MudSelect<string>>();

        await page.InvokeAsync(() => selects.Single(s => s.Instance.Label == "Reporting currency").Instance.ValueChanged.InvokeAsync("EUR"));
        await page.InvokeAsync(() => selects.Single(s => s.Instance.Label == "Number format").Instance.ValueChanged.InvokeAsync(Dashboard.Application.Formatting.NumberFormat.All[^1].Key));
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Save preferences").Click());

        Assert.Equal($"EUR|{Dashboard.Application.Formatting.NumberFormat.All[^1].Key}",
            await Database.TextAsync($"SELECT reporting_currency || '|' || number_format FROM users WHERE email = '{email}'"));
        Assert.Empty(page.FindAll(".mud-alert-text-error"));
    }
}

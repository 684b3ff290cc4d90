using System.Buffers.Binary;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.EndToEnd.Tests;

/// <summary>
/// A chart downloads as PNG (twice the on-screen resolution, for slides) and SVG through Plotly's own export, in the
/// light theme even from dark mode, with its title, scope, period and data date written on it; viewers get no button.
/// </summary>
public sealed class ChartExportTests
{
    [Fact]
    public async Task A_chart_downloads_as_a_light_png_and_svg_that_say_what_they_show()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "emea@demo.local", "trends?market=DE,FR");
        await Expect(page.Locator("#trend .main-svg").First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" }).ClickAsync();

        var png = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download All micro-conversions and revenue by day as PNG" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await png.PathAsync())!, TestContext.Current.CancellationToken);
        await png.SaveAsAsync(BrowserSession.ArtifactPath("chart-export.png"));
        var svg = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Download All micro-conversions and revenue by day as SVG" }).ClickAsync());
        var text = await File.ReadAllTextAsync((await svg.PathAsync())!, TestContext.Current.CancellationToken);

        Assert.Equal("all-micro-conversions-and-revenue-by-day.png", png.SuggestedFilename);
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG file");
        Assert.True(bytes.Length > 20_000, $"{bytes.Length} bytes");
        Assert.True(BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)) >= 1800, "at least 1,800 pixels wide (900 × 2)");
        Assert.StartsWith("<svg", text, StringComparison.Ordinal);
        Assert.Contains("All micro-conversions and revenue by day", text, StringComparison.Ordinal);
        Assert.Contains("Markets: DE, FR", text, StringComparison.Ordinal);
        Assert.Contains("data as of 2026-06-30", text, StringComparison.Ordinal);
        Assert.Contains("fill: rgb(255, 255, 255)", text, StringComparison.Ordinal);
        Assert.Equal(2, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'emea@demo.local' AND target LIKE 'all-micro-conversions-and-revenue-by-day.%'"));
        Assert.Empty(errors);

        var viewer = await session.Browser.NewPageAsync();
        await BrowserSession.SignInAsync(viewer, app.RootUri, "viewer@demo.local", "trends");
        await Expect(viewer.Locator("#trend .main-svg").First).ToBeVisibleAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("as PNG$") })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_response_curves_download_with_the_planning_period_and_the_fit_date()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await BrowserSession.SignInAsync(page, app.RootUri, "us@demo.local", "scenarios");
        await Expect(page.Locator("#response-curves .main-svg").First).ToBeVisibleAsync(new() { Timeout = 120_000 });

        var svg = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Download Response curves.* as SVG$") }).ClickAsync());
        var text = await File.ReadAllTextAsync((await svg.PathAsync())!, TestContext.Current.CancellationToken);

        Assert.StartsWith("response-curves-", svg.SuggestedFilename, StringComparison.Ordinal);
        Assert.Contains("Markets: US", text, StringComparison.Ordinal);
        Assert.Contains("curves fitted on data to 2026-06-30", text, StringComparison.Ordinal);
        Assert.Contains("fill: rgb(255, 255, 255)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_chart_data_the_pages_workbook_and_a_business_review_deck_download_from_the_page()
    {
        await using var app = await AppFactory.StartSeededAsync();
        await using var session = await BrowserSession.LaunchAsync();
        var context = await session.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1366, Height = 900 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var errors = BrowserSession.TrackConsoleErrors(page);
        await BrowserSession.SignInAsync(page, app.RootUri, "emea@demo.local", "channels?market=DE");
        await Expect(page.Locator("#channel-measure .main-svg").First).ToBeVisibleAsync();

        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download the data of Attributed ROAS by channel as CSV" }).ClickAsync());
        var csvText = await File.ReadAllTextAsync((await csv.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Matches(@"^channels-channel-measure-\d{4}-\d{2}-\d{2}\.csv$", csv.SuggestedFilename);
        Assert.StartsWith("Attributed ROAS by channel\r\nScope,Markets: DE\r\n", csvText, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Button, new() { Name = "Export this page" }).ClickAsync();
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Data of every chart (XLSX)").ClickAsync());
        var sheets = WorkbookReader.Read(await File.ReadAllBytesAsync((await xlsx.PathAsync())!, TestContext.Current.CancellationToken));
        Assert.Equal(["Attributed ROAS by channel", "Which channel drives which micr"], sheets.Select(s => s.Name));

        // The pack: this page's charts are chosen; one more from Trends; PowerPoint; a progress line while it builds.
        await page.GetByRole(AriaRole.Button, new() { Name = "Export this page" }).ClickAsync();
        await page.GetByText("Business review pack…").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByText("Charts (2 chosen)")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Checkbox, new() { Name = "Micro-conversions and revenue over time" }).CheckAsync();
        await Expect(dialog.GetByText("Charts (3 chosen)")).ToBeVisibleAsync();
        var deck = await page.RunAndWaitForDownloadAsync(async () =>
        {
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Build and download" }).ClickAsync();
            await Expect(dialog.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        }, new() { Timeout = 60_000 });
        var bytes = await File.ReadAllBytesAsync((await deck.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Matches(@"^business-review-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pptx$", deck.SuggestedFilename);
        Assert.True(bytes.Length > 100_000, $"{bytes.Length} bytes");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        await Expect(dialog).ToHaveCountAsync(0);

        // The same pack as a PDF report, this page's charts only.
        await page.GetByRole(AriaRole.Button, new() { Name = "Export this page" }).ClickAsync();
        await page.GetByText("Business review pack…").ClickAsync();
        await dialog.GetByLabel("Format").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "PDF report" }).ClickAsync();
        var report = await page.RunAndWaitForDownloadAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { Name = "Build and download" }).ClickAsync(), new() { Timeout = 60_000 });
        var pdf = await File.ReadAllBytesAsync((await report.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.EndsWith(".pdf", report.SuggestedFilename, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.True(pdf.Length > 50_000, $"{pdf.Length} bytes");
        Assert.Equal(4, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'emea@demo.local' AND details LIKE 'Markets: DE;%'"));
        Assert.Empty(errors);
    }
}

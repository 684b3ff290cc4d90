using System.Globalization;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Access;
using Dashboard.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;

namespace Dashboard.Web.Tests;

/// <summary>`dashboard export deck|pdf|xlsx`: a saved view's files, for scripts and schedules, within its owner's markets.</summary>
public sealed class ExportCommandTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    /// <summary>A regional user with one grant, as an administrator adds them on the command line.</summary>
    private static async Task AddUserAsync(TempDatabase temp, string email, string grant)
    {
        var added = await Cli.RunAsync("users", "add", "--email", email, "--role", "regional", "--grant", grant, "--password", "Correct-horse-9!", "--db", temp.Path);
        Assert.True(added.Exit == 0, added.Err);
    }

    [Fact]
    public async Task A_saved_views_workbook_and_deck_are_built_for_its_owners_markets()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await AddUserAsync(temp, "emea@demo.local", "region:emea");
        var emea = (await temp.TextAsync("SELECT id FROM users WHERE email = 'emea@demo.local'"))!;
        await using (var db = DashboardDatabase.OpenSqlite(temp.Path))
        {
            Assert.Null(await SavedViews.SaveAsync(db, emea, "channels", "Germany", "market=DE", new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc), Ct));
        }

        var folder = Directory.CreateTempSubdirectory("export-");
        try
        {
            var xlsxPath = Path.Combine(folder.FullName, "germany.xlsx");
            var xlsx = await Cli.RunAsync("export", "xlsx", "--view", "Germany", "--user", "emea@demo.local", "--out", xlsxPath, "--db", temp.Path);
            Assert.True(xlsx.Exit == 0, xlsx.Err);
            Assert.Equal(2, JsonDocument.Parse(xlsx.Out).RootElement.GetProperty("charts").GetInt32());

            var sheets = WorkbookReader.Read(await File.ReadAllBytesAsync(xlsxPath, Ct));
            Assert.Equal(["Attributed ROAS by channel", "Which channel drives which micr"], sheets.Select(s => s.Name));
            var rows = sheets[0].Rows;
            string Context(string name) => rows.Single(r => r.Count > 1 && r[0]?.Text == name)[1]!.Text;
            Assert.Equal("Markets: DE", Context("Scope"));
            var period = Context("Period").Split(" to ");
            var header = rows.ToList().FindIndex(r => r.Count > 0 && r[0]?.Text == "Channel");
            var column = rows[header].ToList().FindIndex(c => c?.Text == "Micro-conversions (count)");
            var exported = rows.Skip(header + 1).Where(r => r.Count > column && r[column] is not null).ToDictionary(r => r[1]!.Text, r => r[column]!.Number);
            var expected = (await temp.TextAsync(
                "SELECT group_concat(k || '=' || n, '|') FROM (SELECT c.key AS k, SUM(mc.count) AS n FROM micro_conversions mc "
                + "JOIN markets m ON m.id = mc.market_id JOIN channels c ON c.id = mc.channel_id "
                + $"WHERE m.code = 'DE' AND mc.superseded_by IS NULL AND mc.date BETWEEN '{period[0]}' AND '{period[1]}' GROUP BY c.key)"))!
                .Split('|').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), exported.OrderBy(e => e.Key, StringComparer.Ordinal));

            var deckPath = Path.Combine(folder.FullName, "germany.pptx");
            var deck = await Cli.RunAsync("export", "deck", "--view", "Germany", "--user", "emea@demo.local", "--review", "quarterly", "--out", deckPath, "--db", temp.Path);
            Assert.True(deck.Exit == 0, deck.Err);
            Assert.Contains("Done (4/4)", deck.Err, StringComparison.Ordinal);
            using var document = PresentationDocument.Open(deckPath, false);
            var presentation = document.PresentationPart!;
            var slides = presentation.Presentation.SlideIdList!.Elements<P.SlideId>().Select(id => (SlidePart)presentation.GetPartById(id.RelationshipId!)).ToList();
            Assert.Equal(5, slides.Count);
            var cover = slides[0].Slide.Descendants<A.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains("Business review, last full quarter", cover);
            Assert.Contains("Markets: DE · all brands", cover);
            Assert.Contains("2026-04-01 – 2026-06-30, compared with 2025-12-31 – 2026-03-31", cover);
            Assert.Equal(2, await temp.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'emea@demo.local (command line)'"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_regional_user_cannot_export_another_market_and_bad_options_are_refused_with_the_reason()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await AddUserAsync(temp, "us@demo.local", "market:US");
        var folder = Directory.CreateTempSubdirectory("export-");
        try
        {
            var path = Path.Combine(folder.FullName, "us.xlsx");
            var us = await Cli.RunAsync("export", "xlsx", "--user", "us@demo.local", "--page", "trends", "--query", "market=DE", "--out", path, "--db", temp.Path);
            Assert.True(us.Exit == 0, us.Err);
            var scope = WorkbookReader.Read(await File.ReadAllBytesAsync(path, Ct))[0].Rows.Single(r => r.Count > 1 && r[0]?.Text == "Scope")[1]!.Text;
            Assert.Equal("Markets: US", scope);

            var noUser = await Cli.RunAsync("export", "deck", "--view", "Germany", "--out", path, "--db", temp.Path);
            Assert.Equal(2, noUser.Exit);
            Assert.Contains("--view needs --user", noUser.Err, StringComparison.Ordinal);
            var noPage = await Cli.RunAsync("export", "xlsx", "--page", "nowhere", "--out", path, "--db", temp.Path);
            Assert.Equal(2, noPage.Exit);
            Assert.Contains("--page nowhere: use one of overview, trends, benchmarks, channels, funnel", noPage.Err, StringComparison.Ordinal);
            var noChart = await Cli.RunAsync("export", "pdf", "--charts", "trends/nothing", "--out", path, "--db", temp.Path);
            Assert.Equal(1, noChart.Exit);
            Assert.Contains("No chart \"nothing\" on Trends: it has trend, lag-correlation", noChart.Err, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

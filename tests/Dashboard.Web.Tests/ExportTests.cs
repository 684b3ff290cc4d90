using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.Exports.Files;
using Dashboard.TestSupport;
using Dashboard.Application.Exports;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>CSV downloads: safe in a spreadsheet, scoped to the caller's markets on the server, closed to viewers, audited.</summary>
public sealed class ExportTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public void Formulas_are_neutralised_numbers_stay_numbers_and_separators_are_quoted()
    {
        var table = new ExportTable("Title, with a comma", [("Markets", "US")],
            [new("Name", ExportCellKind.Text), new("Value", ExportCellKind.Number, "EUR")],
            [
                ["=HYPERLINK(\"http://x\")", -5.5],
                ["+1", 1234567.0],
                ["-2", null],
                ["@SUM(A1)", 0.1],
                ["\tTab", 2.0],
                ["\rReturn", 3.0],
                ["Line\nbreak \"quoted\"", double.NaN],
                ["<img src=x onerror=alert(1)>", 4.0],
            ]);

        var bytes = CsvExport.ToBytes(table);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.Equal(
            "\"Title, with a comma\"\r\nMarkets,US\r\n\r\nName,Value (EUR)\r\n"
            + "\"'=HYPERLINK(\"\"http://x\"\")\",-5.5\r\n'+1,1234567\r\n'-2,\r\n'@SUM(A1),0.1\r\n'\tTab,2\r\n\"'\rReturn\",3\r\n"
            + "\"Line\nbreak \"\"quoted\"\"\",\r\n<img src=x onerror=alert(1)>,4\r\n",
            text);
    }

    [Fact]
    public async Task A_regional_user_downloads_only_their_markets_while_a_viewer_and_an_anonymous_caller_get_no_file()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var us = await app.SignedInClientAsync("us@demo.local");
        using var response = await us.GetAsync("exports/value/campaigns.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n");
        Assert.Equal("Engagement value by campaign", lines[0]);
        Assert.Contains("Markets,US", lines);
        var header = Array.IndexOf(lines, "Campaign,Key,Engagement value (USD),Micro-conversions");
        Assert.True(header > 0, string.Join("\n", lines.Take(10)));
        var rows = lines.Skip(header + 1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();

        // Against SQLite itself: the campaigns and the number of actions of the US in the last 13 weeks.
        var to = SeededTemplate.EndDate;
        var from = to.AddDays(-90);
        var where = $"FROM micro_conversions mc JOIN markets m ON m.id = mc.market_id JOIN campaigns c ON c.id = mc.campaign_id "
            + $"WHERE m.code = 'US' AND mc.superseded_by IS NULL AND mc.date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}'";
        var actions = await app.Database.CountAsync("SELECT SUM(mc.count) " + where);
        Assert.Equal(actions, rows.Sum(r => long.Parse(r[3], CultureInfo.InvariantCulture)));
        var campaigns = (await app.Database.TextAsync("SELECT group_concat(k, '|') FROM (SELECT DISTINCT c.key AS k " + where + " ORDER BY k)"))!.Split('|');
        Assert.Equal(campaigns, rows.Select(r => r[1]).Order(StringComparer.Ordinal));
        Assert.Equal(1, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'us@demo.local' AND details LIKE 'markets: US;%'"));

        // The page's period travels with the link: the last 28 days, counted by SQLite again.
        using var month = await us.GetAsync("exports/value/campaigns.csv?days=28", Ct);
        var monthLines = Encoding.UTF8.GetString((await month.Content.ReadAsByteArrayAsync(Ct)).AsSpan(3)).Split("\r\n");
        var monthRows = monthLines.Skip(Array.IndexOf(monthLines, "Campaign,Key,Engagement value (USD),Micro-conversions") + 1).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var monthActions = await app.Database.CountAsync("SELECT SUM(mc.count) " + where.Replace($"'{from:yyyy-MM-dd}'", $"'{to.AddDays(-27):yyyy-MM-dd}'", StringComparison.Ordinal));
        Assert.True(monthActions < actions, $"{monthActions} actions in 28 days, {actions} in 13 weeks");
        Assert.Equal(monthActions, monthRows.Sum(r => long.Parse(r[3], CultureInfo.InvariantCulture)));

        // A viewer is refused (403), an anonymous caller asked to authenticate (401). Neither gets a file.
        using var viewer = await app.SignedInClientAsync("viewer@demo.local");
        using var refused = await viewer.GetAsync("exports/value/types.csv", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.NotEqual("text/csv", refused.Content.Headers.ContentType?.MediaType);
        using var anonymous = new HttpClient { BaseAddress = app.RootUri };
        using var unsigned = await anonymous.GetAsync("exports/value/types.csv", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.NotEqual("text/csv", unsigned.Content.Headers.ContentType?.MediaType);
        // The audit log holds the regional user's two files and nothing for the refused callers.
        Assert.Equal(2, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
    }
}

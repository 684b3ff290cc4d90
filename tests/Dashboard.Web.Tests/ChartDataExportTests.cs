using System.Globalization;
using System.Net;
using System.Text;
using Dashboard.TestSupport;
using Dashboard.Web.TestHost;

namespace Dashboard.Web.Tests;

/// <summary>
/// A chart's figures as CSV and a page's charts as one XLSX workbook: read back, checked against SQLite's own sums,
/// scoped to the caller's markets, with nothing a spreadsheet would run.
/// </summary>
public sealed class ChartDataExportTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_charts_csv_holds_the_filters_first_and_the_channel_totals_sqlite_sums_for_the_users_markets()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var us = await app.SignedInClientAsync("us@demo.local");
        using var response = await us.GetAsync("exports/charts/channels/channel-measure.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes.AsSpan(3)));

        // The title, then the scope: whose data, the period (ISO dates), the currency, who exported it.
        Assert.Equal(["Attributed ROAS by channel"], rows[0]);
        Assert.Equal(["Scope", "Markets: US"], rows[1]);
        var period = rows.Single(r => r[0] == "Period")[1].Split(" to ");
        var (from, to) = (DateOnly.ParseExact(period[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(period[1], "yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.Equal(["Currency", "USD"], rows.Single(r => r[0] == "Currency"));
        Assert.StartsWith("20", rows.Single(r => r[0] == "Data as of")[1], StringComparison.Ordinal);
        Assert.EndsWith("by us@demo.local", rows.Single(r => r[0] == "Exported")[1], StringComparison.Ordinal);

        var header = rows.FindIndex(r => r[0] == "Channel");
        Assert.True(header > 0);
        Assert.Equal(["Channel", "Channel key", "Attributed ROAS (ratio)", "Spend (USD)", "Micro-conversions (count)"], rows[header][..5]);
        var actions = rows[header].IndexOf("Micro-conversions (count)");
        var exported = rows.Skip(header + 1).Where(r => r.Count > 1 && r[actions].Length > 0)
            .ToDictionary(r => r[1], r => double.Parse(r[actions], CultureInfo.InvariantCulture));

        var expected = (await app.Database.TextAsync(
            "SELECT group_concat(k || '=' || n, '|') FROM (SELECT c.key AS k, SUM(mc.count) AS n FROM micro_conversions mc "
            + "JOIN markets m ON m.id = mc.market_id JOIN channels c ON c.id = mc.channel_id "
            + $"WHERE m.code = 'US' AND mc.superseded_by IS NULL AND mc.date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}' GROUP BY c.key ORDER BY c.key)"))!
            .Split('|').Select(p => p.Split('=')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), exported.OrderBy(e => e.Key, StringComparer.Ordinal));

        // Nothing a spreadsheet would run: a cell starting with = + - @ tab or CR is a number or was neutralised.
        foreach (var cell in rows.SelectMany(r => r))
        {
            Assert.True(cell.Length == 0 || !"=+-@\t\r".Contains(cell[0], StringComparison.Ordinal) || double.TryParse(cell, CultureInfo.InvariantCulture, out _), cell);
        }

        Assert.Equal(1, await app.Database.CountAsync(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND actor = 'us@demo.local' AND target LIKE 'channels-channel-measure-%.csv' AND details LIKE 'Markets: US;%'"));
    }

    [Fact]
    public async Task A_pages_workbook_has_a_sheet_per_chart_with_real_dates_and_numbers_that_equal_sqlite()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var response = await director.GetAsync("exports/charts/trends.xlsx?grain=day", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var sheets = WorkbookReader.Read(await response.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal(2, sheets.Count);
        Assert.Equal("All micro-conversions and reven", sheets[0].Name);
        Assert.Equal("Do actions lead sales  Correlat", sheets[1].Name);
        Assert.All(sheets.SelectMany(s => s.Rows).SelectMany(r => r).OfType<ReadCell>(), c => Assert.Null(c.Formula));

        var trend = sheets[0].Rows;
        Assert.Equal("All micro-conversions and revenue by day", trend[0][0]!.Text);
        Assert.Equal("Markets: all", trend.Single(r => r.Count > 0 && r[0]!.Text == "Scope")[1]!.Text);
        var header = trend.ToList().FindIndex(r => r.Count > 0 && r[0]?.Text == "Day");
        Assert.Equal(["Day", "Starts", "All micro-conversions (count)", "Revenue (USD)"], trend[header].Take(4).Select(c => c!.Text));
        var days = trend.Skip(header + 1).Where(r => r.Count > 2 && r[2] is not null).ToList();
        Assert.Equal(28, days.Count);
        Assert.All(days, r =>
        {
            Assert.True(r[1]!.IsNumber);
            Assert.Equal("yyyy-mm-dd", r[1]!.NumberFormat);
            Assert.True(r[2]!.IsNumber);
            Assert.Equal("#,##0", r[2]!.NumberFormat);
        });

        // Excel's day numbers (1900 date system) back to calendar days, and each day's actions against SQLite.
        var exported = days.ToDictionary(r => DateOnly.FromDayNumber(new DateOnly(1899, 12, 30).DayNumber + (int)r[1]!.Number), r => r[2]!.Number);
        var from = exported.Keys.Min();
        var to = exported.Keys.Max();
        Assert.Equal(27, to.DayNumber - from.DayNumber);
        var expected = (await app.Database.TextAsync(
            "SELECT group_concat(d || '=' || n, '|') FROM (SELECT date AS d, SUM(count) AS n FROM micro_conversions "
            + $"WHERE superseded_by IS NULL AND date BETWEEN '{from:yyyy-MM-dd}' AND '{to:yyyy-MM-dd}' GROUP BY date ORDER BY date)"))!
            .Split('|').Select(p => p.Split('='))
            .ToDictionary(p => DateOnly.ParseExact(p[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), p => double.Parse(p[1], CultureInfo.InvariantCulture));
        Assert.Equal(expected, exported);

        var lags = sheets[1].Rows;
        var lagHeader = lags.ToList().FindIndex(r => r.Count > 0 && r[0]?.Text == "Lag (days)");
        Assert.Equal(29, lags.Skip(lagHeader + 1).Count(r => r.Count > 0));
        Assert.All(lags.Skip(lagHeader + 1).Where(r => r.Count > 1 && r[1] is not null), r => Assert.InRange(r[1]!.Number, -1, 1));
    }

    [Fact]
    public async Task A_viewer_gets_no_data_file_and_an_unknown_page_or_chart_is_not_found()
    {
        await using var app = await AppFactory.StartSeededAsync();
        using var viewer = await app.SignedInClientAsync("viewer@demo.local");
        using var refused = await viewer.GetAsync("exports/charts/trends.xlsx", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var director = await app.SignedInClientAsync("director@demo.local");
        using var noPage = await director.GetAsync("exports/charts/nowhere.xlsx", Ct);
        Assert.Equal(HttpStatusCode.NotFound, noPage.StatusCode);
        using var noChart = await director.GetAsync("exports/charts/trends/nothing.csv", Ct);
        Assert.Equal(HttpStatusCode.NotFound, noChart.StatusCode);
        Assert.Equal(0, await app.Database.CountAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'export'"));
    }

    /// <summary>RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks.</summary>
    private static class Csv
    {
        public static List<List<string>> Parse(string text)
        {
            var rows = new List<List<string>>();
            var row = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        field.Append(c);
                    }
                }
                else if (c == '"')
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i++;
                }
                else
                {
                    field.Append(c);
                }
            }

            return rows;
        }
    }
}

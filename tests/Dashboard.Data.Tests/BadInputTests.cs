using System.Text;
using Dashboard.Data.Imports;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// Every refused file changes no data (the content fingerprint of every table but the import log is identical)
/// and names the line, column and reason of each fault.
/// </summary>
public sealed class BadInputTests
{
    private const string Header = "date,market,channel,campaign,event,source,count";

    public static TheoryData<string, string, long, string, string> Cases => new()
    {
        { "bad date", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5\n2025/03/05,DE,paid_social,,coupon_download,,5", 3, "date", "YYYY-MM-DD" },
        { "negative count", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,-5", 2, "count", "negative" },
        { "unknown market", $"{Header}\n2025-03-04,DX,paid_social,,coupon_download,,5", 2, "market", "did you mean 'DE'" },
        { "misspelt event", $"{Header}\n2025-03-04,DE,paid_social,,coupon_downlod,,5", 2, "event", "did you mean 'coupon_download'" },
        { "unknown channel", $"{Header}\n2025-03-04,DE,paid_socail,,coupon_download,,5", 2, "channel", "did you mean 'paid_social'" },
        { "unknown source", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,pos,5", 2, "source", "not a source system" },
        { "duplicate key", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5\n2025-03-04,DE,paid_social,,coupon_download,,6", 3, "date+market+channel+campaign+event+source", "line 2" },
        { "missing column", "date,market,channel,campaign,event,source\n2025-03-04,DE,paid_social,,coupon_download,", 1, "count", "missing from the header" },
        { "unknown column", $"{Header},colour\n2025-03-04,DE,paid_social,,coupon_download,,5,red", 1, "colour", "not a column" },
        { "wrong delimiter", "date;market;channel;campaign;event;source;count\n2025-03-04;DE;paid_social;;coupon_download;;5", 1, "", "';'" },
        { "unterminated quote", $"{Header}\n2025-03-04,DE,paid_social,\"spring,coupon_download,,5\n2025-03-05,DE,paid_social,,coupon_download,,5", 2, "", "quote" },
        { "too many fields", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5,9", 2, "", "8 field(s)" },
        { "decimal count", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5.5", 2, "count", "whole number" },
        { "empty file", "", 1, "", "empty" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_file_changes_nothing_and_names_the_fault(string name, string csv, long line, string column, string reason)
    {
        await using var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await DatabaseFingerprint.ComputeAsync(temp.Path);

        var result = await Fixtures.ImportAsync(temp, "micro_conversions", csv, "bad.csv");

        Assert.False(result.Stored, name);
        Assert.Equal(before, await DatabaseFingerprint.ComputeAsync(temp.Path));
        var error = result.Errors[0];
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'failed' AND file_name = 'bad.csv'"));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_not_only_the_first()
    {
        await using var temp = await TempDatabase.CreateAsync();

        var result = await Fixtures.ImportAsync(temp, "sales", """
            date,market,brand,sku,orders,units,revenue,currency
            2025-03-04,DE,aurora_cola,,10,20,100.12345,EUR
            2025-03-04,FR,aurora_cola,,10,20,100,EURO
            2025-13-04,IT,aurora_cola,,x,20,100,EUR
            """);

        Assert.False(result.Stored);
        Assert.Equal(
            ["2:revenue", "3:currency", "4:date", "4:orders"],
            result.Errors.Select(e => $"{e.Line}:{e.Column}").ToArray());
        Assert.Contains("more than 4 decimals", result.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM brands"));
    }

    [Fact]
    public async Task A_bad_last_row_of_a_large_file_stores_nothing_and_names_that_line()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await DatabaseFingerprint.ComputeAsync(temp.Path);
        const int rows = 200_000;
        var csv = new StringBuilder(Header).Append('\n');
        var day = new DateOnly(2020, 1, 1);
        var events = new[] { "coupon_download", "add_to_cart", "scan_to_win", "product_review" };
        var markets = new[] { "US", "GB", "JP", "MX", "AU" };
        for (var i = 0; i < rows - 1; i++)
        {
            // 5 markets × 4 events distinct keys per day.
            csv.Append(day.AddDays(i / 20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                .Append(markets[i % 5]).Append(",display,,").Append(events[i / 5 % 4]).Append(",,").Append(i % 97).Append('\n');
        }

        csv.Append("2030-01-01,US,display,,coupon_download,,12x\n");

        var result = await Fixtures.ImportAsync(temp, "micro_conversions", csv.ToString(), "large.csv");

        Assert.False(result.Stored);
        var error = Assert.Single(result.Errors);
        Assert.Equal(rows + 1, error.Line);
        Assert.Equal("count", error.Column);
        Assert.Equal(rows, result.RowsRead);
        Assert.Equal(before, await DatabaseFingerprint.ComputeAsync(temp.Path));
    }

    [Fact]
    public async Task An_unknown_kind_is_refused_with_the_list_of_kinds()
    {
        await using var temp = await TempDatabase.CreateAsync();

        var result = await Fixtures.ImportAsync(temp, "orders", Fixtures.Sales);

        Assert.False(result.Stored);
        Assert.Contains("micro_conversions", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_text_names_line_column_value_and_reason()
    {
        var error = new ImportError(58, "date", "2025/03/04", "is not a date in the form YYYY-MM-DD");

        Assert.Equal("line 58, column date: is not a date in the form YYYY-MM-DD (value '2025/03/04')", error.ToString());
    }
}

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

    private static readonly (string Name, string Csv, long Line, string Column, string Reason)[] Faults =
    [
        ("bad date", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5\n2025/03/05,DE,paid_social,,coupon_download,,5", 3, "date", "YYYY-MM-DD"),
        ("negative count", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,-5", 2, "count", "negative"),
        ("unknown market", $"{Header}\n2025-03-04,DX,paid_social,,coupon_download,,5", 2, "market", "did you mean 'DE'"),
        ("misspelt event", $"{Header}\n2025-03-04,DE,paid_social,,coupon_downlod,,5", 2, "event", "did you mean 'coupon_download'"),
        ("unknown channel", $"{Header}\n2025-03-04,DE,paid_socail,,coupon_download,,5", 2, "channel", "did you mean 'paid_social'"),
        ("unknown source", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,pos,5", 2, "source", "not a source system"),
        ("duplicate key", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5\n2025-03-04,DE,paid_social,,coupon_download,,6", 3, "date+market+channel+campaign+event+source", "line 2"),
        ("missing column", "date,market,channel,campaign,event,source\n2025-03-04,DE,paid_social,,coupon_download,", 1, "count", "missing from the header"),
        ("unknown column", $"{Header},colour\n2025-03-04,DE,paid_social,,coupon_download,,5,red", 1, "colour", "not a column"),
        ("wrong delimiter", "date;market;channel;campaign;event;source;count\n2025-03-04;DE;paid_social;;coupon_download;;5", 1, "", "';'"),
        ("unterminated quote", $"{Header}\n2025-03-04,DE,paid_social,\"spring,coupon_download,,5\n2025-03-05,DE,paid_social,,coupon_download,,5", 2, "", "quote"),
        ("too many fields", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5,9", 2, "", "8 field(s)"),
        ("decimal count", $"{Header}\n2025-03-04,DE,paid_social,,coupon_download,,5.5", 2, "count", "whole number"),
        ("empty file", "", 1, "", "empty"),
        ("header only", $"{Header}\n", 2, "", "no data rows"),
        ("a file of another kind", "date,market,brand,sku,orders,units,revenue,currency\n2025-03-04,DE,aurora_cola,,1,2,3,EUR", 1, "", "this header is that of sales, not micro_conversions"),
    ];

    public static TheoryData<string, string, string, long, string, string> Cases()
    {
        var cases = new TheoryData<string, string, string, long, string, string>();
        foreach (var provider in ProviderDatabase.Both)
        {
            foreach (var (name, csv, line, column, reason) in Faults)
            {
                cases.Add(provider, name, csv, line, column, reason);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_file_changes_nothing_and_names_the_fault(string provider, string name, string csv, long line, string column, string reason)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await temp.FingerprintAsync();

        var result = await Fixtures.ImportAsync(temp, "micro_conversions", csv, "bad.csv");

        Assert.False(result.Stored, name);
        Assert.Equal(before, await temp.FingerprintAsync());
        var error = result.Errors[0];
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM imports WHERE outcome = 'failed' AND file_name = 'bad.csv'"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Every_bad_row_is_reported_not_only_the_first(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

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

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_bad_last_row_of_a_large_file_stores_nothing_and_names_that_line(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await temp.FingerprintAsync();
        const int rows = 1_000_000;
        var path = Path.Combine(temp.Folder, "large.csv");
        LargeFiles.MicroConversions(path, rows - 1, new DateOnly(2020, 1, 1), ["US", "GB", "JP", "MX", "AU"], "2030-01-01,US,display,,coupon_download,,12x");

        ImportResult result;
        await using (var db = temp.Open())
        {
            result = await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", path, "tester", ct: TestContext.Current.CancellationToken);
        }

        Assert.False(result.Stored);
        var error = Assert.Single(result.Errors);
        Assert.Equal(rows + 1, error.Line);
        Assert.Equal("count", error.Column);
        Assert.Equal(rows, result.RowsRead);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_unknown_kind_is_refused_with_the_list_of_kinds(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

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

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_in_another_encoding_is_refused_at_its_first_bad_byte_and_changes_nothing(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions, "good.csv");
        var before = await temp.FingerprintAsync();

        // Saved as Latin-1 by a spreadsheet: "ü" is the single byte 0xFC, never valid in UTF-8.
        var path = Path.Combine(temp.Folder, "latin1.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes($"{Header}\n2025-03-06,DE,paid_social,fruehling,coupon_download,,5\n2025-03-07,DE,paid_social,Frühling,coupon_download,,5\n"),
            TestContext.Current.CancellationToken);
        ImportResult result;
        await using (var db = temp.Open())
        {
            result = await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", path, "tester", ct: TestContext.Current.CancellationToken);
        }

        Assert.False(result.Stored);
        var error = Assert.Single(result.Errors);
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Contains("byte 0xFC", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await temp.FingerprintAsync());
    }
}

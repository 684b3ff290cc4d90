using System.Text.Json;
using Dashboard.Cli;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>The command line in-process, with its stdout and stderr captured, against a real SQLite file.</summary>
public sealed class CliTests
{
    private static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CliApp.RunAsync(args, stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_prints_the_API_shape_on_stdout_and_a_summary_on_stderr(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var file = temp.WriteFile("sales.csv", Fixtures.Sales);

        var (exit, stdout, stderr) = await RunAsync(["import", "sales", file, .. temp.CliArgs]);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("sales", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("sales.csv", json.RootElement.GetProperty("file").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("inserted").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("replaced").GetInt32());
        Assert.True(json.RootElement.GetProperty("import_id").GetInt32() > 0);
        Assert.Contains("3 inserted", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_bad_file_exits_non_zero_stores_nothing_and_lists_every_error(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var file = temp.WriteFile("bad.csv", """
            date,market,channel,campaign,spend,currency
            2025/03/04,DE,display,,10,EUR
            2025-03-04,DE,display,,-3,EUR
            """);
        var before = await temp.FingerprintAsync();

        var (exit, stdout, stderr) = await RunAsync(["import", "spend", file, .. temp.CliArgs]);

        Assert.NotEqual(0, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(0, json.RootElement.GetProperty("stored").GetInt32());
        var errors = json.RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(2, errors[0].GetProperty("line").GetInt32());
        Assert.Equal("date", errors[0].GetProperty("column").GetString());
        Assert.Equal("2025/03/04", errors[0].GetProperty("value").GetString());
        Assert.Contains("line 2, column date:", stderr, StringComparison.Ordinal);
        Assert.Contains("line 3, column spend:", stderr, StringComparison.Ordinal);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_rollback_undoes_an_import(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var file = temp.WriteFile("spend.csv", Fixtures.Spend);
        var (_, stdout, _) = await RunAsync(["import", "spend", file, .. temp.CliArgs]);
        var id = JsonDocument.Parse(stdout).RootElement.GetProperty("import_id").GetInt32();

        var (exit, rollbackOut, _) = await RunAsync(["import", "rollback", id.ToString(System.Globalization.CultureInfo.InvariantCulture), .. temp.CliArgs]);

        Assert.Equal(0, exit);
        Assert.True(JsonDocument.Parse(rollbackOut).RootElement.GetProperty("rolled_back").GetBoolean());
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM spend"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_missing_file_is_a_clear_error(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var (exit, _, stderr) = await RunAsync(["import", "sales", Path.Combine(temp.Folder, "nope.csv"), .. temp.CliArgs]);

        Assert.NotEqual(0, exit);
        Assert.Contains("file not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_csv_out_writes_one_standard_file_per_kind_and_the_truth()
    {
        await using var temp = await TempDatabase.CreateAsync();
        var folder = Path.Combine(temp.Folder, "demo");

        var (exit, stdout, _) = await RunAsync("seed", "--csv-out", folder, "--end", "2025-06-30");

        Assert.Equal(0, exit);
        foreach (var kind in Dashboard.Domain.Imports.ImportKinds.All)
        {
            var header = File.ReadLines(Path.Combine(folder, kind.Key + ".csv")).First();
            Assert.Equal(string.Join(",", kind.Columns.Select(c => c.Name)), header);
        }

        using var truth = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "truth.json"), TestContext.Current.CancellationToken));
        Assert.Equal(JsonValueKind.Object, truth.RootElement.ValueKind);
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetProperty("rows").GetProperty("sales").GetInt64() > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seed_refuses_a_malformed_end_date(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var (exit, _, stderr) = await RunAsync(["seed", "--end", "30/06/2025", .. temp.CliArgs]);

        Assert.NotEqual(0, exit);
        Assert.Contains("--end '30/06/2025'", stderr, StringComparison.Ordinal);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM imports"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Metrics_prints_the_API_shape_with_hand_checked_values(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        foreach (var (kind, csv) in new[] { ("fx_rates", Fixtures.FxRates), ("micro_conversions", Fixtures.MicroConversions), ("sales", Fixtures.Sales), ("traffic", Fixtures.Traffic) })
        {
            await Fixtures.ImportAsync(temp, kind, csv, kind + ".csv");
        }

        var (exit, stdout, stderr) = await RunAsync(["metrics", .. temp.CliArgs, "--from", "2025-03-01", "--to", "2025-03-31",
            "--measures", "micro_conversions,revenue,sessions", "--by", "market"]);

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("USD", root.GetProperty("currency").GetString());
        Assert.Equal("market", root.GetProperty("by")[0].GetString());
        var rows = root.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("group").GetProperty("market").GetString()!);
        Assert.Equal(120 + 45 + 130, rows["DE"].GetProperty("values").GetProperty("micro_conversions").GetDouble());
        Assert.Equal(45210.5 * 1.0834, rows["DE"].GetProperty("values").GetProperty("revenue").GetDouble(), 6);
        Assert.Equal(5000 + 12000, rows["DE"].GetProperty("values").GetProperty("sessions").GetDouble());
        // BR's revenue is in BRL at 0.1742 USD: 5,120.1234 + 2,000.
        Assert.Equal((5120.1234 + 2000) * 0.1742, rows["BR"].GetProperty("values").GetProperty("revenue").GetDouble(), 6);
        Assert.Equal(295 + 7, root.GetProperty("totals").GetProperty("values").GetProperty("micro_conversions").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Metrics_csv_has_one_column_per_group_and_measure_and_a_total_line(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);

        var (exit, stdout, _) = await RunAsync(["metrics", .. temp.CliArgs, "--from", "2025-03-04", "--to", "2025-03-05",
            "--measures", "micro_conversions", "--by", "event", "--format", "csv"]);

        Assert.Equal(0, exit);
        Assert.Equal(["event,micro_conversions", "newsletter_signup,257", "coupon_download,45", "total,302"], stdout.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Metrics_refuses_an_unknown_dimension_with_a_message(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var (exit, _, stderr) = await RunAsync(["metrics", .. temp.CliArgs, "--from", "2025-03-01", "--to", "2025-03-31", "--measures", "revenue", "--by", "chanel"]);

        Assert.NotEqual(0, exit);
        Assert.Contains("'chanel' is not a dimension", stderr, StringComparison.Ordinal);
    }
}

using System.Text;
using Dashboard.Data.Imports;
using Dashboard.Data.Imports.Sources;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Sources' own exports (other column names, XLSX) load through a saved mapping; the kind is found from the header.</summary>
public sealed class ImportMappingTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static ColumnMapping CrmMapping => new(
        [new("Datum", "date"), new("Land", "market"), new("Kanal", "channel"), new("Kampagne", "campaign"), new("Ereignis", "event"), new("Anzahl", "count")],
        ["Notiz"]);

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_xlsx_export_read_through_a_template_stores_what_the_standard_csv_stores(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await using (var db = temp.Open())
        {
            var (template, errors) = await SourceTemplates.SaveAsync(db, TimeProvider.System, "Loyalty CRM export", "micro_conversions", CrmMapping, "tester", Ct);
            Assert.Empty(errors);
            Assert.NotNull(template);
        }

        // As a spreadsheet saves it: dates as date-formatted serial numbers, text shared or inline, an empty row, a note column.
        var xlsx = Path.Combine(temp.Folder, "crm-export.xlsx");
        TestWorkbook.Write(xlsx,
        [
            ["Datum", "Land", "Kanal", "Kampagne", "Ereignis", "Anzahl", "Notiz"],
            [new DateOnly(2025, 3, 4), "DE", "paid_social", "spring_refresh_2025", "nl_anmeldung", 120d, "ok"],
            [new DateOnly(2025, 3, 4), "DE", "paid_social", null, new TextCell("coupon_download", Shared: false), 45d, null],
            [null, null, null, null, null, null, null],
            [new DateOnly(2025, 3, 5), "DE", "paid_social", "spring_refresh_2025", "newsletter_signup", 130d, "=HYPERLINK(\"x\")"],
        ]);

        ImportResult result;
        await using (var db = temp.Open())
        {
            var saved = await SourceTemplates.FindAsync(db, "Loyalty CRM export", Ct);
            result = await new FileImporter(db, TimeProvider.System).ImportFileAsync(
                null, xlsx, "tester", new ImportOptions { Mapping = SourceTemplates.MappingOf(saved!), Template = saved!.Name }, Ct);
        }

        Assert.True(result.Stored, string.Join("; ", result.Errors));
        Assert.Equal("micro_conversions", result.Kind);
        Assert.Equal(3, result.Inserted);

        // The same rows, written by hand in the standard format, imported into a second database: identical stored rows.
        await using var reference = await ProviderDatabase.CreateAsync(provider);
        var standard = await Fixtures.ImportAsync(reference, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,DE,paid_social,spring_refresh_2025,newsletter_signup,,120
            2025-03-04,DE,paid_social,,coupon_download,,45
            2025-03-05,DE,paid_social,spring_refresh_2025,newsletter_signup,,130
            """);
        Assert.True(standard.Stored);
        const string Rows = "SELECT f.date, m.code, c.key, d.key, f.source, f.count FROM micro_conversions f JOIN markets m ON m.id = f.market_id " +
            "JOIN channels c ON c.id = f.channel_id JOIN definitions d ON d.id = f.definition_id ORDER BY f.date, d.key, f.count";
        var expected = await reference.RowsAsync(Rows);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await temp.RowsAsync(Rows));
        Assert.Equal("Loyalty CRM export", await temp.ScalarTextAsync("SELECT template FROM imports WHERE outcome = 'succeeded'"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Money_in_a_spreadsheet_cell_keeps_its_four_decimals_despite_binary_noise(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var xlsx = Path.Combine(temp.Folder, "sales.xlsx");
        TestWorkbook.Write(xlsx,
        [
            ["date", "market", "brand", "sku", "orders", "units", "revenue", "currency"],
            [new DateOnly(2025, 3, 4), "BR", "aurora_cola", "AC-330", 300d, 900d, 5120.1234, "BRL"],
            [new DateOnly(2025, 3, 4), "BR", "aurora_cola", "AC-500", 100d, 250d, 0.1 + 0.2, "BRL"],
        ]);

        await using var db = temp.Open();
        var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync(null, xlsx, "tester", ct: Ct);

        Assert.True(result.Stored, string.Join("; ", result.Errors));
        Assert.Equal(51_201_234 + 3_000, await temp.CountAsync("SELECT SUM(revenue) FROM sales"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_kind_is_found_from_the_header_and_a_file_of_another_kind_is_named(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var path = temp.WriteFile("sales.csv", Fixtures.Sales);
        await using var db = temp.Open();
        var importer = new FileImporter(db, TimeProvider.System);

        var before = await temp.FingerprintAsync();
        var wrong = await importer.ImportFileAsync("micro_conversions", path, "tester", ct: Ct);
        Assert.False(wrong.Stored);
        Assert.Equal(before, await temp.FingerprintAsync());
        Assert.Contains(wrong.Errors, e => e.Line == 1 && e.Message.Contains("this header is that of sales, not micro_conversions", StringComparison.Ordinal));

        var detected = await importer.ImportFileAsync(null, path, "tester", ct: Ct);
        Assert.True(detected.Stored);
        Assert.Equal("sales", detected.Kind);
        Assert.Equal(3, detected.Inserted);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Rows_outside_the_callers_markets_are_refused_by_line_and_nothing_is_stored(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var path = temp.WriteFile("mc.csv", Fixtures.MicroConversions);
        var before = await temp.FingerprintAsync();
        await using var db = temp.Open();

        var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync(
            "micro_conversions", path, "DE key", new ImportOptions { Markets = new HashSet<string> { "DE" } }, Ct);
        var global = await new FileImporter(db, TimeProvider.System).ImportFileAsync(
            "fx_rates", temp.WriteFile("fx.csv", Fixtures.FxRates), "DE key", new ImportOptions { Markets = new HashSet<string> { "DE" } }, Ct);

        Assert.False(result.Stored);
        var error = Assert.Single(result.Errors);
        Assert.Equal((4L, "market", "BR"), (error.Line, error.Column, error.Value));
        Assert.Contains("outside the markets this caller may load (DE)", error.Message, StringComparison.Ordinal);
        Assert.False(global.Stored);
        Assert.Contains("applies to every market", Assert.Single(global.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_preview_shows_the_first_rows_as_stored_and_stores_nothing(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var before = await temp.FingerprintAsync();
        var csv = """
            Datum,Land,Kanal,Kampagne,Ereignis,Anzahl,Notiz
            2025-03-04,DE,email_crm,,nl_anmeldung,12,ok
            2025-03-04,AT,email_crm,,nl_anmeldung,3,
            2025-03-05,DE,email_crm,brand_new_campaign,coupon_download,4,
            """;
        await using var db = temp.Open();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));

        var preview = await ImportPreview.ReadAsync(db, stream, FileFormat.Csv, null, CrmMapping, 20, Ct);

        Assert.Equal("micro_conversions", preview.Kind);
        Assert.Contains(preview.Columns, c => c.Source == "Notiz" && c.Ignored);
        Assert.Equal(3, preview.Rows.Count);
        var first = preview.Rows[0].Stored;
        Assert.Equal(("2025-03-04", "DE", "newsletter_signup", "crm", "12"), (first["date"], first["market"], first["event"], first["source"], first["count"]));
        var bad = Assert.Single(preview.Rows[1].Errors);
        Assert.Equal((3L, "market"), (bad.Line, bad.Column));
        Assert.Contains("did you mean", bad.Message, StringComparison.Ordinal);
        Assert.Equal("brand_new_campaign (new)", preview.Rows[2].Stored["campaign"]);
        Assert.Equal(before, await temp.FingerprintAsync());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_template_that_maps_onto_no_column_or_twice_onto_one_is_refused(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await using var db = temp.Open();

        var (saved, errors) = await SourceTemplates.SaveAsync(db, TimeProvider.System, "POS scan feed", "micro_conversions",
            new ColumnMapping([new("Scans", "scans"), new("Tag", "date"), new("Day", "date")], []), "tester", Ct);

        Assert.Null(saved);
        Assert.Contains(errors, e => e.Contains("'scans', which is not a column of micro_conversions", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'date' is fed by 'Tag' and 'Day'", StringComparison.Ordinal));
        Assert.Empty(await SourceTemplates.ListAsync(db, Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_formula_looking_cell_is_stored_as_its_text(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var result = await Fixtures.ImportAsync(temp, "survey_responses", """
            date,market,event,respondent_id,reason,score
            2025-03-04,DE,coupon_download,r-1,"=HYPERLINK(""http://example.invalid"",""click"")",5
            """);

        Assert.True(result.Stored);
        Assert.Equal("=HYPERLINK(\"http://example.invalid\",\"click\")", await temp.ScalarTextAsync("SELECT reason FROM survey_responses"));
    }
}

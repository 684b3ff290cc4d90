using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

public sealed class ImportTests
{
    [Theory]
    [MemberData(nameof(Fixtures.AllKindsOnBoth), MemberType = typeof(Fixtures))]
    public async Task Every_kind_imports_from_its_standard_file(string provider, string kind, string csv, int expectedRows)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var result = await Fixtures.ImportAsync(temp, kind, csv);

        Assert.True(result.Stored, string.Join("\n", result.Errors));
        Assert.Equal(expectedRows, result.Inserted);
        Assert.Equal(0, result.Replaced);
        Assert.Equal(1, await temp.CountAsync($"SELECT COUNT(*) FROM imports WHERE id = {result.ImportId} AND outcome = 'succeeded' AND inserted = {expectedRows}"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Aliases_resolve_to_the_standard_key_and_an_empty_source_takes_the_definitions_default(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);

        // nl_anmeldung (DE) is newsletter_signup, whose default source is crm.
        Assert.Equal(120, await temp.CountAsync("""
            SELECT m.count FROM micro_conversions m JOIN definitions d ON d.id = m.definition_id JOIN markets k ON k.id = m.market_id
            WHERE d.key = 'newsletter_signup' AND k.code = 'DE' AND m.date = '2025-03-04' AND m.source = 'crm'
            """));
        Assert.Equal(2, await temp.CountAsync("SELECT COUNT(*) FROM campaigns WHERE key IN ('', 'spring_refresh_2025')"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Money_is_stored_exactly_in_ten_thousandths(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        await Fixtures.ImportAsync(temp, "sales", Fixtures.Sales);

        Assert.Equal(452_105_000, await temp.CountAsync("SELECT revenue FROM sales WHERE sku = '' "));
        Assert.Equal(51_201_234, await temp.CountAsync("SELECT revenue FROM sales WHERE sku = 'AC-330'"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM brands WHERE key = 'aurora_cola' AND gross_margin_bp = 4000"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_journey_row_without_consent_stores_none_of_that_journey_and_a_later_withdrawal_erases_it(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        await Fixtures.ImportAsync(temp, "journeys", Fixtures.Journeys);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE journey_id = 'j2'"));
        Assert.Equal(3, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE journey_id = 'j1'"));
        // The purchase without a currency takes the market's; the +01:00 touch is stored in UTC.
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE event = 'purchase' AND currency = 'EUR' AND revenue = 235000"));
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(*) FROM journeys WHERE event = 'newsletter_signup' AND CAST(timestamp_utc AS TEXT) LIKE '2025-03-02 10:30:00%'"));

        var withdrawal = await Fixtures.ImportAsync(temp, "journeys", """
            journey_id,market,timestamp,channel,event,consent
            j1,DE,2025-03-05T00:00:00Z,organic,visit,false
            """, "withdrawal.csv");

        Assert.True(withdrawal.Stored);
        Assert.Equal(1, withdrawal.ErasedJourneys);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM journeys"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_file_withdrawing_consent_for_1200_journeys_erases_each_of_them(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var ids = Enumerable.Range(1, 1200).Select(i => $"w{i}").ToList();
        const string Header = "journey_id,market,timestamp,channel,event,revenue,currency,consent";
        await Fixtures.ImportAsync(temp, "journeys", Header + "\n" + string.Join("\n", ids.Select(id => $"{id},DE,2025-03-01T10:00:00Z,paid_social,visit,,,true")));
        Assert.Equal(1200, await temp.CountAsync("SELECT COUNT(*) FROM journeys"));

        // More journeys than one statement stores (500 a statement): every one of them is erased.
        var withdrawal = await Fixtures.ImportAsync(temp, "journeys",
            Header + "\n" + string.Join("\n", ids.Select(id => $"{id},DE,2025-03-05T10:00:00Z,organic,visit,,,false")), "withdrawal.csv");

        Assert.True(withdrawal.Stored, string.Join("; ", withdrawal.Errors));
        Assert.Equal(1200, withdrawal.ErasedJourneys);
        Assert.Equal(0, await temp.CountAsync("SELECT COUNT(*) FROM journeys"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reimporting_a_corrected_file_replaces_rows_and_never_double_counts(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var first = await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);

        var again = await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions.Replace(",45", ",50", StringComparison.Ordinal));

        Assert.Equal(4, first.Inserted);
        Assert.Equal(0, again.Inserted);
        Assert.Equal(4, again.Replaced);
        Assert.Equal(4, await temp.CountAsync("SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL"));
        Assert.Equal(120 + 50 + 7 + 130, await temp.CountAsync("SELECT SUM(count) FROM micro_conversions WHERE superseded_by IS NULL"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Two_local_names_of_one_definition_in_one_file_are_a_duplicate_key(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var result = await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,DE,email_crm,,nl_anmeldung,crm,10
            2025-03-04,DE,email_crm,,newsletter_signup,crm,11
            """);

        Assert.False(result.Stored);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Brand_level_and_sku_level_sales_for_one_brand_and_day_are_refused(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "sales", Fixtures.Sales);

        var inFile = await Fixtures.ImportAsync(temp, "sales", """
            date,market,brand,sku,orders,units,revenue,currency
            2025-03-05,FR,aurora_cola,,10,20,100,EUR
            2025-03-05,FR,aurora_cola,AC-330,1,2,10,EUR
            """, "mixed.csv");
        var againstStored = await Fixtures.ImportAsync(temp, "sales", """
            date,market,brand,sku,orders,units,revenue,currency
            2025-03-04,BR,aurora_cola,,400,1150,7120.1234,BRL
            """, "brand-level.csv");

        Assert.False(inFile.Stored);
        Assert.Equal(3, Assert.Single(inFile.Errors).Line);
        Assert.False(againstStored.Stored);
        Assert.Contains("SKU-level sales are stored", Assert.Single(againstStored.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_holdout_test_has_one_period_for_all_its_markets(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);

        var result = await Fixtures.ImportAsync(temp, "holdout_tests", """
            test,market,group,start,end
            t1,DE,test,2025-03-01,2025-04-11
            t1,FR,control,2025-03-02,2025-04-11
            """);

        Assert.False(result.Stored);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
    }
}

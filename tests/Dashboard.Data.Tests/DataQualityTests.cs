using Dashboard.Data.Quality;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>Each data-quality check finds the fault planted for it, and nothing where none was planted.</summary>
public sealed class DataQualityTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Planted_faults_are_found_and_their_rows_can_be_listed(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "fx_rates", """
            month,currency,usd_rate
            2025-02,EUR,1.05
            2025-03,EUR,1.08
            2025-02,GBP,1.26
            """);
        await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,DE,email_crm,,newsletter_signup,crm,10
            2025-03-09,DE,in_store,,scan_to_win,in_store,4
            2025-03-02,DE,in_store,,shelf_scan,in_store,3
            """);
        // GB spend in GBP in March, a month without a GBP rate (February's is carried forward); the same campaign day in DE and GB.
        await Fixtures.ImportAsync(temp, "spend", """
            date,market,channel,campaign,spend,currency
            2025-03-04,DE,paid_social,winter_push,1500,EUR
            2025-03-04,GB,paid_social,winter_push,1500,EUR
            2025-03-04,GB,paid_search,,200,GBP
            """);
        await Fixtures.ImportAsync(temp, "journeys", """
            journey_id,market,timestamp,channel,event,revenue,currency,consent
            j-shared,DE,2025-03-01T10:00:00Z,paid_social,visit,,,
            j-shared,FR,2025-03-02T10:00:00Z,display,visit,,,
            j-own,DE,2025-03-01T11:00:00Z,paid_social,visit,,,
            """);
        var refused = await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-05,DE,email_crm,,nl_anmeldng,,3
            2025-03-06,DE,email_crm,,nl_anmeldng,,4
            """);

        using var inventory = new Dashboard.Data.Inventory.DataInventory(temp.Factory());
        using var checks = new DataQualityChecks(temp.Factory(), inventory);
        var findings = await checks.RunAsync(Ct);

        var micro = findings.Freshness.Where(f => f.Kind == "micro_conversions" && f.Market == "DE").ToDictionary(f => f.Source, f => f.Last);
        Assert.Equal(new DateOnly(2025, 3, 4), micro["crm"]);
        Assert.Equal(new DateOnly(2025, 3, 9), micro["in_store"]);
        Assert.Equal(new DateOnly(2025, 3, 2), findings.Freshness.Single(f => f.Kind == "journeys" && f.Market == "FR").Last);

        var journey = Assert.Single(findings.CrossMarketJourneys);
        Assert.Equal(("j-shared", 2L), (journey.JourneyId, journey.Touches));
        Assert.Equal(["DE", "FR"], journey.Markets.Order());

        var spend = Assert.Single(findings.DuplicatedSpend);
        Assert.Equal(("winter_push", 1500m, "EUR"), (spend.Campaign, spend.Spend, spend.Currency));
        Assert.Equal(["DE", "GB"], spend.Markets.Order());

        var unmapped = Assert.Single(findings.UnmappedEvents);
        Assert.Equal(("nl_anmeldng", 2L), (unmapped.Name, unmapped.Occurrences));
        Assert.Equal([refused.ImportId!.Value], unmapped.Imports);

        var missing = Assert.Single(findings.MissingRates);
        Assert.Equal(("2025-03", "GBP", 1L, "2025-02"), (missing.Month, missing.Currency, missing.Rows, missing.CarriedFrom));

        await using var db = temp.Open();
        var rows = await RowBrowser.ReadAsync(db, new RowFilter("journeys", new Dictionary<string, string> { ["journey_id"] = "j-shared" }), Ct);
        Assert.Equal(2, rows.Total);
        Assert.Equal(["FR", "DE"], rows.Rows.Select(r => r[rows.Columns.ToList().IndexOf("market")]));
        var day = await RowBrowser.ReadAsync(db, new RowFilter("spend", new Dictionary<string, string> { ["campaign"] = "winter_push" },
            new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 4)), Ct);
        Assert.Equal(2, day.Total);
    }
}

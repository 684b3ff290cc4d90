using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Snapshot;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

public sealed class SnapshotLoaderTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_snapshot_holds_current_rows_only_with_codes_that_lead_back_to_the_keys(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,BR,organic,,newsletter_signup,crm,9
            """, "fix.csv");
        await Fixtures.ImportAsync(temp, "sales", Fixtures.Sales);
        await Fixtures.ImportAsync(temp, "spend", Fixtures.Spend);
        await Fixtures.ImportAsync(temp, "traffic", Fixtures.Traffic);
        await Fixtures.ImportAsync(temp, "fx_rates", Fixtures.FxRates);
        await using var db = temp.Open();

        var snapshot = await SnapshotLoader.LoadAsync(db, TestContext.Current.CancellationToken);

        var micro = snapshot.MicroConversions;
        var reference = snapshot.Reference;
        Assert.Equal(4, micro.Count);
        Assert.Equal(120 + 45 + 9 + 130, micro.Actions.Sum());
        var br = Enumerable.Range(0, micro.Count).Single(i => reference.Markets[micro.Market[i]].Code == "BR");
        Assert.Equal(9, micro.Actions[br]);
        Assert.Equal("organic", reference.Channels[micro.Channel[br]].Key);
        Assert.Equal("newsletter_signup", reference.Events[micro.Event[br]].Key);
        Assert.Equal(new DateOnly(2025, 3, 4).DayNumber, micro.Day[br]);
        Assert.True(micro.Day.SequenceEqual(micro.Day.Order()), "rows are sorted by day");
        Assert.Equal(new[] { 452_105_000L, 51_201_234L, 20_000_000L }.Order(), snapshot.Sales.Revenue.Order());
        Assert.Equal("AC-330", reference.Skus[snapshot.Sales.Sku[Array.IndexOf(snapshot.Sales.Revenue, 51_201_234L)]]);
        Assert.Equal(2, snapshot.Spend.Count);
        Assert.Equal(new[] { false, true }, snapshot.Traffic.NonPurchaseReported.Order());
        Assert.Equal(new DateOnly(2025, 3, 5), snapshot.LastDay);
        Assert.Equal(6_000_000_000, snapshot.Version); // six imports, no rollback, no erasure
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task A_month_without_a_rate_carries_the_latest_earlier_rate_and_says_so(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        await Fixtures.ImportAsync(temp, "fx_rates", Fixtures.FxRates);
        await using var db = temp.Open();

        var fx = (await SnapshotLoader.LoadAsync(db, TestContext.Current.CancellationToken)).Fx;

        Assert.Equal(new FxRate(1.0834, FxRateSource.Exact, FxRates.MonthIndex(new DateOnly(2025, 3, 1))), fx.Resolve("EUR", FxRates.MonthIndex(new DateOnly(2025, 3, 1))));
        Assert.Equal(new FxRate(1.0834, FxRateSource.CarriedForward, FxRates.MonthIndex(new DateOnly(2025, 3, 1))), fx.Resolve("EUR", FxRates.MonthIndex(new DateOnly(2025, 7, 1))));
        Assert.Equal(FxRateSource.Missing, fx.Resolve("EUR", FxRates.MonthIndex(new DateOnly(2025, 2, 1))).Source);
        Assert.Equal(FxRateSource.Missing, fx.Resolve("GBP", FxRates.MonthIndex(new DateOnly(2025, 3, 1))).Source);
        Assert.Equal(1.0, fx.Resolve("USD", 0).UsdPerUnit);
    }

    [Fact]
    public async Task The_demo_snapshot_has_every_current_fact_row_in_at_most_32_bytes_each()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(TestContext.Current.CancellationToken));
        await using var db = temp.Open();

        var snapshot = await SnapshotLoader.LoadAsync(db, TestContext.Current.CancellationToken);

        var current = await temp.CountAsync("""
            SELECT (SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL) + (SELECT COUNT(*) FROM sales WHERE superseded_by IS NULL)
                 + (SELECT COUNT(*) FROM spend WHERE superseded_by IS NULL) + (SELECT COUNT(*) FROM traffic WHERE superseded_by IS NULL)
            """);
        Assert.Equal(current, snapshot.FactRows);
        Assert.Equal(await temp.CountAsync("SELECT SUM(count) FROM micro_conversions"), snapshot.MicroConversions.Actions.Sum(a => (long)a));
        Assert.Equal(await temp.CountAsync("SELECT SUM(spend) FROM spend"), snapshot.Spend.Spend.Sum());
        Assert.InRange(snapshot.ColumnBytes / (double)snapshot.FactRows, 1, 32);
        Assert.Equal(SeededTemplate.EndDate, snapshot.LastDay);
    }
}

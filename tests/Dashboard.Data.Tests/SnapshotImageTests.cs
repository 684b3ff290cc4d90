using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Snapshot;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

/// <summary>
/// After a load from the fact rows the snapshot is stored as a columnar image; later loads of the same data read it.
/// It must give exactly the snapshot the rows give, and never be used for other data or other reference lists.
/// </summary>
public sealed class SnapshotImageTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private static async Task<SnapshotLoad> LoadAsync(TempDatabase temp, SnapshotSource source = SnapshotSource.ImageOrRows)
    {
        await using var db = temp.Open();
        return await SnapshotLoader.LoadDetailedAsync(db, source, TimeProvider.System, Ct);
    }

    [Fact]
    public async Task The_second_load_reads_the_image_and_gets_the_same_columns_as_the_rows()
    {
        await using var temp = TempDatabase.CopyOf(await SeededTemplate.GetAsync(Ct));
        await temp.ExecuteAsync("DELETE FROM snapshot_images");

        var first = await LoadAsync(temp);
        var second = await LoadAsync(temp);
        var rows = await LoadAsync(temp, SnapshotSource.Rows);

        Assert.Equal(SnapshotOrigin.Rows, first.Origin);
        Assert.True(first.ImageBytesWritten > rows.Snapshot.ColumnBytes, "the image holds every column");
        Assert.Equal(SnapshotOrigin.Image, second.Origin);
        Assert.Equal(0, second.ImageBytesWritten);
        SameColumns(rows.Snapshot, second.Snapshot);
        Assert.Equal(rows.Snapshot.Version, second.Snapshot.Version);
        Assert.Equal(rows.Snapshot.Reference.Skus, second.Snapshot.Reference.Skus);
        Assert.Equal(rows.Snapshot.Reference.Currencies, second.Snapshot.Reference.Currencies);
        Assert.Equal(rows.Snapshot.Reference.Markets, second.Snapshot.Reference.Markets);
    }

    [Fact]
    public async Task An_import_makes_the_image_stale_so_the_next_load_reads_the_rows_with_the_new_row()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        Assert.Equal(SnapshotOrigin.Rows, (await LoadAsync(temp)).Origin);
        Assert.Equal(SnapshotOrigin.Image, (await LoadAsync(temp)).Origin);

        await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,BR,organic,,newsletter_signup,crm,9
            """, "fix.csv");
        var after = await LoadAsync(temp);

        Assert.Equal(SnapshotOrigin.Rows, after.Origin);
        Assert.Equal(120 + 45 + 9 + 130, after.Snapshot.MicroConversions.Actions.Sum());
        Assert.Equal(1, await temp.CountAsync("SELECT COUNT(DISTINCT data_version) FROM snapshot_images"));
        Assert.Equal(after.Snapshot.Version, await temp.CountAsync("SELECT MAX(data_version) FROM snapshot_images"));
    }

    [Fact]
    public async Task An_image_built_on_other_reference_lists_is_not_used()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        await LoadAsync(temp);

        // A market moved to another currency changes what the stored currency codes mean, without any import.
        await temp.ExecuteAsync("UPDATE markets SET currency = 'CHF' WHERE code = 'DE'");
        var after = await LoadAsync(temp);

        Assert.Equal(SnapshotOrigin.Rows, after.Origin);
        Assert.Contains("CHF", after.Snapshot.Reference.Currencies);
    }

    [Fact]
    public async Task A_damaged_image_is_ignored_and_replaced()
    {
        await using var temp = await TempDatabase.CreateAsync();
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        await LoadAsync(temp);
        await temp.ExecuteAsync("UPDATE snapshot_images SET bytes = substr(bytes, 1, length(bytes) - 5)");

        var damaged = await LoadAsync(temp);
        var repaired = await LoadAsync(temp);

        Assert.Equal(SnapshotOrigin.Rows, damaged.Origin);
        Assert.Equal(120 + 45 + 7 + 130, damaged.Snapshot.MicroConversions.Actions.Sum());
        Assert.Equal(SnapshotOrigin.Image, repaired.Origin);
        Assert.Equal(120 + 45 + 7 + 130, repaired.Snapshot.MicroConversions.Actions.Sum());
    }

    private static void SameColumns(FactSnapshot expected, FactSnapshot actual)
    {
        Assert.Equal(expected.FactRows, actual.FactRows);
        Assert.Equal(expected.MicroConversions.Day, actual.MicroConversions.Day);
        Assert.Equal(expected.MicroConversions.Market, actual.MicroConversions.Market);
        Assert.Equal(expected.MicroConversions.Channel, actual.MicroConversions.Channel);
        Assert.Equal(expected.MicroConversions.Campaign, actual.MicroConversions.Campaign);
        Assert.Equal(expected.MicroConversions.Event, actual.MicroConversions.Event);
        Assert.Equal(expected.MicroConversions.Source, actual.MicroConversions.Source);
        Assert.Equal(expected.MicroConversions.Actions, actual.MicroConversions.Actions);
        Assert.Equal(expected.Sales.Sku, actual.Sales.Sku);
        Assert.Equal(expected.Sales.Revenue, actual.Sales.Revenue);
        Assert.Equal(expected.Sales.Currency, actual.Sales.Currency);
        Assert.Equal(expected.Spend.Spend, actual.Spend.Spend);
        Assert.Equal(expected.Spend.Campaign, actual.Spend.Campaign);
        Assert.Equal(expected.Traffic.Sessions, actual.Traffic.Sessions);
        Assert.Equal(expected.Traffic.NonPurchaseReported, actual.Traffic.NonPurchaseReported);
    }
}

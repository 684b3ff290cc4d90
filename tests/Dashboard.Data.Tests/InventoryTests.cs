using Dashboard.Data.Imports;
using Dashboard.Data.Inventory;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

public sealed class InventoryTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_inventory_counts_current_rows_and_follows_imports_and_rollbacks(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        using var inventory = new DataInventory(temp.Factory());
        var ct = TestContext.Current.CancellationToken;
        Assert.All(await inventory.KindsAsync(ct), k => Assert.Equal(0, k.Rows));

        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        var correction = await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-04,DE,paid_social,,coupon_download,ecommerce,50
            2025-03-09,DE,paid_social,,coupon_download,ecommerce,60
            """, "correction.csv");

        var micro = (await inventory.KindsAsync(ct)).Single(k => k.Kind == "micro_conversions");
        Assert.Equal((5L, new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 9), 2), (micro.Rows, micro.First, micro.Last, micro.Markets));
        var de = (await inventory.CoverageAsync(ct)).Single(m => m.Code == "DE").ByKind["micro_conversions"];
        Assert.Equal(new Coverage(4, new DateOnly(2025, 3, 4), new DateOnly(2025, 3, 9)), de);

        await using (var db = temp.Open())
        {
            await new ImportRollback(db, TimeProvider.System).RollbackAsync(correction.ImportId!.Value, "tester", ct);
        }

        micro = (await inventory.KindsAsync(ct)).Single(k => k.Kind == "micro_conversions");
        Assert.Equal((4L, new DateOnly(2025, 3, 5)), (micro.Rows, micro.Last));
    }
}

using Dashboard.Application.Analysis;
using Dashboard.Data.Imports;
using Dashboard.TestSupport;

namespace Dashboard.Data.Tests;

public sealed class SnapshotStoreTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task An_import_or_a_rollback_swaps_in_a_new_snapshot_and_leaves_the_old_one_whole(string provider)
    {
        await using var temp = await ProviderDatabase.CreateAsync(provider);
        var ct = TestContext.Current.CancellationToken;
        await Fixtures.ImportAsync(temp, "micro_conversions", Fixtures.MicroConversions);
        using var store = new MetricsSnapshotStore(temp.Factory());
        var before = await store.GetAsync(ct);

        var late = await Fixtures.ImportAsync(temp, "micro_conversions", """
            date,market,channel,campaign,event,source,count
            2025-03-06,FR,display,,recipe_download,ecommerce,11
            """, "late.csv");
        var unchanged = await store.GetAsync(ct);
        var after = await store.RefreshAsync(ct);

        Assert.Same(before, unchanged);
        Assert.Equal(4, before.Snapshot.MicroConversions.Count);
        Assert.Equal(5, after.Snapshot.MicroConversions.Count);
        Assert.Same(after, await store.RefreshAsync(ct));

        await using (var db = temp.Open())
        {
            await new ImportRollback(db, TimeProvider.System).RollbackAsync(late.ImportId!.Value, "tester", ct);
        }

        Assert.Equal(4, (await store.RefreshAsync(ct)).Snapshot.MicroConversions.Count);
    }
}

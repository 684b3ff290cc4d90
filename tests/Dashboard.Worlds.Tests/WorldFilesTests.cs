using Dashboard.Data;
using Dashboard.Data.Snapshots;
using Dashboard.Worlds.Simulation;
using Dashboard.Worlds.Study;
using Microsoft.Data.Sqlite;

namespace Dashboard.Worlds.Tests;

/// <summary>
/// The study's worlds reach the product as a new user's data would: standard files through the real importer. What
/// the snapshot then holds must be exactly the world's sales and reported actions, or the study grades the wrong data.
/// </summary>
public sealed class WorldFilesTests
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("plain", 11)]
    [InlineData("rollout", 12)]
    [InlineData("promotions", 13)]
    public async Task A_world_imports_whole_and_the_snapshot_holds_its_sales_and_only_its_reported_actions(string name, int seed)
    {
        var world = WorldSimulator.Simulate(WorldCatalogue.Named(name).Small(), seed);
        var folder = Directory.CreateTempSubdirectory("world-files-").FullName;
        try
        {
            var path = System.IO.Path.Combine(folder, "w.db");
            await WorldRun.ImportAsync(world, await WorldTemplate.GetAsync(), path, Ct);

            await using var db = DashboardDatabase.OpenSqlite(path);
            var snapshot = await SnapshotLoader.LoadAsync(db, Ct);
            var reference = snapshot.Reference;

            // Sales: every market-day, to the cent.
            var sales = world.Markets.Sum(m => m.Sales.Skip(world.BurnIn).Sum(v => Math.Round(v, 2)));
            Assert.Equal(sales, snapshot.Sales.Revenue.Sum(r => r / 10_000.0), 0.5);
            Assert.Equal(world.Markets.Count * world.Days, snapshot.Sales.Count);

            // Actions: per market and type, exactly the reported ones (none before a market tracks a type).
            for (var m = 0; m < world.Markets.Count; m++)
            {
                var code = reference.MarketByCode[world.Markets[m].Code];
                for (var k = 0; k < WorldTypes.Keys.Count; k++)
                {
                    var e = reference.Events.ToList().FindIndex(x => x.Key == WorldTypes.Keys[k]);
                    long stored = 0;
                    var first = int.MaxValue;
                    for (var i = 0; i < snapshot.MicroConversions.Count; i++)
                    {
                        if (snapshot.MicroConversions.Market[i] == code && snapshot.MicroConversions.Event[i] == e)
                        {
                            stored += snapshot.MicroConversions.Actions[i];
                            first = Math.Min(first, snapshot.MicroConversions.Day[i]);
                        }
                    }

                    Assert.Equal(world.ReportedVolume(m, k), stored);
                    var tracked = world.Markets[m].TrackedFrom[k];
                    Assert.Equal(tracked == int.MaxValue ? int.MaxValue : world.Start.AddDays(Math.Max(0, tracked)).DayNumber, first);
                }
            }

            if (name == "rollout")
            {
                // The rollout leaves actions unreported that still moved sales: the truth counts only reported ones.
                Assert.Contains(world.Markets, m => m.TrackedFrom.Any(t => t > 0));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}

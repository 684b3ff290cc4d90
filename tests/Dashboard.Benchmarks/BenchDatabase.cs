using System.Diagnostics;
using System.Globalization;
using Dashboard.Data;
using Dashboard.DemoSeeding;
using Dashboard.DemoData;
using Dashboard.Data.Snapshots;
using Dashboard.Metrics.Snapshot;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>
/// A seeded demo database for the engine benchmark, cached in /tmp between runs: seeding the large data takes minutes.
/// The file is built under a temporary name and renamed only when complete, so a crashed seed is never reused.
/// </summary>
internal static class BenchDatabase
{
    public static readonly DateOnly DemoEnd = new(2026, 6, 30);

    public static string PathFor(DemoSize size) =>
        System.IO.Path.Combine(System.IO.Path.GetTempPath(),
            string.Create(CultureInfo.InvariantCulture, $"dashboard-bench-{size.ToString().ToLowerInvariant()}-{DemoEnd:yyyyMMdd}.db"));

    /// <summary>The cached database's snapshot (from its image when one is stored), with the connection pool closed after.</summary>
    public static async Task<FactSnapshot> LoadSnapshotAsync(DemoSize size)
    {
        var path = await EnsureAsync(size, reseed: false);
        FactSnapshot snapshot;
        using (var db = DashboardDatabase.OpenSqlite(path))
        {
            snapshot = (await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.ImageOrRows, TimeProvider.System)).Snapshot;
        }

        SqliteConnection.ClearAllPools();
        return snapshot;
    }

    public static async Task<string> EnsureAsync(DemoSize size, bool reseed)
    {
        var path = PathFor(size);
        if (File.Exists(path) && !reseed)
        {
            Console.WriteLine($"using the cached seeded database {path}");
            await using var db = DashboardDatabase.OpenSqlite(path);
            await DatabaseInitializer.MigrateAsync(db);
            return path;
        }

        var partial = path + ".partial-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var truth = Directory.CreateTempSubdirectory("dashboard-bench-truth-");
        Console.WriteLine($"seeding {size} demo data into {partial} (the large data takes a few minutes)...");
        var clock = Stopwatch.StartNew();
        try
        {
            await using (var db = DashboardDatabase.OpenSqlite(partial))
            {
                await DatabaseInitializer.MigrateAsync(db);
                var result = await new DemoSeeder(db, TimeProvider.System)
                    .SeedAsync(new DemoOptions(DemoEnd, size), truth.FullName, new ConsoleProgress());
                Console.WriteLine(result.Message);
            }

            // Fold the WAL into the file before the rename so the renamed file is complete on its own.
            await using (var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(partial)))
            {
                await connection.OpenAsync();
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            File.Move(partial, path, overwrite: true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {path} in {clock.Elapsed.TotalSeconds:0.0} s"));
            return path;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var leftover in new[] { partial, partial + "-wal", partial + "-shm" })
            {
                File.Delete(leftover);
            }

            truth.Delete(recursive: true);
        }
    }

    private sealed class ConsoleProgress : IProgress<string>
    {
        public void Report(string value) => Console.WriteLine("  " + value);
    }
}

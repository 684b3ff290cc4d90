using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Data;
using Dashboard.Data.Postgres;
using Dashboard.Data.Snapshots;
using Dashboard.DemoData;
using Dashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>
/// The engine's snapshot loaded from PostgreSQL (issue 10's bar: at least 1 million fact rows a second), against the
/// same rows loaded from the SQLite file they were copied from, in the same run; and the copy itself (binary COPY).
/// The server is a throwaway one on 127.0.0.1 (fsync off, as in the tests).
/// </summary>
internal static class PostgresBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Runs = 3;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("large", StringComparer.OrdinalIgnoreCase) ? DemoSize.Large : DemoSize.Small;
        var path = await BenchDatabase.EnsureAsync(size, reseed: false);
        var server = await PostgresServer.SharedAsync();
        var connection = await server.CreateDatabaseAsync();
        await using (var target = DashboardDatabase.OpenPostgres(connection))
        {
            await DatabaseInitializer.MigrateAsync(target);
        }

        var clock = Stopwatch.StartNew();
        var copied = await DatabaseCopy.FromSqliteAsync(path, connection);
        var copyMs = clock.Elapsed.TotalMilliseconds;
        var copiedRows = copied.Values.Sum();

        var postgres = new List<double>();
        var sqlite = new List<double>();
        long factRows = 0;
        for (var i = 0; i < Runs; i++)
        {
            clock.Restart();
            await using (var db = DashboardDatabase.OpenPostgres(connection))
            {
                factRows = (await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.Rows, TimeProvider.System)).Snapshot.FactRows;
            }

            postgres.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await using (var db = DashboardDatabase.OpenSqlite(path))
            {
                await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.Rows, TimeProvider.System);
            }

            sqlite.Add(clock.Elapsed.TotalMilliseconds);
            SqliteConnection.ClearAllPools();
        }

        Console.WriteLine();
        Console.WriteLine($"PostgreSQL, {size.ToString().ToLowerInvariant()} demo data: {factRows:N0} fact rows in the snapshot, {copiedRows:N0} rows in all tables");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; PostgreSQL on 127.0.0.1, fsync off");
        Console.WriteLine($"Command: `dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll postgres {size.ToString().ToLowerInvariant()}`");
        Console.WriteLine();
        Console.WriteLine("| step | median ms | runs | rows/s | bar | vs. SQLite |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| snapshot from PostgreSQL (every fact row, no stored image) | {Median(postgres):0} | {Runs} | {factRows / Median(postgres) * 1000:#,0} | 1,000,000 | {Median(postgres) / Median(sqlite):0.00}× |"));
        Console.WriteLine(string.Create(Inv, $"| peer: the same snapshot from the SQLite file | {Median(sqlite):0} | {Runs} | {factRows / Median(sqlite) * 1000:#,0} | | 1.00× |"));
        Console.WriteLine(string.Create(Inv, $"| copy SQLite → PostgreSQL (binary COPY, every table, one transaction) | {copyMs:0} | 1 | {copiedRows / copyMs * 1000:#,0} | | |"));
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

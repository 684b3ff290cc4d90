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
        // BENCH_POSTGRES_COPIED: a database that already holds `db copy-to-postgres` of this same file (to measure
        // the load again without copying 15 million rows each time); the copy row then reports nothing.
        var connection = Environment.GetEnvironmentVariable("BENCH_POSTGRES_COPIED");
        var clock = Stopwatch.StartNew();
        double copyMs = double.NaN;
        long copiedRows = 0;
        if (connection is null)
        {
            connection = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync();
            await using (var target = DashboardDatabase.OpenPostgres(connection))
            {
                await DatabaseInitializer.MigrateAsync(target);
            }

            clock.Restart();
            var copied = await DatabaseCopy.FromSqliteAsync(path, connection);
            copyMs = clock.Elapsed.TotalMilliseconds;
            copiedRows = copied.Values.Sum();
        }

        var postgres = new List<double>();
        var sqlite = new List<double>();
        long factRows = 0, journeyRows = 0;
        for (var i = 0; i < Runs; i++)
        {
            clock.Restart();
            await using (var db = DashboardDatabase.OpenPostgres(connection))
            {
                var loaded = (await SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.Rows, TimeProvider.System)).Snapshot;
                (factRows, journeyRows) = (loaded.FactRows, loaded.Journeys.Touches);
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
        Console.WriteLine($"PostgreSQL, {size.ToString().ToLowerInvariant()} demo data: {factRows:N0} daily fact rows and {journeyRows:N0} journey touches in the snapshot, {copiedRows:N0} rows copied");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; PostgreSQL on 127.0.0.1, "
            + (copyMs is double.NaN ? "the BENCH_POSTGRES_COPIED database" : "a throwaway server (fsync off)"));
        Console.WriteLine($"Command: `dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll postgres {size.ToString().ToLowerInvariant()}`");
        Console.WriteLine();
        var rows = factRows + journeyRows;
        Console.WriteLine("| step | median ms | runs (ms) | daily fact rows/s | fact + journey rows/s | bar | vs. SQLite |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Console.WriteLine(string.Create(Inv, $"| snapshot from PostgreSQL (no stored image) | {Median(postgres):0} | {RunList(postgres)} | {factRows / Median(postgres) * 1000:#,0} | {rows / Median(postgres) * 1000:#,0} | 1,000,000 | {Median(postgres) / Median(sqlite):0.00}× |"));
        Console.WriteLine(string.Create(Inv, $"| peer: the same snapshot from the SQLite file | {Median(sqlite):0} | {RunList(sqlite)} | {factRows / Median(sqlite) * 1000:#,0} | {rows / Median(sqlite) * 1000:#,0} | | 1.00× |"));
        Console.WriteLine(string.Create(Inv, $"| copy SQLite → PostgreSQL (binary COPY, every table, one transaction) | {copyMs:0} | 1 | | {copiedRows / copyMs * 1000:#,0} (all rows) | | |"));
        return 0;
    }

    private static string RunList(List<double> values) => string.Join(", ", values.Select(v => v.ToString("0", Inv)));

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

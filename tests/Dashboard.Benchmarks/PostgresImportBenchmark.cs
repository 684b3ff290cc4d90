using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Dashboard.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Dashboard.Benchmarks;

/// <summary>
/// Issue 10's import bar: one file of 1 million micro_conversions rows imported into PostgreSQL in at most 10 s
/// (validated, staged by binary COPY, applied all or nothing). The peer is the same file through the same importer
/// into a SQLite file, in the same run. Each run starts from a freshly migrated database. The server is the tests'
/// throwaway one (fsync off) unless BENCH_POSTGRES names a server to use (for example one with default durability).
/// </summary>
internal static class PostgresImportBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private const int Runs = 3;
    private const int Rows = 1_000_000;

    public static async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("dashboard-bench-");
        try
        {
            var file = Path.Combine(work.FullName, "micro_conversions.csv");
            LargeFiles.MicroConversions(file, Rows, new DateOnly(2020, 1, 1), ["US", "GB", "DE", "FR", "JP", "BR", "MX", "AU"]);
            var external = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
            var server = external is null ? "throwaway server on 127.0.0.1, fsync off" : "BENCH_POSTGRES server, its own settings";

            var postgres = new List<double>();
            var sqlite = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var connection = external is null
                    ? await (await PostgresServer.SharedAsync()).CreateMigratedDatabaseAsync()
                    : await FreshDatabaseAsync(external, run);
                postgres.Add(await ImportAsync(new DbContextOptionsBuilder<DashboardDbContext>()
                    .UseNpgsql(connection, o => o.MigrationsAssembly(DashboardDatabase.PostgresMigrationsAssembly)).Options, file));

                var dbPath = Path.Combine(work.FullName, $"peer-{run}.db");
                await using (var db = DashboardDatabase.OpenSqlite(dbPath))
                {
                    await DatabaseInitializer.MigrateAsync(db);
                }

                sqlite.Add(await ImportAsync(DashboardDatabase.SqliteOptions(dbPath), file));
                SqliteConnection.ClearAllPools();
            }

            Console.WriteLine();
            Console.WriteLine($"PostgreSQL import: one micro_conversions file of {Rows:N0} rows into an empty, migrated database ({server})");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine("Command: `dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll postgres-import`");
            Console.WriteLine();
            Console.WriteLine("| database | median s | runs (s) | rows/s | bar | vs. SQLite |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(Inv, $"| PostgreSQL (stage by binary COPY) | {Median(postgres):0.00} | {string.Join(", ", postgres.Select(s => s.ToString("0.00", Inv)))} | {Rows / Median(postgres):#,0} | 10 s | {Median(postgres) / Median(sqlite):0.00}× |"));
            Console.WriteLine(string.Create(Inv, $"| peer: SQLite (same importer) | {Median(sqlite):0.00} | {string.Join(", ", sqlite.Select(s => s.ToString("0.00", Inv)))} | {Rows / Median(sqlite):#,0} | | 1.00× |"));
            return 0;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static async Task<double> ImportAsync(DbContextOptions<DashboardDbContext> options, string file)
    {
        await using var db = new DashboardDbContext(options);
        var clock = Stopwatch.StartNew();
        var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", file, "benchmark");
        var seconds = clock.Elapsed.TotalSeconds;
        if (!result.Stored || result.Inserted != Rows)
        {
            throw new InvalidOperationException($"the import did not store {Rows:N0} rows: {string.Join("; ", result.Errors.Take(3))}");
        }

        return seconds;
    }

    private static async Task<string> FreshDatabaseAsync(string server, int run)
    {
        var name = $"bench_import_{Environment.ProcessId}_{run}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
        await using var db = DashboardDatabase.OpenPostgres(connection);
        await DatabaseInitializer.MigrateAsync(db);
        return connection;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}

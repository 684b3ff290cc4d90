using System.Diagnostics;
using System.Globalization;
using Dashboard.Data;
using Dashboard.DemoSeeding;
using Dashboard.Data.Imports;
using Dashboard.DemoData;
using Microsoft.Data.Sqlite;
using Sylvan.Data.Csv;

namespace Dashboard.Benchmarks;

/// <summary>
/// Import speed on the demo files, kind by kind, against a peer on the same file in the same run: SQLite's own
/// bulk path — one prepared INSERT of the raw text fields into a table with the same unique natural key, in one
/// transaction, with no validation, no reference lookups and no staging. The ratio says what validation,
/// all-or-nothing staging and versioned rows cost.
/// </summary>
internal static class ImportBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("large", StringComparer.OrdinalIgnoreCase) ? DemoSize.Large : DemoSize.Small;
        var work = Directory.CreateTempSubdirectory("dashboard-bench-");
        try
        {
            Console.WriteLine($"Generating {size} demo data...");
            var clock = Stopwatch.StartNew();
            var demo = DemoDataGenerator.Write(new DemoOptions(new DateOnly(2026, 6, 30), size), work.FullName);
            Console.WriteLine(string.Create(Inv, $"generated {demo.TotalRows:N0} rows in {clock.Elapsed.TotalSeconds:0.0} s"));

            var dbPath = Path.Combine(work.FullName, "bench.db");
            await using (var db = DashboardDatabase.OpenSqlite(dbPath))
            {
                await DatabaseInitializer.MigrateAsync(db);
            }

            var rows = new List<(string Kind, long Rows, double Ours, double Peer)>();
            foreach (var kind in DemoSeeder.ImportOrder)
            {
                var file = Path.Combine(work.FullName, kind + ".csv");
                await using var db = DashboardDatabase.OpenSqlite(dbPath);
                clock.Restart();
                var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync(kind, file, "benchmark");
                var ours = clock.Elapsed.TotalSeconds;
                if (!result.Stored)
                {
                    Console.Error.WriteLine($"{kind}: {result.Summary}");
                    return 1;
                }

                var peer = await PeerInsertAsync(Path.Combine(work.FullName, $"peer-{kind}.db"), kind, file);
                rows.Add((kind, result.RowsRead, ours, peer));
            }

            Print(size, rows);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    /// <summary>The peer: raw fields into a same-keyed table with one prepared statement in one transaction.</summary>
    public static async Task<double> PeerInsertAsync(string path, string kind, string file)
    {
        var spec = Dashboard.Domain.Imports.ImportKinds.Find(kind)!;
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(path));
        await connection.OpenAsync();
        using var reader = CsvDataReader.Create(file);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var keys = columns.Where(c => spec.Column(c)?.IsKey == true).ToList();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144; " +
                $"CREATE TABLE raw ({string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))}); " +
                $"CREATE UNIQUE INDEX ux_raw ON raw ({string.Join(", ", keys.Select(c => $"\"{c}\""))});";
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO raw VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(Inv)))})";
        var parameters = columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("@p" + i.ToString(Inv), null))).ToArray();
        insert.Prepare();
        while (reader.Read())
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = reader.GetString(i);
            }

            insert.ExecuteNonQuery();
        }

        await tx.CommitAsync();
        return clock.Elapsed.TotalSeconds;
    }

    private static void Print(DemoSize size, List<(string Kind, long Rows, double Ours, double Peer)> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"Import of the {size} demo files (SQLite file, WAL; peer = raw prepared INSERT, no validation)");
        Console.WriteLine("| kind | rows | import s | import rows/s | peer s | peer rows/s | import / peer time |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (kind, n, ours, peer) in rows.Append(("total", rows.Sum(r => r.Rows), rows.Sum(r => r.Ours), rows.Sum(r => r.Peer))))
        {
            Console.WriteLine(string.Create(Inv,
                $"| {kind} | {n:N0} | {ours:0.00} | {n / ours:N0} | {peer:0.00} | {n / peer:N0} | {ours / peer:0.00}× |"));
        }
    }
}

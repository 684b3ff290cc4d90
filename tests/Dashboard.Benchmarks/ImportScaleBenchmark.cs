using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dashboard.Data;
using Dashboard.Data.Imports;
using Dashboard.TestSupport;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>
/// Import throughput and memory at scale: a micro_conversions file of 1 and 5 million rows, each validated and
/// imported into a fresh SQLite database in a process of its own, so its peak working set (VmHWM) is the import's.
/// The peer is SQLite's raw bulk path on the same file (one prepared INSERT of the text fields into a table with the
/// same unique key, no validation). A second 1 M run re-imports the same file, replacing every row.
/// </summary>
internal static class ImportScaleBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Markets =
        ["GB", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "TR", "ZA", "AE", "US", "CA", "MX", "BR", "AR", "CO", "CL", "JP", "CN", "IN", "AU", "KR", "ID", "TH", "PH"];

    private sealed record Run(long Rows, double Seconds, long Inserted, long Replaced, long BaselineBytes, long PeakBytes);

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Select(a => int.Parse(a, Inv)).DefaultIfEmpty(1_000_000).ToList();
        if (args.Length == 0)
        {
            sizes.Add(5_000_000);
        }

        var work = Directory.CreateTempSubdirectory("dashboard-import-scale-");
        try
        {
            var lines = new List<string>();
            foreach (var rows in sizes)
            {
                var file = Path.Combine(work.FullName, $"micro_conversions-{rows}.csv");
                var total = LargeFiles.MicroConversions(file, rows, new DateOnly(2000, 1, 1), Markets);
                var db = Path.Combine(work.FullName, $"scale-{rows}.db");
                await using (var context = DashboardDatabase.OpenSqlite(db))
                {
                    await DatabaseInitializer.MigrateAsync(context);
                }

                SqliteConnection.ClearAllPools();
                var first = Child(db, file);
                var stored = await CountAsync(db, "SELECT SUM(count) FROM micro_conversions WHERE superseded_by IS NULL");
                if (stored != total || first.Inserted != rows)
                {
                    Console.Error.WriteLine($"{rows} rows: stored sum {stored} (file {total}), inserted {first.Inserted}");
                    return 2;
                }

                var again = rows <= 1_000_000 ? Child(db, file) : null;
                var peer = await ImportBenchmark.PeerInsertAsync(Path.Combine(work.FullName, $"peer-{rows}.db"), "micro_conversions", file);
                lines.Add(Line("new rows", first, peer));
                if (again is not null)
                {
                    lines.Add(Line("every row replaced", again, peer));
                }

                File.Delete(file);
            }

            Console.WriteLine();
            Console.WriteLine("micro_conversions import at scale (validate + stage + apply, one transaction; fresh SQLite file, WAL; own process each)");
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
            Console.WriteLine("| rows | run | import s | rows/s | peer s | import / peer | working set before | peak working set |");
            Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            lines.ForEach(Console.WriteLine);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            work.Delete(recursive: true);
        }
    }

    private static string Line(string run, Run r, double peer) => string.Create(Inv,
        $"| {r.Rows:N0} | {run} | {r.Seconds:0.00} | {r.Rows / r.Seconds:N0} | {peer:0.00} | {r.Seconds / peer:0.00}× | {r.BaselineBytes / 1048576.0:N0} MB | {r.PeakBytes / 1048576.0:N0} MB |");

    /// <summary>`import-one &lt;db&gt; &lt;file&gt;`: the child. Prints one JSON line with time, counts and memory.</summary>
    public static async Task<int> ImportOneAsync(string[] args)
    {
        await using var db = DashboardDatabase.OpenSqlite(args[0]);
        var baseline = Status("VmRSS");
        var clock = Stopwatch.StartNew();
        var result = await new FileImporter(db, TimeProvider.System).ImportFileAsync("micro_conversions", args[1], "benchmark");
        var seconds = clock.Elapsed.TotalSeconds;
        if (!result.Stored)
        {
            Console.Error.WriteLine(result.Summary);
            return 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(new Run(result.RowsRead, seconds, result.Inserted, result.Replaced, baseline, Status("VmHWM"))));
        return 0;
    }

    private static Run Child(string db, string file)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            info.ArgumentList.Add(typeof(ImportScaleBenchmark).Assembly.Location);
        }

        foreach (var arg in new[] { "import-one", db, file })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? JsonSerializer.Deserialize<Run>(output.Trim())!
            : throw new InvalidOperationException($"the import child failed: {error}");
    }

    /// <summary>A /proc/self/status field in bytes (VmRSS now, VmHWM the peak resident set).</summary>
    private static long Status(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], Inv) * 1024;
    }

    private static async Task<long> CountAsync(string db, string sql)
    {
        await using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(db));
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(), Inv);
    }
}

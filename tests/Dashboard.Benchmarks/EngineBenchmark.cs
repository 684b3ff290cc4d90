using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Dashboard.Data;
using Dashboard.Data.Snapshots;
using Dashboard.DemoData;
using Dashboard.Metrics.Engine;
using Dashboard.Metrics.Snapshot;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Benchmarks;

/// <summary>
/// The metrics engine against DuckDB (in memory) and SQLite (its own GROUP BY on the file) on the seeded demo data:
/// snapshot load speed and bytes per fact row, then the four scenarios of the issue, each answered by all three
/// systems, checked to agree group by group, and timed (median and p95 of repeated runs after a warm-up).
/// </summary>
internal static class EngineBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    // The issue's bars.
    private const double MaxMedianMs = 50;
    private const double MaxBytesPerRow = 32;
    private const double MinLoadRowsPerSecond = 2_000_000;

    private const int LoadRuns = 3;
    private const int FastRuns = 30;
    private const int SqliteRuns = 15;

    public static async Task<int> RunAsync(string[] args)
    {
        var size = args.Contains("small", StringComparer.OrdinalIgnoreCase) ? DemoSize.Small : DemoSize.Large;
        var path = await BenchDatabase.EnsureAsync(size, args.Contains("--reseed", StringComparer.OrdinalIgnoreCase));
        if (args.Contains("--seed-only", StringComparer.OrdinalIgnoreCase))
        {
            return 0;
        }

        try
        {
            return Measure(size, path);
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("scenario (", StringComparison.Ordinal))
        {
            Console.Error.WriteLine();
            Console.Error.WriteLine("RESULTS DIFFER — the timings below would compare different answers, so there are none:");
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    private static int Measure(DemoSize size, string path)
    {
        var loads = LoadSnapshots(path);
        var load = loads.Image;
        var loadProfile = LoadProfile(path);
        var snapshot = load.Snapshot;
        Console.WriteLine(string.Create(Inv,
            $"snapshot: {snapshot.FactRows:N0} fact rows (micro-conversions {snapshot.MicroConversions.Count:N0}, sales {snapshot.Sales.Count:N0}, " +
            $"spend {snapshot.Spend.Count:N0}, traffic {snapshot.Traffic.Count:N0}), {snapshot.ColumnBytes:N0} column bytes"));

        var clock = Stopwatch.StartNew();
        using var duck = DuckDbPeer.Load(snapshot);
        var duckLoad = clock.Elapsed.TotalSeconds;
        var duckRows = duck.Rows();
        Console.WriteLine(string.Create(Inv,
            $"DuckDB {duck.Version()} ({duck.Threads()} threads): {duckRows:N0} rows appended in {duckLoad:0.0} s, memory {duck.MemoryUsage()}"));

        using var sqlite = SqlitePeer.Open(path, snapshot);
        var sqliteRows = sqlite.CurrentRows();
        Console.WriteLine(string.Create(Inv, $"SQLite {sqlite.Version()}: {sqliteRows:N0} current fact rows in {path} ({new FileInfo(path).Length / 1e6:N0} MB)"));
        if (duckRows != snapshot.FactRows || sqliteRows != snapshot.FactRows)
        {
            Console.Error.WriteLine(string.Create(Inv, $"the systems hold different rows: snapshot {snapshot.FactRows:N0}, DuckDB {duckRows:N0}, SQLite {sqliteRows:N0}"));
            return 2;
        }

        var engine = new MetricsEngine(snapshot);
        var results = new List<ScenarioResult>();
        foreach (var scenario in EngineScenario.All(BenchDatabase.DemoEnd))
        {
            results.Add(RunScenario(scenario, engine, duck, sqlite));
        }

        var breakdown = Breakdown(engine);
        var report = Report(size, loads, loadProfile, results, breakdown, duckLoad);
        Console.WriteLine();
        Console.WriteLine(report);
        return 0;
    }

    private sealed record LoadResult(FactSnapshot Snapshot, double[] Seconds, long HeapDelta, long WorkingSetDelta)
    {
        public double MedianSeconds => Median(Seconds);
        public double RowsPerSecond => Snapshot.FactRows / MedianSeconds;
        public double BytesPerRow => (double)Snapshot.ColumnBytes / Snapshot.FactRows;
    }

    /// <summary>Loads from the fact rows, then from the stored image (written by one load first), and checks both agree.</summary>
    private sealed record Loads(LoadResult Image, LoadResult Rows, double ImageWriteSeconds, long ImageBytes);

    private static Loads LoadSnapshots(string path)
    {
        var rows = LoadSnapshot(path, SnapshotSource.Rows, SnapshotOrigin.Rows);
        var clock = Stopwatch.StartNew();
        long imageBytes;
        using (var db = DashboardDatabase.OpenSqlite(path))
        {
            db.Database.ExecuteSqlRaw("DELETE FROM snapshot_images");
            imageBytes = SnapshotLoader.LoadDetailedAsync(db, SnapshotSource.ImageOrRows, TimeProvider.System).GetAwaiter().GetResult().ImageBytesWritten;
        }

        var writeSeconds = clock.Elapsed.TotalSeconds - rows.MedianSeconds;
        Console.WriteLine(string.Create(Inv, $"load from rows + image write: {clock.Elapsed.TotalSeconds:0.00} s, image {imageBytes / 1e6:N0} MB"));
        var image = LoadSnapshot(path, SnapshotSource.ImageOrRows, SnapshotOrigin.Image);
        SameColumns(image.Snapshot, rows.Snapshot);
        return new Loads(image, rows, writeSeconds, imageBytes);
    }

    /// <summary>Every column of both snapshots is equal element by element, and the reference lists name the same things.</summary>
    private static void SameColumns(FactSnapshot a, FactSnapshot b)
    {
        bool Same<T>(T[] x, T[] y) => x.AsSpan().SequenceEqual(y);
        var (m, n) = (a.MicroConversions, b.MicroConversions);
        var equal = Same(m.Day, n.Day) && Same(m.Market, n.Market) && Same(m.Channel, n.Channel) && Same(m.Campaign, n.Campaign)
            && Same(m.Event, n.Event) && Same(m.Source, n.Source) && Same(m.Actions, n.Actions)
            && Same(a.Sales.Day, b.Sales.Day) && Same(a.Sales.Market, b.Sales.Market) && Same(a.Sales.Brand, b.Sales.Brand) && Same(a.Sales.Sku, b.Sales.Sku)
            && Same(a.Sales.Orders, b.Sales.Orders) && Same(a.Sales.Units, b.Sales.Units) && Same(a.Sales.Revenue, b.Sales.Revenue) && Same(a.Sales.Currency, b.Sales.Currency)
            && Same(a.Spend.Day, b.Spend.Day) && Same(a.Spend.Market, b.Spend.Market) && Same(a.Spend.Channel, b.Spend.Channel) && Same(a.Spend.Campaign, b.Spend.Campaign)
            && Same(a.Spend.Spend, b.Spend.Spend) && Same(a.Spend.Currency, b.Spend.Currency)
            && Same(a.Traffic.Day, b.Traffic.Day) && Same(a.Traffic.Market, b.Traffic.Market) && Same(a.Traffic.Channel, b.Traffic.Channel)
            && Same(a.Traffic.Sessions, b.Traffic.Sessions) && Same(a.Traffic.NonPurchaseSessions, b.Traffic.NonPurchaseSessions)
            && Same(a.Traffic.NonPurchaseReported, b.Traffic.NonPurchaseReported)
            && a.Reference.Skus.SequenceEqual(b.Reference.Skus) && a.Reference.Currencies.SequenceEqual(b.Reference.Currencies);
        if (!equal)
        {
            throw new InvalidOperationException("the snapshot read from the stored image differs from the one built from the fact rows");
        }

        Console.WriteLine("the snapshot from the stored image equals the one from the fact rows, column by column");
    }

    private static LoadResult LoadSnapshot(string path, SnapshotSource source, SnapshotOrigin expected)
    {
        // The snapshot lives only in this array slot between loads, so the previous one is garbage before the next load.
        var kept = new FactSnapshot?[1];
        var seconds = new double[LoadRuns];
        long heapDelta = 0, workingSetDelta = 0;
        for (var run = 0; run < LoadRuns; run++)
        {
            (seconds[run], heapDelta, workingSetDelta) = LoadOnce(path, source, expected, kept, run);
        }

        return new LoadResult(kept[0]!, seconds, heapDelta, workingSetDelta);
    }

    // Synchronous and not inlined: no local of this frame or of an async state machine keeps an earlier snapshot alive.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static (double Seconds, long HeapDelta, long WorkingSetDelta) LoadOnce(string path, SnapshotSource source, SnapshotOrigin expected, FactSnapshot?[] kept, int run)
    {
        kept[0] = null;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var clock = Stopwatch.StartNew();
        using (var db = DashboardDatabase.OpenSqlite(path))
        {
            var load = SnapshotLoader.LoadDetailedAsync(db, source, TimeProvider.System).GetAwaiter().GetResult();
            if (load.Origin != expected)
            {
                throw new InvalidOperationException($"expected a load from {expected}, got one from {load.Origin}");
            }

            kept[0] = load.Snapshot;
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var heapDelta = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        process.Refresh();
        var workingSetDelta = process.WorkingSet64 - workingSetBefore;
        var rows = kept[0]!.FactRows;
        Console.WriteLine(string.Create(Inv,
            $"snapshot load from {expected} {run + 1}/{LoadRuns}: {seconds:0.00} s, {rows / seconds:N0} rows/s, " +
            $"managed heap +{heapDelta / 1e6:N0} MB ({(double)heapDelta / rows:0.0} B/row), working set {workingSetDelta / 1e6:+#,0;-#,0} MB"));
        return (seconds, heapDelta, workingSetDelta);
    }

    /// <summary>
    /// Where the load's time goes: the loader's own SELECTs read with the same typed getters but no per-row work, and the
    /// same rows read in a plain table scan (NOT INDEXED, no ORDER BY; the builders sort by day anyway).
    /// </summary>
    private static List<(string Table, long Rows, double LoaderSql, double TableScan, double RawScan)> LoadProfile(string path)
    {
        (string Table, string Columns, string Kinds)[] tables =
        [
            ("micro_conversions", "date, market_id, channel_id, campaign_id, definition_id, source, count", "siiiisi"),
            ("sales", "date, market_id, brand_id, sku, orders, units, revenue, currency", "siisiiis"),
            ("spend", "date, market_id, channel_id, campaign_id, spend, currency", "siiiis"),
            ("traffic", "date, market_id, channel_id, sessions, non_purchase_sessions, non_purchase_reported", "siiiib"),
        ];
        var result = new List<(string, long, double, double, double)>();
        using var connection = new SqliteConnection(DashboardDatabase.SqliteConnectionString(path));
        connection.Open();
        foreach (var (table, columns, kinds) in tables)
        {
            var loaderSql = $"SELECT {columns} FROM {table} WHERE superseded_by IS NULL ORDER BY date";
            var scanSql = $"SELECT {columns} FROM {table} NOT INDEXED WHERE superseded_by IS NULL";
            var (rows, loader) = ReadAll(connection, loaderSql, kinds);
            var (_, scan) = ReadAll(connection, scanSql, kinds);
            var raw = RawReadAll(connection, scanSql, kinds);
            result.Add((table, rows, loader, scan, raw));
        }

        return result;
    }

    /// <summary>The same scan through SQLitePCLRaw directly: no ADO.NET per value, text read as UTF-8 bytes without a string.</summary>
    private static double RawReadAll(SqliteConnection connection, string sql, string kinds)
    {
        var clock = Stopwatch.StartNew();
        if (SQLitePCL.raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement) != SQLitePCL.raw.SQLITE_OK)
        {
            throw new InvalidOperationException("cannot prepare " + sql);
        }

        long sink = 0;
        try
        {
            while (SQLitePCL.raw.sqlite3_step(statement) == SQLitePCL.raw.SQLITE_ROW)
            {
                for (var i = 0; i < kinds.Length; i++)
                {
                    sink += kinds[i] == 's' ? SQLitePCL.raw.sqlite3_column_blob(statement, i).Length : SQLitePCL.raw.sqlite3_column_int64(statement, i);
                }
            }
        }
        finally
        {
            SQLitePCL.raw.sqlite3_finalize(statement);
        }

        GC.KeepAlive(sink);
        return clock.Elapsed.TotalSeconds;
    }

    private static (long Rows, double Seconds) ReadAll(SqliteConnection connection, string sql, string kinds)
    {
        var clock = Stopwatch.StartNew();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader(System.Data.CommandBehavior.SequentialAccess);
        long rows = 0, sink = 0;
        while (reader.Read())
        {
            rows++;
            for (var i = 0; i < kinds.Length; i++)
            {
                sink += kinds[i] switch
                {
                    's' => reader.GetString(i).Length,
                    'b' => reader.GetBoolean(i) ? 1 : 0,
                    _ => reader.GetInt64(i),
                };
            }
        }

        GC.KeepAlive(sink);
        return (rows, clock.Elapsed.TotalSeconds);
    }

    private sealed record Timing(double[] Ms)
    {
        public double Median => EngineBenchmark.Median(Ms);
        public double P95 => Percentile(Ms, 0.95);
    }

    private sealed record ScenarioResult(EngineScenario Scenario, Timing Engine, Timing DuckDb, Timing Sqlite, int Groups, long RowsScanned);

    private static ScenarioResult RunScenario(EngineScenario scenario, MetricsEngine engine, DuckDbPeer duck, SqlitePeer sqlite)
    {
        Console.WriteLine();
        Console.WriteLine($"({scenario.Id}) {scenario.Title}: {scenario.Range}{(scenario.ComparisonRange is { } c ? $" vs {c}" : "")}");
        var duckSql = DuckDbPeer.Sql(scenario);
        var sqliteSql = SqlitePeer.Sql(scenario);

        // Answers first: a benchmark of different answers is worthless.
        var ours = scenario.FromEngine(engine.Run(scenario.Query));
        var theirs = duck.Run(scenario, duckSql);
        var sqlites = sqlite.Run(scenario, sqliteSql);
        scenario.Agree("engine", ours, "DuckDB", theirs);
        scenario.Agree("engine", ours, "SQLite", sqlites);
        Console.WriteLine($"  results agree: {ours.Count} groups × {scenario.Width} values (DuckDB {theirs.Count} groups, SQLite {sqlites.Count} groups), to 1e-6 relative");

        var engineTiming = Time(() => engine.Run(scenario.Query), warmups: 5, FastRuns);
        var duckTiming = Time(() => duck.Run(scenario, duckSql), warmups: 5, FastRuns);
        var sqliteTiming = Time(() => sqlite.Run(scenario, sqliteSql), warmups: 1, SqliteRuns);

        // The last timed answers must still agree (nothing cached a wrong answer between runs).
        scenario.Agree("engine", scenario.FromEngine(engine.Run(scenario.Query)), "DuckDB", duck.Run(scenario, duckSql));
        var scanned = RowsScanned(engine.Snapshot, scenario);
        Console.WriteLine(string.Create(Inv,
            $"  engine {engineTiming.Median:0.0} ms (p95 {engineTiming.P95:0.0}), DuckDB {duckTiming.Median:0.0} ms (p95 {duckTiming.P95:0.0}), " +
            $"SQLite {sqliteTiming.Median:0} ms (p95 {sqliteTiming.P95:0}); {scanned:N0} fact rows in the days read, " +
            $"engine {engineTiming.Median * 1e6 / scanned:0.0} ns/row"));
        return new ScenarioResult(scenario, engineTiming, duckTiming, sqliteTiming, ours.Count, scanned);
    }

    /// <summary>Rows of the tables a scenario's measures read, in the days it reads (range and comparison).</summary>
    private static long RowsScanned(FactSnapshot snapshot, EngineScenario scenario)
    {
        var tables = new HashSet<FactTable>();
        foreach (var m in scenario.Measures)
        {
            tables.Add(m switch
            {
                "micro_conversions" => snapshot.MicroConversions,
                "sessions" => snapshot.Traffic,
                "spend" => snapshot.Spend,
                _ => snapshot.Sales,
            });
        }

        return tables.Sum(t =>
        {
            var (start, end) = t.Slice(scenario.Scanned.From.DayNumber, scenario.Scanned.To.DayNumber);
            return (long)(end - start);
        });
    }

    private static Timing Time<T>(Func<T> run, int warmups, int runs)
    {
        // Warm up: at least `warmups` runs and, for fast ones, a second, so tiered JIT has settled on the hot loops.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < warmups || (warmups > 1 && warm.Elapsed.TotalSeconds < 1 && i < 1000); i++)
        {
            GC.KeepAlive(run());
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var ms = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(run());
            ms[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        return new Timing(ms);
    }

    /// <summary>The engine's time per scenario with one measure at a time: which table's pass costs what.</summary>
    private static List<(string Scenario, string Measure, double Ms)> Breakdown(MetricsEngine engine)
    {
        var rows = new List<(string, string, double)>();
        foreach (var scenario in EngineScenario.All(BenchDatabase.DemoEnd).Where(s => s.Measures.Count > 1))
        {
            foreach (var measure in scenario.Measures)
            {
                var query = scenario.Query with { Measures = [measure] };
                rows.Add((scenario.Id, measure, Time(() => engine.Run(query), warmups: 3, FastRuns).Median));
            }
        }

        return rows;
    }

    private static string Report(DemoSize size, Loads loads, List<(string Table, long Rows, double LoaderSql, double TableScan, double RawScan)> loadProfile, List<ScenarioResult> results, List<(string Scenario, string Measure, double Ms)> breakdown, double duckLoad)
    {
        var load = loads.Image;
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(text.ToString(Inv));
        var sizeKey = size.ToString().ToLowerInvariant();
        Line($"Metrics engine vs DuckDB (in memory) vs SQLite (GROUP BY on the file), {sizeKey} demo data: {load.Snapshot.FactRows:N0} fact rows");
        Line($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}");
        Line($"Command: `flock /tmp/dash-build.lock dotnet tests/Dashboard.Benchmarks/bin/Release/net10.0/Dashboard.Benchmarks.dll engine {sizeKey}`");
        s.AppendLine();
        Line($"| scenario | engine median ms | DuckDB median ms | SQLite median ms | engine/DuckDB | engine/SQLite | engine p95 | DuckDB p95 | SQLite p95 | groups |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line($"| ({r.Scenario.Id}) {r.Scenario.Title} | {r.Engine.Median:0.0} | {r.DuckDb.Median:0.0} | {r.Sqlite.Median:0} | {r.Engine.Median / r.DuckDb.Median:0.00} | {r.Engine.Median / r.Sqlite.Median:0.000} | {r.Engine.P95:0.0} | {r.DuckDb.P95:0.0} | {r.Sqlite.P95:0} | {r.Groups} |");
        }

        s.AppendLine();
        Line($"Timed runs: engine and DuckDB {FastRuns} each after ≥ 5 warm-up runs and ≥ 1 s; SQLite {SqliteRuns} after 1. All three answers agree on every group to 1e-6 relative.");
        Line($"Snapshot load from SQLite, stored columnar image (the path at every start and after another instance's import): {load.RowsPerSecond:N0} rows/s (median of {LoadRuns} loads: {string.Join(", ", load.Seconds.Select(x => x.ToString("0.00", Inv)))} s); {load.BytesPerRow:0.0} bytes per fact row in the columns (managed heap delta {(double)load.HeapDelta / load.Snapshot.FactRows:0.0} B/row, working set delta {load.WorkingSetDelta / 1e6:N0} MB).");
        Line($"Snapshot load from SQLite, fact rows (the path once per data version, after an import): {loads.Rows.RowsPerSecond:N0} rows/s (median of {LoadRuns} loads: {string.Join(", ", loads.Rows.Seconds.Select(x => x.ToString("0.00", Inv)))} s); storing the image then took {loads.ImageWriteSeconds:0.00} s more ({loads.ImageBytes / 1e6:N0} MB in {SnapshotImagePartsNote}). Both loads give the same columns, element by element.");
        Line($"DuckDB load (Appender, from the snapshot's arrays): {duckLoad:0.0} s.");
        s.AppendLine();
        s.AppendLine("Where a load from the fact rows goes: the current rows read through Microsoft.Data.Sqlite with typed getters and nothing else, by the");
        s.AppendLine("superseded_by index with ORDER BY date (the first loader) and by a plain table scan (NOT INDEXED, no ORDER BY: today's loader);");
        s.AppendLine("that scan through SQLitePCLRaw directly (text as UTF-8 bytes, no strings):");
        s.AppendLine();
        s.AppendLine("| table | rows | index + ORDER BY s | rows/s | table scan (the loader's SQL) s | rows/s | raw table scan s | rows/s |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (table, rows, loaderSql, scan, raw) in loadProfile)
        {
            Line($"| {table} | {rows:N0} | {loaderSql:0.00} | {rows / loaderSql:N0} | {scan:0.00} | {rows / scan:N0} | {raw:0.00} | {rows / raw:N0} |");
        }

        var totalRows = loadProfile.Sum(p => p.Rows);
        var (totalLoader, totalScan, totalRaw) = (loadProfile.Sum(p => p.LoaderSql), loadProfile.Sum(p => p.TableScan), loadProfile.Sum(p => p.RawScan));
        Line($"| total | {totalRows:N0} | {totalLoader:0.00} | {totalRows / totalLoader:N0} | {totalScan:0.00} | {totalRows / totalScan:N0} | {totalRaw:0.00} | {totalRows / totalRaw:N0} |");
        s.AppendLine();
        s.AppendLine("Engine time with one measure at a time (median ms):");
        s.AppendLine();
        s.AppendLine("| scenario | measure | engine median ms |");
        s.AppendLine("|---|---|---:|");
        foreach (var (scenario, measure, ms) in breakdown)
        {
            Line($"| ({scenario}) | {measure} | {ms:0.0} |");
        }

        s.AppendLine();
        s.AppendLine("Bars of the issue:");
        foreach (var r in results)
        {
            var ratio = r.Engine.Median / r.DuckDb.Median;
            Line($"- ({r.Scenario.Id}) faster than DuckDB: {Verdict(ratio < 1.0, $"ratio {ratio:0.00}")}; ≤ {MaxMedianMs:0} ms median: {Verdict(r.Engine.Median <= MaxMedianMs, $"{r.Engine.Median:0.0} ms")}");
        }

        Line($"- ≤ {MaxBytesPerRow:0} bytes per fact row: {Verdict(load.BytesPerRow <= MaxBytesPerRow, $"{load.BytesPerRow:0.0}")}");
        Line($"- snapshot load ≥ 2 M rows/s (stored image): {Verdict(load.RowsPerSecond >= MinLoadRowsPerSecond, $"{load.RowsPerSecond / 1e6:0.00} M rows/s")}");
        Line($"- snapshot load ≥ 2 M rows/s (from the fact rows, once per data version): {Verdict(loads.Rows.RowsPerSecond >= MinLoadRowsPerSecond, $"{loads.Rows.RowsPerSecond / 1e6:0.00} M rows/s")}");
        return s.ToString();
    }

    private const string SnapshotImagePartsNote = "parts of 8 MB";

    private static string Verdict(bool met, string value) => met ? $"met ({value})" : $"MISSED ({value})";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static double Median(double[] values) => Percentile(values, 0.5);

    /// <summary>Nearest-rank percentile (the median of an even count is the mean of the middle two).</summary>
    private static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        if (p == 0.5 && sorted.Length % 2 == 0)
        {
            return (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

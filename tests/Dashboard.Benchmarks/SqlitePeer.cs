using System.Globalization;
using Dashboard.Data;
using Dashboard.Metrics.Snapshot;
using Microsoft.Data.Sqlite;

namespace Dashboard.Benchmarks;

/// <summary>
/// The SQLite peer: SQLite's own GROUP BY on the database file the snapshot was loaded from, over the current rows
/// (<c>superseded_by IS NULL</c>), with the same (month, currency, usd_rate) table as a TEMP table (the file is not changed).
/// </summary>
internal sealed class SqlitePeer : IDisposable
{
    private readonly SqliteConnection _connection;

    private SqlitePeer(SqliteConnection connection) => _connection = connection;

    public static SqlitePeer Open(string path, FactSnapshot snapshot)
    {
        var builder = new SqliteConnectionStringBuilder(DashboardDatabase.SqliteConnectionString(path)) { Pooling = false, Mode = SqliteOpenMode.ReadWrite };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        var peer = new SqlitePeer(connection);

        // A 1 GB page cache and memory-mapped reads: SQLite at its best on a file that fits in memory.
        peer.Execute("""
            PRAGMA cache_size = -1048576;
            PRAGMA mmap_size = 4294967296;
            PRAGMA temp_store = MEMORY;
            CREATE TEMP TABLE bench_fx (month TEXT NOT NULL, currency TEXT NOT NULL, usd_rate REAL NOT NULL, PRIMARY KEY (month, currency));
            """);
        var (first, last) = DuckDbPeer.DataMonths(snapshot);
        using var tx = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO bench_fx VALUES ($month, $currency, $rate)";
        var month = insert.Parameters.Add("$month", SqliteType.Text);
        var currency = insert.Parameters.Add("$currency", SqliteType.Text);
        var rate = insert.Parameters.Add("$rate", SqliteType.Real);
        foreach (var code in snapshot.Reference.Currencies)
        {
            for (var m = first; m <= last; m++)
            {
                var resolved = snapshot.Fx.Resolve(code, m);
                if (resolved.Source != FxRateSource.Missing)
                {
                    month.Value = FxRates.MonthKey(m);
                    currency.Value = code;
                    rate.Value = resolved.UsdPerUnit;
                    insert.ExecuteNonQuery();
                }
            }
        }

        tx.Commit();
        return peer;
    }

    public string Version() => Convert.ToString(Scalar("SELECT sqlite_version()"), CultureInfo.InvariantCulture) ?? "?";

    public long CurrentRows() => Convert.ToInt64(Scalar("""
        SELECT (SELECT COUNT(*) FROM micro_conversions WHERE superseded_by IS NULL) + (SELECT COUNT(*) FROM sales WHERE superseded_by IS NULL)
             + (SELECT COUNT(*) FROM spend WHERE superseded_by IS NULL) + (SELECT COUNT(*) FROM traffic WHERE superseded_by IS NULL)
        """), CultureInfo.InvariantCulture);

    public Dictionary<string, double[]> Run(EngineScenario scenario, string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return scenario.FromRows(reader, scenario.Id == "c" ? EngineScenario.IsoWeekKey : null);
    }

    /// <summary>
    /// The SQL of a scenario on the product's schema (dates are ISO text; ids join the reference tables). Money is summed
    /// per group, currency and month first and converted after, as for DuckDB.
    /// </summary>
    public static string Sql(EngineScenario s)
    {
        var from = $"'{EngineScenario.Iso(s.Range.From)}'";
        var scan = $"superseded_by IS NULL AND date BETWEEN '{EngineScenario.Iso(s.Scanned.From)}' AND '{EngineScenario.Iso(s.Scanned.To)}'";
        const string month = "substr(date, 1, 7)";
        const string fxJoin = "JOIN bench_fx f ON f.currency = x.currency AND f.month = x.mo";
        var period = $"CASE WHEN date >= {from} THEN 0 ELSE 1 END";
        return s.Id switch
        {
            "a" => $"""
                SELECT '' AS k, {period} AS p, SUM(count), 0.0, 0.0, 0.0, 0.0 FROM micro_conversions WHERE {scan} GROUP BY p
                UNION ALL SELECT '', {period} AS p, 0.0, SUM(sessions), 0.0, 0.0, 0.0 FROM traffic WHERE {scan} GROUP BY p
                UNION ALL SELECT '', x.p, 0.0, 0.0, SUM(x.o), SUM(x.r * f.usd_rate / 10000.0), 0.0
                  FROM (SELECT {period} AS p, currency, {month} AS mo, SUM(orders) AS o, SUM(revenue) AS r FROM sales WHERE {scan} GROUP BY p, currency, mo) x
                  {fxJoin} GROUP BY x.p
                UNION ALL SELECT '', x.p, 0.0, 0.0, 0.0, 0.0, SUM(x.v * f.usd_rate / 10000.0)
                  FROM (SELECT {period} AS p, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} GROUP BY p, currency, mo) x
                  {fxJoin} GROUP BY x.p
                """,
            "b" => $"""
                WITH g AS (
                  SELECT x.mid, x.mo, SUM(x.v * f.usd_rate / 10000.0) AS revenue, 0.0 AS spend, 0.0 AS micro
                    FROM (SELECT market_id AS mid, currency, {month} AS mo, SUM(revenue) AS v FROM sales WHERE {scan} GROUP BY mid, currency, mo) x
                    {fxJoin} GROUP BY x.mid, x.mo
                  UNION ALL SELECT x.mid, x.mo, 0.0, SUM(x.v * f.usd_rate / 10000.0), 0.0
                    FROM (SELECT market_id AS mid, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} GROUP BY mid, currency, mo) x
                    {fxJoin} GROUP BY x.mid, x.mo
                  UNION ALL SELECT market_id AS mid, {month} AS mo, 0.0, 0.0, SUM(count)
                    FROM micro_conversions WHERE {scan} GROUP BY mid, mo)
                SELECT m.code || '|' || g.mo, 0, g.revenue, g.spend, g.micro FROM g JOIN markets m ON m.id = g.mid
                """,
            "c" => WeekSql(s, from, scan, month, fxJoin, period),
            "d" => $"""
                SELECT m.code || '|' || d.key, 0, g.v
                FROM (SELECT market_id, definition_id, SUM(count) AS v FROM micro_conversions WHERE {scan} GROUP BY market_id, definition_id) g
                JOIN markets m ON m.id = g.market_id JOIN definitions d ON d.id = g.definition_id
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Id, "unknown scenario"),
        };
    }

    private static string WeekSql(EngineScenario s, string from, string scan, string month, string fxJoin, string period)
    {
        // Monday of the week ('weekday 0' moves to the next Sunday unless it is one); comparison days move one range length on.
        var week = $"date(CASE WHEN date >= {from} THEN date ELSE date(date, '+{s.Range.Days} days') END, 'weekday 0', '-6 days')";
        var channels = string.Join(", ", s.Query.Filters[Metrics.Query.Dimension.Channel].Select(c => $"'{c}'"));
        var region = s.Query.Filters[Metrics.Query.Dimension.Region][0];
        var filter = $"market_id IN (SELECT m.id FROM markets m JOIN regions r ON r.id = m.region_id WHERE r.key = '{region}') " +
            $"AND channel_id IN (SELECT id FROM channels WHERE key IN ({channels}))";
        return $"""
            SELECT {week} AS w, {period} AS p, SUM(count), 0.0, 0.0 FROM micro_conversions WHERE {scan} AND {filter} GROUP BY w, p
            UNION ALL SELECT {week} AS w, {period} AS p, 0.0, SUM(sessions), 0.0 FROM traffic WHERE {scan} AND {filter} GROUP BY w, p
            UNION ALL SELECT x.w, x.p, 0.0, 0.0, SUM(x.v * f.usd_rate / 10000.0)
              FROM (SELECT {week} AS w, {period} AS p, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} AND {filter} GROUP BY w, p, currency, mo) x
              {fxJoin} GROUP BY x.w, x.p
            """;
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose() => _connection.Dispose();
}

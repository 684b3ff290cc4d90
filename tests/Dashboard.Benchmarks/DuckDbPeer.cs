using System.Globalization;
using Dashboard.Metrics.Snapshot;
using DuckDB.NET.Data;

namespace Dashboard.Benchmarks;

/// <summary>
/// The DuckDB peer: the snapshot's current fact rows appended into in-memory DuckDB tables (the Appender API), with the
/// codes' dictionaries as small tables and a precomputed (month, currency, usd_rate) table, then asked in SQL.
/// </summary>
internal sealed class DuckDbPeer : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckDbPeer(DuckDBConnection connection) => _connection = connection;

    public static DuckDbPeer Load(FactSnapshot snapshot)
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        var peer = new DuckDbPeer(connection);
        peer.Execute("""
            CREATE TABLE markets (code UTINYINT, key VARCHAR, region VARCHAR);
            CREATE TABLE channels (code UTINYINT, key VARCHAR);
            CREATE TABLE events (code UTINYINT, key VARCHAR);
            CREATE TABLE fx (month DATE, currency UTINYINT, usd_rate DOUBLE);
            CREATE TABLE micro (day DATE, market UTINYINT, channel UTINYINT, campaign USMALLINT, event UTINYINT, source UTINYINT, actions INTEGER);
            CREATE TABLE sales (day DATE, market UTINYINT, brand USMALLINT, sku USMALLINT, orders INTEGER, units INTEGER, revenue BIGINT, currency UTINYINT);
            CREATE TABLE spend (day DATE, market UTINYINT, channel UTINYINT, campaign USMALLINT, spend BIGINT, currency UTINYINT);
            CREATE TABLE traffic (day DATE, market UTINYINT, channel UTINYINT, sessions INTEGER, non_purchase_sessions INTEGER, non_purchase_reported BOOLEAN);
            """);

        var r = snapshot.Reference;
        using (var a = connection.CreateAppender("markets"))
        {
            for (var i = 0; i < r.Markets.Count; i++)
            {
                a.CreateRow().AppendValue((byte)i).AppendValue(r.Markets[i].Code).AppendValue(r.Regions[r.Markets[i].Region].Key).EndRow();
            }
        }

        using (var a = connection.CreateAppender("channels"))
        {
            for (var i = 0; i < r.Channels.Count; i++)
            {
                a.CreateRow().AppendValue((byte)i).AppendValue(r.Channels[i].Key).EndRow();
            }
        }

        using (var a = connection.CreateAppender("events"))
        {
            for (var i = 0; i < r.Events.Count; i++)
            {
                a.CreateRow().AppendValue((byte)i).AppendValue(r.Events[i].Key).EndRow();
            }
        }

        // US dollars per unit of each row currency for every month of the data, carry-forward resolved as the engine does.
        var (firstMonth, lastMonth) = DataMonths(snapshot);
        using (var a = connection.CreateAppender("fx"))
        {
            for (var c = 0; c < r.Currencies.Count; c++)
            {
                for (var m = firstMonth; m <= lastMonth; m++)
                {
                    var rate = snapshot.Fx.Resolve(r.Currencies[c], m);
                    if (rate.Source != FxRateSource.Missing)
                    {
                        a.CreateRow().AppendValue(new DateOnly(m / 12, (m % 12) + 1, 1)).AppendValue((byte)c).AppendValue(rate.UsdPerUnit).EndRow();
                    }
                }
            }
        }

        var mc = snapshot.MicroConversions;
        using (var a = connection.CreateAppender("micro"))
        {
            for (var i = 0; i < mc.Count; i++)
            {
                a.CreateRow().AppendValue(DateOnly.FromDayNumber(mc.Day[i])).AppendValue(mc.Market[i]).AppendValue(mc.Channel[i])
                    .AppendValue(mc.Campaign[i]).AppendValue(mc.Event[i]).AppendValue(mc.Source[i]).AppendValue(mc.Actions[i]).EndRow();
            }
        }

        var s = snapshot.Sales;
        using (var a = connection.CreateAppender("sales"))
        {
            for (var i = 0; i < s.Count; i++)
            {
                a.CreateRow().AppendValue(DateOnly.FromDayNumber(s.Day[i])).AppendValue(s.Market[i]).AppendValue(s.Brand[i]).AppendValue(s.Sku[i])
                    .AppendValue(s.Orders[i]).AppendValue(s.Units[i]).AppendValue(s.Revenue[i]).AppendValue(s.Currency[i]).EndRow();
            }
        }

        var sp = snapshot.Spend;
        using (var a = connection.CreateAppender("spend"))
        {
            for (var i = 0; i < sp.Count; i++)
            {
                a.CreateRow().AppendValue(DateOnly.FromDayNumber(sp.Day[i])).AppendValue(sp.Market[i]).AppendValue(sp.Channel[i])
                    .AppendValue(sp.Campaign[i]).AppendValue(sp.Spend[i]).AppendValue(sp.Currency[i]).EndRow();
            }
        }

        var t = snapshot.Traffic;
        using (var a = connection.CreateAppender("traffic"))
        {
            for (var i = 0; i < t.Count; i++)
            {
                a.CreateRow().AppendValue(DateOnly.FromDayNumber(t.Day[i])).AppendValue(t.Market[i]).AppendValue(t.Channel[i])
                    .AppendValue(t.Sessions[i]).AppendValue(t.NonPurchaseSessions[i]).AppendValue(t.NonPurchaseReported[i]).EndRow();
            }
        }

        return peer;
    }

    /// <summary>The first and last month index (<see cref="FxRates.MonthIndex(int)"/>) with any fact row.</summary>
    public static (int First, int Last) DataMonths(FactSnapshot snapshot)
    {
        var tables = new[] { snapshot.MicroConversions, snapshot.Sales, snapshot.Spend, (FactTable)snapshot.Traffic }.Where(t => t.Count > 0).ToList();
        return (FxRates.MonthIndex(tables.Min(t => t.Day[0])), FxRates.MonthIndex(tables.Max(t => t.Day[^1])));
    }

    public long Rows() =>
        Convert.ToInt64(Scalar("SELECT (SELECT COUNT(*) FROM micro) + (SELECT COUNT(*) FROM sales) + (SELECT COUNT(*) FROM spend) + (SELECT COUNT(*) FROM traffic)"),
            CultureInfo.InvariantCulture);

    public string Version() => Convert.ToString(Scalar("SELECT version()"), CultureInfo.InvariantCulture) ?? "?";

    public string MemoryUsage() => Convert.ToString(Scalar("SELECT memory_usage FROM pragma_database_size()"), CultureInfo.InvariantCulture) ?? "?";

    public string Threads() => Convert.ToString(Scalar("SELECT current_setting('threads')"), CultureInfo.InvariantCulture) ?? "?";

    public Dictionary<string, double[]> Run(EngineScenario scenario, string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        return scenario.FromRows(reader, scenario.Id == "c" ? EngineScenario.IsoWeekKey : null);
    }

    /// <summary>
    /// The SQL of a scenario. Money: local units / 10,000 × usd_rate of the row's currency and month, summed first per
    /// group, currency and month and converted after: exact integer sums, then one multiplication per (group, currency,
    /// month) instead of a join and a multiplication per row.
    /// </summary>
    public static string Sql(EngineScenario s)
    {
        var from = $"DATE '{EngineScenario.Iso(s.Range.From)}'";
        var scan = $"day BETWEEN DATE '{EngineScenario.Iso(s.Scanned.From)}' AND DATE '{EngineScenario.Iso(s.Scanned.To)}'";
        const string month = "CAST(date_trunc('month', day) AS DATE)";
        const string fxJoin = "JOIN fx f ON f.currency = x.currency AND f.month = x.mo";
        var period = $"CASE WHEN day >= {from} THEN 0 ELSE 1 END";
        return s.Id switch
        {
            "a" => $"""
                SELECT '' AS k, {period} AS p, CAST(SUM(actions) AS DOUBLE), 0.0, 0.0, 0.0, 0.0 FROM micro WHERE {scan} GROUP BY p
                UNION ALL SELECT '', {period} AS p, 0.0, CAST(SUM(sessions) AS DOUBLE), 0.0, 0.0, 0.0 FROM traffic WHERE {scan} GROUP BY p
                UNION ALL SELECT '', x.p, 0.0, 0.0, CAST(SUM(x.o) AS DOUBLE), SUM(x.r * f.usd_rate / 10000.0), 0.0
                  FROM (SELECT {period} AS p, currency, {month} AS mo, SUM(orders) AS o, SUM(revenue) AS r FROM sales WHERE {scan} GROUP BY p, currency, mo) x
                  {fxJoin} GROUP BY x.p
                UNION ALL SELECT '', x.p, 0.0, 0.0, 0.0, 0.0, SUM(x.v * f.usd_rate / 10000.0)
                  FROM (SELECT {period} AS p, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} GROUP BY p, currency, mo) x
                  {fxJoin} GROUP BY x.p
                """,
            "b" => $"""
                WITH g AS (
                  SELECT x.market, x.mo, SUM(x.v * f.usd_rate / 10000.0) AS revenue, 0.0 AS spend, 0.0 AS micro
                    FROM (SELECT market, currency, {month} AS mo, SUM(revenue) AS v FROM sales WHERE {scan} GROUP BY market, currency, mo) x
                    {fxJoin} GROUP BY x.market, x.mo
                  UNION ALL SELECT x.market, x.mo, 0.0, SUM(x.v * f.usd_rate / 10000.0), 0.0
                    FROM (SELECT market, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} GROUP BY market, currency, mo) x
                    {fxJoin} GROUP BY x.market, x.mo
                  UNION ALL SELECT market, {month} AS mo, 0.0, 0.0, CAST(SUM(actions) AS DOUBLE)
                    FROM micro WHERE {scan} GROUP BY market, mo)
                SELECT m.key || '|' || strftime(g.mo, '%Y-%m'), 0, g.revenue, g.spend, g.micro FROM g JOIN markets m ON m.code = g.market
                """,
            "c" => WeekSql(s, from, scan, month, fxJoin, period),
            "d" => $"""
                SELECT m.key || '|' || e.key, 0, g.v
                FROM (SELECT market, event, CAST(SUM(actions) AS DOUBLE) AS v FROM micro WHERE {scan} GROUP BY market, event) g
                JOIN markets m ON m.code = g.market JOIN events e ON e.code = g.event
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Id, "unknown scenario"),
        };
    }

    private static string WeekSql(EngineScenario s, string from, string scan, string month, string fxJoin, string period)
    {
        // A comparison day feeds the week of the day one range length later (previous period, per bucket).
        var week = $"CAST(date_trunc('week', CASE WHEN day >= {from} THEN day ELSE day + {s.Range.Days} END) AS DATE)";
        var channels = string.Join(", ", s.Query.Filters[Metrics.Query.Dimension.Channel].Select(c => $"'{c}'"));
        var region = s.Query.Filters[Metrics.Query.Dimension.Region][0];
        var filter = $"market IN (SELECT code FROM markets WHERE region = '{region}') AND channel IN (SELECT code FROM channels WHERE key IN ({channels}))";
        return $"""
            WITH g AS (
              SELECT {week} AS w, {period} AS p, CAST(SUM(actions) AS DOUBLE) AS micro, 0.0 AS sessions, 0.0 AS spend
                FROM micro WHERE {scan} AND {filter} GROUP BY w, p
              UNION ALL SELECT {week} AS w, {period} AS p, 0.0, CAST(SUM(sessions) AS DOUBLE), 0.0
                FROM traffic WHERE {scan} AND {filter} GROUP BY w, p
              UNION ALL SELECT x.w, x.p, 0.0, 0.0, SUM(x.v * f.usd_rate / 10000.0)
                FROM (SELECT {week} AS w, {period} AS p, currency, {month} AS mo, SUM(spend) AS v FROM spend WHERE {scan} AND {filter} GROUP BY w, p, currency, mo) x
                {fxJoin} GROUP BY x.w, x.p)
            SELECT strftime(w, '%Y-%m-%d'), p, micro, sessions, spend FROM g
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

using System.Data;
using System.Data.Common;
using System.Globalization;
using Dashboard.Metrics.Snapshot;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Snapshots;

/// <summary>
/// Reads the current rows of the daily fact tables into a columnar <see cref="FactSnapshot"/> for the metrics engine.
/// One pass per table in date order over plain ADO.NET readers; database ids become dense snapshot codes.
/// </summary>
public static class SnapshotLoader
{
    public static async Task<FactSnapshot> LoadAsync(DashboardDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            // One read transaction: every table is read from the same committed state, never half an import.
            await using var tx = await connection.BeginTransactionAsync(IsolationLevel.Serializable, ct);
            var version = await ScalarAsync(connection, tx,
                "SELECT COALESCE(MAX(id), 0) * 1000000 + (SELECT COUNT(*) FROM imports WHERE rolled_back_utc IS NOT NULL) FROM imports", ct);
            var codes = await ReferenceCodes.LoadAsync(connection, tx, ct);
            var fx = new FxRates();
            await ReadAsync(connection, tx, "SELECT month, currency, usd_rate FROM fx_rates WHERE superseded_by IS NULL", r =>
                fx.Add(r.GetString(1), FxRates.MonthIndex(ParseDate(r.GetString(0) + "-01")), r.GetDouble(2)), ct);

            var (market, channel, campaign, eventCode, brand) = (ReferenceCodes.AsArray(codes.Market), ReferenceCodes.AsArray(codes.Channel),
                ReferenceCodes.AsArray(codes.Campaign), ReferenceCodes.AsArray(codes.Event), ReferenceCodes.AsArray(codes.Brand));
            var dates = new DateCache();
            var micro = new MicroConversionTableBuilder();
            await ReadAsync(connection, tx,
                "SELECT date, market_id, channel_id, campaign_id, definition_id, source, count FROM micro_conversions WHERE superseded_by IS NULL ORDER BY date",
                r => micro.Add(dates.Parse(r.GetString(0)), market[r.GetInt32(1)], channel[r.GetInt32(2)], campaign[r.GetInt32(3)],
                    eventCode[r.GetInt32(4)], ReferenceCodes.Source(r.GetString(5)), r.GetInt64(6)), ct);

            var sales = new SalesTableBuilder();
            await ReadAsync(connection, tx,
                "SELECT date, market_id, brand_id, sku, orders, units, revenue, currency FROM sales WHERE superseded_by IS NULL ORDER BY date",
                r => sales.Add(dates.Parse(r.GetString(0)), market[r.GetInt32(1)], brand[r.GetInt32(2)], codes.SkuCode(r.GetString(3)),
                    r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), codes.CurrencyCode(r.GetString(7))), ct);

            var spend = new SpendTableBuilder();
            await ReadAsync(connection, tx,
                "SELECT date, market_id, channel_id, campaign_id, spend, currency FROM spend WHERE superseded_by IS NULL ORDER BY date",
                r => spend.Add(dates.Parse(r.GetString(0)), market[r.GetInt32(1)], channel[r.GetInt32(2)], campaign[r.GetInt32(3)],
                    r.GetInt64(4), codes.CurrencyCode(r.GetString(5))), ct);

            var traffic = new TrafficTableBuilder();
            await ReadAsync(connection, tx,
                "SELECT date, market_id, channel_id, sessions, non_purchase_sessions, non_purchase_reported FROM traffic WHERE superseded_by IS NULL ORDER BY date",
                r => traffic.Add(dates.Parse(r.GetString(0)), market[r.GetInt32(1)], channel[r.GetInt32(2)], r.GetInt64(3), r.GetInt64(4), r.GetBoolean(5)), ct);

            await tx.CommitAsync(ct);
            return new FactSnapshot
            {
                Reference = codes.ToReferenceSet(),
                MicroConversions = micro.Build(),
                Sales = sales.Build(),
                Spend = spend.Build(),
                Traffic = traffic.Build(),
                Fx = fx,
                Version = version,
            };
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Rows come in date order, so the same date text repeats: parse it once per run of equal dates.</summary>
    private sealed class DateCache
    {
        private string _text = "";
        private DateOnly _date;

        public DateOnly Parse(string text)
        {
            if (!string.Equals(text, _text, StringComparison.Ordinal))
            {
                _date = ParseDate(text);
                _text = text;
            }

            return _date;
        }
    }

    /// <summary>ISO dates as stored (yyyy-MM-dd); parsed by hand because this runs once per fact row.</summary>
    internal static DateOnly ParseDate(string s)
    {
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
        {
            return DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var year = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
        var month = ((s[5] - '0') * 10) + (s[6] - '0');
        var day = ((s[8] - '0') * 10) + (s[9] - '0');
        return new DateOnly(year, month, day);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    internal static async Task ReadAsync(DbConnection connection, DbTransaction tx, string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (reader.Read())
        {
            row(reader);
        }

        ct.ThrowIfCancellationRequested();
    }
}

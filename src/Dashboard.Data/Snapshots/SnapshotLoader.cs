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
    /// <summary>
    /// The snapshot of the current data: from the stored image when it matches the data version and reference lists,
    /// else from the fact rows, after which the image is stored for the next load (on this instance or another).
    /// </summary>
    public static async Task<FactSnapshot> LoadAsync(DashboardDbContext db, CancellationToken ct = default) =>
        (await LoadDetailedAsync(db, SnapshotSource.ImageOrRows, TimeProvider.System, ct)).Snapshot;

    public static async Task<SnapshotLoad> LoadDetailedAsync(DashboardDbContext db, SnapshotSource source, TimeProvider clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(ct);
        }

        try
        {
            var (snapshot, columns, key, fromImage) = await ReadAsync(connection, source, ct);
            long imageBytes = 0;
            if (!fromImage && source == SnapshotSource.ImageOrRows)
            {
                imageBytes = SnapshotImages.Write(connection, snapshot.Version, key, columns, clock.GetUtcNow().UtcDateTime);
            }

            return new SnapshotLoad(snapshot, fromImage ? SnapshotOrigin.Image : SnapshotOrigin.Rows, imageBytes);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static async Task<(FactSnapshot Snapshot, SnapshotColumns Columns, string Key, bool FromImage)> ReadAsync(
        DbConnection connection, SnapshotSource source, CancellationToken ct)
    {
        // One read transaction: every table is read from the same committed state, never half an import. On PostgreSQL
        // repeatable read gives exactly that snapshot, without the predicate locks serializable takes on every page read.
        await using var tx = await connection.BeginTransactionAsync(
            SqlDialect.Of(connection).IsPostgres ? IsolationLevel.RepeatableRead : IsolationLevel.Serializable, ct);
        var version = await ScalarAsync(connection, tx, DataVersionSql, ct);
        var codes = await ReferenceCodes.LoadAsync(connection, tx, ct);
        var key = codes.StructureKey();
        var fx = new FxRates();
        await ReadAsync(connection, tx, "SELECT month, currency, usd_rate FROM fx_rates WHERE superseded_by IS NULL", r =>
            fx.Add(r.GetString(1), FxRates.MonthIndex(ParseDate(r.GetString(0) + "-01")), r.GetDouble(2)), ct);

        var tests = await ReadHoldoutTestsAsync(connection, tx, codes, ct);
        var calibrations = new List<LiftCalibration>();
        await ReadAsync(connection, tx, "SELECT test, channel, incremental_usd, low_usd, high_usd, spend_change FROM lift_calibrations ORDER BY id",
            r => calibrations.Add(new LiftCalibration(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5))), ct);
        var context = await ReadContextAsync(connection, tx, codes, ct);
        var surveys = await ReadSurveysAsync(connection, tx, codes, ct);
        var flights = await ReadFlightsAsync(connection, tx, codes, ct);
        var image = source == SnapshotSource.Rows ? null : TryReadImage(connection, tx, version, key);
        SnapshotColumns columns;
        if (image is not null)
        {
            codes.Restore(image.Skus, image.Currencies);
            columns = image;
        }
        else
        {
            var (micro, sales, spend, traffic) = await ReadFactsAsync(connection, tx, codes, ct);
            var journeys = await ReadJourneysAsync(connection, tx, codes, ct);
            columns = new SnapshotColumns(codes.Skus, codes.Currencies, micro, sales, spend, traffic, journeys);
        }

        await tx.CommitAsync(ct);
        var snapshot = new FactSnapshot
        {
            Reference = codes.ToReferenceSet(),
            MicroConversions = columns.MicroConversions,
            Sales = columns.Sales,
            Spend = columns.Spend,
            Traffic = columns.Traffic,
            Journeys = columns.Journeys,
            HoldoutTests = tests,
            Calibrations = calibrations,
            Context = context,
            Surveys = surveys,
            Flights = flights,
            Fx = fx,
            Version = version,
        };
        return (snapshot, columns, key, image is not null);
    }

    /// <summary>
    /// A number that changes with every change of the fact rows (an import, a rollback, an erasure) and with nothing
    /// else: a failed import changed no data and must not make every instance rebuild its snapshot.
    /// </summary>
    public const string DataVersionSql =
        "SELECT CAST(COALESCE(MAX(id), 0) AS BIGINT) * 1000000000 + (SELECT COUNT(*) FROM imports WHERE rolled_back_utc IS NOT NULL) * 100000"
        + " + (SELECT COUNT(*) FROM data_changes WHERE kind = 'erasure') FROM imports WHERE outcome <> 'failed'";

    /// <summary>
    /// Changes with every edit of the definitions and aliases (the rows' meaning, not the rows) and of the stored calibrations:
    /// the snapshot is read again but the stored image stays valid.
    /// </summary>
    public const string ReferenceVersionSql = "SELECT COALESCE(MAX(id), 0) FROM data_changes WHERE kind IN ('definitions', 'calibrations')";

    /// <summary>The data version now (<see cref="DataVersionSql"/>): the snapshot's version once loaded.</summary>
    public static Task<long> DataVersionAsync(DashboardDbContext db, CancellationToken ct) => VersionAsync(db, DataVersionSql, ct);

    /// <summary>The definitions' version now (<see cref="ReferenceVersionSql"/>).</summary>
    public static Task<long> ReferenceVersionAsync(DashboardDbContext db, CancellationToken ct) => VersionAsync(db, ReferenceVersionSql, ct);

    private static async Task<long> VersionAsync(DashboardDbContext db, string sql, CancellationToken ct)
    {
        await using var open = await OpenConnection.OfAsync(db, ct);
        await using var cmd = open.Connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The image is a cache of the rows: a damaged one is ignored (and replaced after the load from rows).</summary>
    private static SnapshotColumns? TryReadImage(DbConnection connection, DbTransaction tx, long version, string key)
    {
        try
        {
            return SnapshotImages.TryRead(connection, tx, version, key);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>
    /// Current fact rows by a plain scan of each table (NOT INDEXED, no ORDER BY: walking the superseded_by index
    /// and sorting took a third longer); the builders put rows in day order.
    /// </summary>
    private static async Task<(MicroConversionTable, SalesTable, SpendTable, TrafficTable)> ReadFactsAsync(
        DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var (market, channel, campaign, eventCode, brand) = (ReferenceCodes.AsArray(codes.Market), ReferenceCodes.AsArray(codes.Channel),
            ReferenceCodes.AsArray(codes.Campaign), ReferenceCodes.AsArray(codes.Event), ReferenceCodes.AsArray(codes.Brand));
        var hint = NotIndexed(connection);
        var micro = new MicroConversionTableBuilder();
        await FactRowReader.ReadAsync(connection, tx,
            "SELECT date, market_id, channel_id, campaign_id, definition_id, source, count FROM micro_conversions" + hint + " WHERE superseded_by IS NULL",
            r => micro.Add(r.Day(), market[r.Int()], channel[r.Int()], campaign[r.Int()], eventCode[r.Int()], ReferenceCodes.Source(r.Text()), r.Long()), ct);

        var sales = new SalesTableBuilder();
        await FactRowReader.ReadAsync(connection, tx,
            "SELECT date, market_id, brand_id, sku, orders, units, revenue, currency FROM sales" + hint + " WHERE superseded_by IS NULL",
            r => sales.Add(r.Day(), market[r.Int()], brand[r.Int()], codes.SkuCode(r.Text()), r.Long(), r.Long(), r.Long(), codes.CurrencyCode(r.Text())), ct);

        var spend = new SpendTableBuilder();
        await FactRowReader.ReadAsync(connection, tx,
            "SELECT date, market_id, channel_id, campaign_id, spend, currency FROM spend" + hint + " WHERE superseded_by IS NULL",
            r => spend.Add(r.Day(), market[r.Int()], channel[r.Int()], campaign[r.Int()], r.Long(), codes.CurrencyCode(r.Text())), ct);

        var traffic = new TrafficTableBuilder();
        await FactRowReader.ReadAsync(connection, tx,
            "SELECT date, market_id, channel_id, sessions, non_purchase_sessions, non_purchase_reported FROM traffic" + hint + " WHERE superseded_by IS NULL",
            r => traffic.Add(r.Day(), market[r.Int()], channel[r.Int()], r.Long(), r.Long(), r.Bool()), ct);
        return (micro.Build(), sales.Build(), spend.Build(), traffic.Build());
    }

    /// <summary>Context rows (current ones) and the holiday calendar, with market codes.</summary>
    private static async Task<MarketContextFacts> ReadContextAsync(DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var market = ReferenceCodes.AsArray(codes.Market);
        var rows = new List<ContextDay>();
        await ReadAsync(connection, tx, "SELECT date, market_id, type, value FROM context WHERE superseded_by IS NULL",
            r => rows.Add(new ContextDay(Day(r, 0).DayNumber, market[r.GetInt32(1)], r.GetString(2), r.IsDBNull(3) ? null : r.GetDouble(3))), ct);
        var holidays = new List<(int, int)>();
        await ReadAsync(connection, tx, "SELECT market_id, date FROM holidays",
            r => holidays.Add((market[r.GetInt32(0)], Day(r, 1).DayNumber)), ct);
        return new MarketContextFacts(rows, holidays);
    }

    /// <summary>Current campaign flights with channel codes and the campaign's key.</summary>
    private static async Task<List<CampaignFlight>> ReadFlightsAsync(DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var channel = ReferenceCodes.AsArray(codes.Channel);
        var flights = new List<CampaignFlight>();
        await ReadAsync(connection, tx,
            "SELECT c.key, f.name, f.channel_id, f.start, f.\"end\", f.objective FROM campaign_flights f JOIN campaigns c ON c.id = f.campaign_id WHERE f.superseded_by IS NULL ORDER BY f.start",
            r => flights.Add(new CampaignFlight(r.GetString(0), r.GetString(1), channel[r.GetInt32(2)], Day(r, 3), Day(r, 4), r.GetString(5))), ct);
        return flights;
    }

    /// <summary>Current survey answers with market and event codes; each distinct reason text is kept once.</summary>
    private static async Task<SurveyFacts> ReadSurveysAsync(DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var (market, eventCode) = (ReferenceCodes.AsArray(codes.Market), ReferenceCodes.AsArray(codes.Event));
        var responses = new List<SurveyResponse>();
        var reasons = new Dictionary<string, int>(StringComparer.Ordinal);
        await ReadAsync(connection, tx, "SELECT date, market_id, definition_id, score, reason FROM survey_responses WHERE superseded_by IS NULL", r =>
        {
            var reason = r.GetString(4);
            if (!reasons.TryGetValue(reason, out var index))
            {
                reasons[reason] = index = reasons.Count;
            }

            responses.Add(new SurveyResponse(Day(r, 0).DayNumber, market[r.GetInt32(1)], eventCode[r.GetInt32(2)], r.GetInt32(3), index));
        }, ct);
        return new SurveyFacts(responses, [.. reasons.OrderBy(p => p.Value).Select(p => p.Key)]);
    }

    /// <summary>Holdout tests: one row per market of a test, grouped into tests with their test and control markets.</summary>
    private static async Task<List<HoldoutTestDefinition>> ReadHoldoutTestsAsync(DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var markets = codes.ToReferenceSet().Markets;
        var marketCode = ReferenceCodes.AsArray(codes.Market);
        var rows = new List<(string Test, string Group, string Market, DateOnly Start, DateOnly End, string Channel)>();
        await ReadAsync(connection, tx,
            "SELECT test, \"group\", market_id, start, \"end\", channel FROM holdout_tests WHERE superseded_by IS NULL ORDER BY test, market_id",
            r => rows.Add((r.GetString(0), r.GetString(1), markets[marketCode[r.GetInt32(2)]].Code, Day(r, 3), Day(r, 4), r.GetString(5))), ct);
        return [.. rows.GroupBy(r => r.Test, StringComparer.Ordinal).Select(g => new HoldoutTestDefinition(
            g.Key, g.First().Channel, g.Min(r => r.Start), g.Max(r => r.End),
            [.. g.Where(r => r.Group == "test").Select(r => r.Market)], [.. g.Where(r => r.Group == "control").Select(r => r.Market)]))];
    }

    /// <summary>Current journey touches; events become definition codes, or the visit and purchase markers.</summary>
    private static async Task<JourneyTable> ReadJourneysAsync(DbConnection connection, DbTransaction tx, ReferenceCodes codes, CancellationToken ct)
    {
        var (market, channel) = (ReferenceCodes.AsArray(codes.Market), ReferenceCodes.AsArray(codes.Channel));
        var events = codes.EventCodesByKey();
        events["visit"] = JourneyTable.Visit;
        events["purchase"] = JourneyTable.Purchase;
        var journeys = new JourneyTableBuilder();
        var hint = NotIndexed(connection);
        await FactRowReader.ReadAsync(connection, tx,
            "SELECT journey_id, market_id, timestamp_utc, channel_id, event, revenue, currency FROM journeys" + hint + " WHERE superseded_by IS NULL",
            r =>
            {
                var (journeyId, marketId, at, channelId, eventKey, revenue, currency) = (r.Text(), r.Int(), r.Timestamp(), r.Int(), r.Text(), r.Long(), r.Text());
                journeys.Add(journeyId, market[marketId], at, channel[channelId],
                    events.TryGetValue(eventKey, out var code) ? code : throw new InvalidDataException($"stored journey event '{eventKey}' is not a definition"),
                    revenue, currency.Length == 0 ? JourneyTable.NoCurrency : codes.CurrencyCode(currency));
            }, ct);
        return journeys.Build();
    }

    /// <summary>Timestamps as stored (yyyy-MM-dd HH:mm:ss, optionally with a fraction), as UTC.</summary>
    internal static DateTime ParseTimestamp(string s)
    {
        if (s.Length == 19 && s[10] is ' ' or 'T' && s[13] == ':' && s[16] == ':')
        {
            var date = ParseDate(s);
            var time = (((s[11] - '0') * 10) + (s[12] - '0')) * 3600 + ((((s[14] - '0') * 10) + (s[15] - '0')) * 60) + ((s[17] - '0') * 10) + (s[18] - '0');
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(time);
        }

        return DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    }

    /// <summary>SQLite walks the superseded_by index unless told not to; PostgreSQL's planner picks a scan itself.</summary>
    private static string NotIndexed(DbConnection connection) => SqlDialect.Of(connection).IsPostgres ? "" : " NOT INDEXED";

    /// <summary>A day: SQLite keeps it as ISO text, PostgreSQL as a date.</summary>
    internal static DateOnly Day(DbDataReader r, int i) => r.GetFieldType(i) == typeof(string) ? ParseDate(r.GetString(i)) : r.GetFieldValue<DateOnly>(i);

    /// <summary>A UTC time: SQLite keeps it as text, PostgreSQL as timestamptz.</summary>
    internal static DateTime Timestamp(DbDataReader r, int i) =>
        r.GetFieldType(i) == typeof(string) ? ParseTimestamp(r.GetString(i)) : DateTime.SpecifyKind(r.GetFieldValue<DateTime>(i), DateTimeKind.Utc);

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
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (reader.Read())
        {
            row(reader);
        }

        ct.ThrowIfCancellationRequested();
    }
}

/// <summary>Where a load may take the snapshot from.</summary>
public enum SnapshotSource
{
    /// <summary>The stored image when current, else the rows (then the image is stored).</summary>
    ImageOrRows,

    /// <summary>Always the fact rows; the stored image is neither read nor written (benchmarks, checks).</summary>
    Rows,
}

public enum SnapshotOrigin
{
    Image,
    Rows,
}

/// <summary>A loaded snapshot, where it came from, and the bytes of the image stored after a load from rows (else 0).</summary>
public sealed record SnapshotLoad(FactSnapshot Snapshot, SnapshotOrigin Origin, long ImageBytesWritten);

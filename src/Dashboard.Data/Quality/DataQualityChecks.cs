using System.Data;
using System.Data.Common;
using System.Globalization;
using Dashboard.Data.Snapshots;
using Dashboard.Domain.Imports;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Data.Quality;

/// <summary>Everything the stored-data checks found at one data version.</summary>
public sealed record StoredDataFindings(
    long DataVersion,
    IReadOnlyList<Freshness> Freshness,
    IReadOnlyList<CrossMarketJourney> CrossMarketJourneys,
    IReadOnlyList<DuplicatedSpend> DuplicatedSpend,
    IReadOnlyList<UnmappedEvent> UnmappedEvents,
    IReadOnlyList<MissingRate> MissingRates);

/// <summary>
/// The data-quality checks that read stored rows (the seeds' failure modes: lagging offline feeds, duplication
/// across regions, unmapped events, missing exchange rates). Each scan reads current rows once, so the findings are
/// kept until the data version changes.
/// </summary>
public sealed class DataQualityChecks(IDbContextFactory<DashboardDbContext> contexts, Inventory.DataInventory inventory) : IDisposable
{
    private const int Listed = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private StoredDataFindings? _cached;

    public async Task<StoredDataFindings> RunAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var version = await SnapshotLoader.DataVersionAsync(db, ct);
        await _gate.WaitAsync(ct);
        try
        {
            if (_cached is { } cached && cached.DataVersion == version)
            {
                return cached;
            }

            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(ct);
            try
            {
                _cached = new StoredDataFindings(
                    version,
                    await FreshnessAsync(connection, inventory, ct),
                    await CrossMarketJourneysAsync(connection, ct),
                    await DuplicatedSpendAsync(connection, ct),
                    await UnmappedEventsAsync(connection, ct),
                    await MissingRatesAsync(connection, ct));
                return _cached;
            }
            finally
            {
                await connection.CloseAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Feeds of one source each: their per-market last dates come from the data inventory's cached scan. Context rows
    /// (promotions, holidays) are occasional by nature, so their last date says nothing about a feed's lag.
    /// </summary>
    private static readonly string[] SingleSourceKinds =
        [ImportKinds.Sales, ImportKinds.Spend, ImportKinds.Traffic, ImportKinds.Journeys, ImportKinds.SurveyResponses];

    private static async Task<IReadOnlyList<Freshness>> FreshnessAsync(DbConnection connection, Inventory.DataInventory inventory, CancellationToken ct)
    {
        // Micro-conversions by their source system (CRM, e-commerce, social, in-store feeds lag differently).
        const string Sql =
            """
            SELECT f.source, m.code, r.name, MAX(f.date), COUNT(*) FROM micro_conversions f
              JOIN markets m ON m.id = f.market_id JOIN regions r ON r.id = m.region_id WHERE f.superseded_by IS NULL GROUP BY f.market_id, f.source, m.code, r.name
            """;
        var bySource = await ReadAsync(connection, Sql, r => new Freshness(
            ImportKinds.MicroConversions, r.GetString(0), r.GetString(1), r.GetString(2),
            DbValues.Date(r, 3), r.GetInt64(4)), ct);
        var coverage = await inventory.CoverageAsync(ct);
        return [.. bySource, .. coverage.SelectMany(m => SingleSourceKinds
            .Where(m.ByKind.ContainsKey)
            .Select(kind => new Freshness(kind, kind, m.Code, m.Region, m.ByKind[kind].Last, m.ByKind[kind].Rows)))];
    }

    private static async Task<IReadOnlyList<CrossMarketJourney>> CrossMarketJourneysAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = $"""
            SELECT j.journey_id, {SqlDialect.Of(connection).DistinctList("m.code")}, COUNT(*) FROM journeys j JOIN markets m ON m.id = j.market_id
            WHERE j.superseded_by IS NULL GROUP BY j.journey_id HAVING COUNT(DISTINCT j.market_id) > 1 ORDER BY j.journey_id LIMIT {Listed}
            """;
        return await ReadAsync(connection, sql, r => new CrossMarketJourney(r.GetString(0), Split(r.GetString(1)), r.GetInt64(2)), ct);
    }

    private static async Task<IReadOnlyList<DuplicatedSpend>> DuplicatedSpendAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = $"""
            SELECT s.date, c.key, k.key, s.spend, s.currency, {SqlDialect.Of(connection).DistinctList("m.code")} FROM spend s
              JOIN channels c ON c.id = s.channel_id JOIN campaigns k ON k.id = s.campaign_id JOIN markets m ON m.id = s.market_id
            WHERE s.superseded_by IS NULL AND k.key <> '' AND s.spend > 0
            GROUP BY s.date, s.channel_id, s.campaign_id, c.key, k.key, s.spend, s.currency HAVING COUNT(DISTINCT s.market_id) > 1
            ORDER BY s.date DESC LIMIT {Listed}
            """;
        return await ReadAsync(connection, sql, r => new DuplicatedSpend(
            DbValues.Date(r, 0), r.GetString(1), r.GetString(2),
            r.GetInt64(3) / 10_000m, r.GetString(4), Split(r.GetString(5))), ct);
    }

    private static async Task<IReadOnlyList<UnmappedEvent>> UnmappedEventsAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = $"""
            SELECT e.value, COUNT(*), {SqlDialect.Of(connection).DistinctList("e.import_id")}, MIN(e.message) FROM import_errors e
            WHERE e."column" = 'event' AND e.message LIKE 'is neither a micro-conversion key%'
            GROUP BY e.value ORDER BY COUNT(*) DESC LIMIT {Listed}
            """;
        return await ReadAsync(connection, sql, r =>
        {
            var message = r.GetString(3);
            var hint = message.IndexOf("did you mean", StringComparison.Ordinal) is var at and >= 0 ? message[at..] : "";
            return new UnmappedEvent(r.GetString(0), r.GetInt64(1), [.. Split(r.GetString(2)).Select(i => int.Parse(i, CultureInfo.InvariantCulture)).Order()], hint);
        }, ct);
    }

    private static async Task<IReadOnlyList<MissingRate>> MissingRatesAsync(DbConnection connection, CancellationToken ct)
    {
        var sql = SqlDialect.Of(connection);
        var used =
            $"""
            SELECT month, currency, SUM(n) FROM (
              SELECT {sql.Month("date")} AS month, currency, COUNT(*) AS n FROM sales WHERE superseded_by IS NULL GROUP BY 1, 2
              UNION ALL SELECT {sql.Month("date")}, currency, COUNT(*) FROM spend WHERE superseded_by IS NULL GROUP BY 1, 2
              UNION ALL SELECT {sql.TimestampMonth("timestamp_utc")}, currency, COUNT(*) FROM journeys WHERE superseded_by IS NULL AND currency <> '' GROUP BY 1, 2) u
            GROUP BY month, currency ORDER BY month, currency
            """;
        var usedRows = await ReadAsync(connection, used, r => (Month: r.GetString(0), Currency: r.GetString(1), Rows: r.GetInt64(2)), ct);
        var rates = (await ReadAsync(connection, "SELECT month, currency FROM fx_rates WHERE superseded_by IS NULL", r => (r.GetString(0), r.GetString(1)), ct)).ToHashSet();
        var byCurrency = rates.GroupBy(r => r.Item2).ToDictionary(g => g.Key, g => g.Select(r => r.Item1).Order(StringComparer.Ordinal).ToList());

        // USD needs no rate: rates are stored against it.
        return [.. usedRows.Where(u => u.Currency != "USD" && !rates.Contains((u.Month, u.Currency)))
            .Select(u => new MissingRate(u.Month, u.Currency, u.Rows,
                byCurrency.GetValueOrDefault(u.Currency)?.LastOrDefault(m => string.CompareOrdinal(m, u.Month) < 0)))];
    }

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static async Task<List<T>> ReadAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> row, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(row(reader));
        }

        return list;
    }
}

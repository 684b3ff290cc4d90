using System.Data.Common;
using System.Globalization;
using Dashboard.Domain.Reference;

namespace Dashboard.Data.Imports;

internal sealed record MarketInfo(int Id, string Code, string Currency);

internal sealed record DefinitionInfo(int Id, string Key, string DefaultSource);

/// <summary>
/// Reference data an import resolves keys against, loaded once per file. Brands and campaigns that appear for
/// the first time are inserted inside the import's transaction, so a failed file leaves none behind. New keys get
/// their ids while the file is read and are inserted once it has been read, before the rows are applied.
/// </summary>
internal sealed class ReferenceLookup
{
    private readonly DbConnection _connection;
    private readonly DbTransaction? _transaction;
    private readonly Dictionary<string, int> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _campaigns = new(StringComparer.Ordinal);
    private readonly List<(string Table, int Id, string Key)> _pending = [];
    private int _maxBrandId;
    private int _maxCampaignId;

    public Dictionary<string, MarketInfo> Markets { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Channels { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DefinitionInfo> Definitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Market id → local alias → definition.</summary>
    public Dictionary<int, Dictionary<string, DefinitionInfo>> Aliases { get; } = [];

    /// <summary>Market codes rows may name (the caller's scope); null means every market.</summary>
    public IReadOnlySet<string>? AllowedMarkets { get; private set; }

    public void RestrictTo(IReadOnlySet<string>? markets) =>
        AllowedMarkets = markets is null ? null : new HashSet<string>(markets, StringComparer.OrdinalIgnoreCase);

    public int BrandsCreated { get; private set; }
    public int CampaignsCreated { get; private set; }

    private ReferenceLookup(DbConnection connection, DbTransaction? transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<ReferenceLookup> LoadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken ct)
    {
        var lookup = new ReferenceLookup(connection, transaction);
        await lookup.ReadAsync("SELECT id, code, currency FROM markets", r => lookup.Markets[r.GetString(1)] = new(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);
        await lookup.ReadAsync("SELECT id, key FROM channels", r => lookup.Channels[r.GetString(1)] = r.GetInt32(0), ct);
        await lookup.ReadAsync("SELECT id, key, default_source FROM definitions", r => lookup.Definitions[r.GetString(1)] = new(r.GetInt32(0), r.GetString(1), r.GetString(2)), ct);
        var byId = lookup.Definitions.Values.ToDictionary(d => d.Id);
        await lookup.ReadAsync("SELECT market_id, alias, definition_id FROM aliases", r =>
        {
            var marketId = r.GetInt32(0);
            if (!lookup.Aliases.TryGetValue(marketId, out var map))
            {
                lookup.Aliases[marketId] = map = new(StringComparer.Ordinal);
            }

            map[r.GetString(1)] = byId[r.GetInt32(2)];
        }, ct);
        await lookup.ReadAsync("SELECT id, key FROM brands", r => lookup._brands[r.GetString(1)] = r.GetInt32(0), ct);
        await lookup.ReadAsync("SELECT id, key FROM campaigns", r => lookup._campaigns[r.GetString(1)] = r.GetInt32(0), ct);
        lookup._maxBrandId = lookup._brands.Count == 0 ? 0 : lookup._brands.Values.Max();
        lookup._maxCampaignId = lookup._campaigns.Count == 0 ? 0 : lookup._campaigns.Values.Max();
        return lookup;
    }

    /// <summary>Resolves an event name in a market: a standard key, or that market's alias of one.</summary>
    public DefinitionInfo? ResolveEvent(string name, int marketId) =>
        Definitions.TryGetValue(name, out var d) ? d
        : Aliases.TryGetValue(marketId, out var map) && map.TryGetValue(name, out var a) ? a
        : null;

    public IEnumerable<string> EventNamesFor(int marketId) =>
        Aliases.TryGetValue(marketId, out var map) ? Definitions.Keys.Concat(map.Keys) : Definitions.Keys;

    /// <summary>The brand's id; a brand seen for the first time gets the next id, inserted by <see cref="InsertPendingAsync"/>.</summary>
    public int BrandId(string key) => IdOf(_brands, "brands", key, ref _maxBrandId);

    /// <summary>The campaign's id; a new campaign key gets the next id, inserted by <see cref="InsertPendingAsync"/>.</summary>
    public int CampaignId(string key) => IdOf(_campaigns, "campaigns", key, ref _maxCampaignId);

    /// <summary>
    /// Inserts the brands and campaigns given ids since the last call (not thread-safe: call it once the reading thread is done). Ids are taken from the maximum read at load:
    /// the import's transaction holds the write lock from its start, so no other writer can take them.
    /// </summary>
    public async Task InsertPendingAsync(CancellationToken ct)
    {
        List<(string Table, int Id, string Key)> pending = [.. _pending];
        _pending.Clear();
        var margin = ((int)(DefaultReferenceData.DefaultGrossMargin * 10_000)).ToString(CultureInfo.InvariantCulture);
        foreach (var (table, id, key) in pending)
        {
            await using var cmd = _connection.CreateCommand();
            cmd.Transaction = _transaction;
            cmd.CommandText = table == "brands"
                ? "INSERT INTO brands (id, key, gross_margin_bp) VALUES (@id, @key, " + margin + ")"
                : "INSERT INTO campaigns (id, key) VALUES (@id, @key)";
            StagingTable.AddParameters(cmd, ("@id", id), ("@key", key));
            await cmd.ExecuteNonQueryAsync(ct);
        }

        // PostgreSQL's identity sequences do not see explicit ids: move them past, so that ids the app assigns do not collide.
        if (pending.Count > 0 && SqlDialect.Of(_connection).IsPostgres)
        {
            foreach (var table in pending.Select(p => p.Table).Distinct(StringComparer.Ordinal))
            {
                await using var cmd = _connection.CreateCommand();
                cmd.Transaction = _transaction;
                cmd.CommandText = $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))";
                await cmd.ExecuteNonQueryAsync(ct);
            }
        }
    }

    /// <summary>A campaign's key for display; a key new in this file is marked as such.</summary>
    public string CampaignKey(int id) => KeyOf(_campaigns, id);

    public string BrandKey(int id) => KeyOf(_brands, id);

    private string KeyOf(Dictionary<string, int> ids, int id)
    {
        var key = ids.FirstOrDefault(p => p.Value == id).Key ?? "";
        return _pending.Exists(p => p.Id == id && p.Key == key) ? (key.Length == 0 ? "(none)" : key) + " (new)" : key;
    }

    private int IdOf(Dictionary<string, int> ids, string table, string key, ref int max)
    {
        if (ids.TryGetValue(key, out var id))
        {
            return id;
        }

        ids[key] = id = ++max;
        _pending.Add((table, id, key));

        if (table == "brands")
        {
            BrandsCreated++;
        }
        else
        {
            CampaignsCreated++;
        }

        return id;
    }

    private async Task ReadAsync(string sql, Action<DbDataReader> row, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            row(reader);
        }
    }
}

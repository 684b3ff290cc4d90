using System.Data.Common;
using System.Globalization;
using Dashboard.Domain.Reference;

namespace Dashboard.Data.Imports;

internal sealed record MarketInfo(int Id, string Code, string Currency);

internal sealed record DefinitionInfo(int Id, string Key, string DefaultSource);

/// <summary>
/// Reference data an import resolves keys against, loaded once per file. Brands and campaigns that appear for
/// the first time are inserted inside the import's transaction, so a failed file leaves none behind.
/// </summary>
internal sealed class ReferenceLookup
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Dictionary<string, int> _brands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _campaigns = new(StringComparer.Ordinal);

    public Dictionary<string, MarketInfo> Markets { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, int> Channels { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, DefinitionInfo> Definitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Market id → local alias → definition.</summary>
    public Dictionary<int, Dictionary<string, DefinitionInfo>> Aliases { get; } = [];

    public int BrandsCreated { get; private set; }
    public int CampaignsCreated { get; private set; }

    private ReferenceLookup(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<ReferenceLookup> LoadAsync(DbConnection connection, DbTransaction transaction, CancellationToken ct)
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
        return lookup;
    }

    /// <summary>Resolves an event name in a market: a standard key, or that market's alias of one.</summary>
    public DefinitionInfo? ResolveEvent(string name, int marketId) =>
        Definitions.TryGetValue(name, out var d) ? d
        : Aliases.TryGetValue(marketId, out var map) && map.TryGetValue(name, out var a) ? a
        : null;

    public IEnumerable<string> EventNamesFor(int marketId) =>
        Aliases.TryGetValue(marketId, out var map) ? Definitions.Keys.Concat(map.Keys) : Definitions.Keys;

    public async ValueTask<int> BrandIdAsync(string key, CancellationToken ct)
    {
        if (_brands.TryGetValue(key, out var id))
        {
            return id;
        }

        var margin = (int)(DefaultReferenceData.DefaultGrossMargin * 10_000);
        id = await InsertReturningIdAsync("INSERT INTO brands (key, gross_margin_bp) VALUES (@key, " + margin.ToString(CultureInfo.InvariantCulture) + ") RETURNING id", key, ct);
        _brands[key] = id;
        BrandsCreated++;
        return id;
    }

    public async ValueTask<int> CampaignIdAsync(string key, CancellationToken ct)
    {
        if (_campaigns.TryGetValue(key, out var id))
        {
            return id;
        }

        id = await InsertReturningIdAsync("INSERT INTO campaigns (key) VALUES (@key) RETURNING id", key, ct);
        _campaigns[key] = id;
        CampaignsCreated++;
        return id;
    }

    private async Task<int> InsertReturningIdAsync(string sql, string key, CancellationToken ct)
    {
        await using var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        cmd.CommandText = sql;
        var p = cmd.CreateParameter();
        p.ParameterName = "@key";
        p.Value = key;
        cmd.Parameters.Add(p);
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
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

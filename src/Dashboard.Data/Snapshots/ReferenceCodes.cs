using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dashboard.Domain.Reference;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Data.Snapshots;

/// <summary>Database ids → dense snapshot codes (positions in the <see cref="ReferenceSet"/> lists), built once per load.</summary>
internal sealed class ReferenceCodes
{
    private readonly List<RegionRef> _regions = [];
    private readonly List<MarketRef> _markets = [];
    private readonly List<ChannelRef> _channels = [];
    private readonly List<EventRef> _events = [];
    private readonly List<string> _campaigns = [];
    private readonly List<BrandRef> _brands = [];
    private readonly List<string> _skus = [""];
    private readonly Dictionary<string, int> _skuCodes = new(StringComparer.Ordinal) { [""] = 0 };
    private readonly List<string> _currencies = [];
    private readonly Dictionary<string, int> _currencyCodes = new(StringComparer.Ordinal);

    public Dictionary<int, int> Market { get; } = [];
    public Dictionary<int, int> Channel { get; } = [];
    public Dictionary<int, int> Event { get; } = [];
    public Dictionary<int, int> Campaign { get; } = [];
    public Dictionary<int, int> Brand { get; } = [];

    public static async Task<ReferenceCodes> LoadAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        var codes = new ReferenceCodes();
        var regionCode = new Dictionary<int, int>();
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, key, name FROM regions ORDER BY id", r =>
        {
            regionCode[r.GetInt32(0)] = codes._regions.Count;
            codes._regions.Add(new RegionRef(r.GetString(1), r.GetString(2)));
        }, ct);
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, code, name, region_id, currency, hemisphere FROM markets ORDER BY id", r =>
        {
            codes.Market[r.GetInt32(0)] = codes._markets.Count;
            codes._markets.Add(new MarketRef(r.GetString(1), r.GetString(2), regionCode[r.GetInt32(3)], r.GetString(4),
                r.GetString(5) == "S" ? Hemisphere.South : Hemisphere.North));
            codes.CurrencyCode(r.GetString(4));
        }, ct);
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, key, name, is_paid FROM channels ORDER BY id", r =>
        {
            codes.Channel[r.GetInt32(0)] = codes._channels.Count;
            codes._channels.Add(new ChannelRef(r.GetString(1), r.GetString(2), r.GetBoolean(3)));
        }, ct);
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, key, name, category, intent_group, default_source FROM definitions ORDER BY id", r =>
        {
            codes.Event[r.GetInt32(0)] = codes._events.Count;
            if (!Keys.TryParseCategory(r.GetString(3), out var category) || !Keys.TryParseIntentGroup(r.GetString(4), out var intent)
                || !Keys.TryParseSource(r.GetString(5), out var source))
            {
                throw new InvalidDataException($"definition '{r.GetString(1)}' has an unknown category, intent group or source");
            }

            codes._events.Add(new EventRef(r.GetString(1), r.GetString(2), category, intent, source));
        }, ct);
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, key FROM campaigns ORDER BY id", r =>
        {
            codes.Campaign[r.GetInt32(0)] = codes._campaigns.Count;
            codes._campaigns.Add(r.GetString(1));
        }, ct);
        await SnapshotLoader.ReadAsync(connection, tx, "SELECT id, key, gross_margin_bp FROM brands ORDER BY id", r =>
        {
            codes.Brand[r.GetInt32(0)] = codes._brands.Count;
            codes._brands.Add(new BrandRef(r.GetString(1), r.GetInt32(2) / 10_000.0));
        }, ct);
        return codes;
    }

    public static int Source(string key) => Keys.TryParseSource(key, out var source)
        ? (int)source
        : throw new InvalidDataException($"stored source '{key}' is not a source system");

    public int SkuCode(string sku)
    {
        if (!_skuCodes.TryGetValue(sku, out var code))
        {
            _skuCodes[sku] = code = _skus.Count;
            _skus.Add(sku);
        }

        return code;
    }

    public int CurrencyCode(string currency)
    {
        if (!_currencyCodes.TryGetValue(currency, out var code))
        {
            _currencyCodes[currency] = code = _currencies.Count;
            _currencies.Add(currency);
        }

        return code;
    }

    /// <summary>A dictionary of small database ids as an array, for a lookup per fact row without hashing.</summary>
    public static int[] AsArray(Dictionary<int, int> codes)
    {
        var array = new int[codes.Count == 0 ? 1 : codes.Keys.Max() + 1];
        Array.Fill(array, -1);
        foreach (var (id, code) in codes)
        {
            array[id] = code;
        }

        return array;
    }

    /// <summary>
    /// Fingerprint of what the fact codes point into (the keys in code order, and each market's region and currency),
    /// not of names: a stored snapshot image is valid for exactly the reference lists with this key.
    /// </summary>
    public string StructureKey()
    {
        var text = new StringBuilder();
        text.AppendJoin(',', _regions.Select(r => r.Key)).Append('|');
        text.AppendJoin(',', _markets.Select(m => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Code}:{m.Region}:{m.Currency}"))).Append('|');
        text.AppendJoin(',', _channels.Select(c => c.Key)).Append('|');
        text.AppendJoin(',', _events.Select(e => e.Key)).Append('|');
        text.AppendJoin(',', _campaigns).Append('|');
        text.AppendJoin(',', _brands.Select(b => b.Key));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Definition key → event code, for tables that store event keys (journeys).</summary>
    public Dictionary<string, int> EventCodesByKey() =>
        _events.Select((e, code) => (e.Key, code)).ToDictionary(x => x.Key, x => x.code, StringComparer.Ordinal);

    /// <summary>Takes the SKU and currency codes of a stored snapshot image, whose columns use them.</summary>
    public void Restore(IReadOnlyList<string> skus, IReadOnlyList<string> currencies)
    {
        _skus.Clear();
        _skuCodes.Clear();
        _currencies.Clear();
        _currencyCodes.Clear();
        foreach (var sku in skus)
        {
            SkuCode(sku);
        }

        foreach (var currency in currencies)
        {
            CurrencyCode(currency);
        }
    }

    public IReadOnlyList<string> Skus => _skus;

    public IReadOnlyList<string> Currencies => _currencies;

    public ReferenceSet ToReferenceSet() => new(_regions, _markets, _channels, _events, _campaigns, _brands, _skus, _currencies);
}

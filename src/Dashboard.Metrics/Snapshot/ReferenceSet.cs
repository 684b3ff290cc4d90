using Dashboard.Domain.Reference;

namespace Dashboard.Metrics.Snapshot;

public sealed record RegionRef(string Key, string Name);

public sealed record MarketRef(string Code, string Name, int Region, string Currency, Hemisphere Hemisphere);

public sealed record ChannelRef(string Key, string Name, bool IsPaid);

public sealed record EventRef(string Key, string Name, Category Category, IntentGroup IntentGroup, SourceSystem DefaultSource);

public sealed record BrandRef(string Key, double GrossMargin);

/// <summary>
/// The dictionaries of a snapshot: fact columns hold small integer codes that index these lists.
/// Codes are positions, so a lookup is an array access on the hot path.
/// </summary>
public sealed class ReferenceSet
{
    public ReferenceSet(
        IReadOnlyList<RegionRef> regions,
        IReadOnlyList<MarketRef> markets,
        IReadOnlyList<ChannelRef> channels,
        IReadOnlyList<EventRef> events,
        IReadOnlyList<string> campaigns,
        IReadOnlyList<BrandRef> brands,
        IReadOnlyList<string> skus,
        IReadOnlyList<string> currencies)
    {
        Check(markets.Count, byte.MaxValue, "markets");
        Check(channels.Count, byte.MaxValue, "channels");
        Check(events.Count, byte.MaxValue, "micro-conversion definitions");
        Check(campaigns.Count, ushort.MaxValue, "campaigns");
        Check(brands.Count, ushort.MaxValue, "brands");
        Check(skus.Count, ushort.MaxValue, "SKUs");
        Check(currencies.Count, byte.MaxValue, "currencies");
        Regions = regions;
        Markets = markets;
        Channels = channels;
        Events = events;
        Campaigns = campaigns;
        Brands = brands;
        Skus = skus;
        Currencies = currencies;
        MarketByCode = Index(markets.Select(m => m.Code));
        CurrencyByCode = Index(currencies);
    }

    public IReadOnlyList<RegionRef> Regions { get; }
    public IReadOnlyList<MarketRef> Markets { get; }
    public IReadOnlyList<ChannelRef> Channels { get; }
    public IReadOnlyList<EventRef> Events { get; }
    public IReadOnlyList<string> Campaigns { get; }
    public IReadOnlyList<BrandRef> Brands { get; }
    public IReadOnlyList<string> Skus { get; }
    public IReadOnlyList<string> Currencies { get; }
    public IReadOnlyDictionary<string, int> MarketByCode { get; }
    public IReadOnlyDictionary<string, int> CurrencyByCode { get; }

    /// <summary>Source systems in a fixed order: the code of a source is its enum value.</summary>
    public static IReadOnlyList<SourceSystem> Sources { get; } = Enum.GetValues<SourceSystem>();

    private static Dictionary<string, int> Index(IEnumerable<string> keys) =>
        keys.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i, StringComparer.Ordinal);

    // Column codes are bytes and ushorts to keep a fact row small; a reference set larger than that is refused, not truncated.
    private static void Check(int count, int max, string what)
    {
        if (count > max + 1)
        {
            throw new ArgumentException($"the snapshot holds at most {max + 1} {what}; the database has {count}");
        }
    }
}

using System.Globalization;
using Dashboard.DemoData.Randomness;

namespace Dashboard.DemoData.World;

internal sealed record Sku(string Key, double Share);

/// <summary>A brand with its fixed share of revenue; SKUs (large size only) split it further.</summary>
internal sealed record Brand(string Key, double Share, IReadOnlyList<Sku> Skus);

/// <summary>
/// Small: three brands reported at brand level (sku empty). Large: five brands of eight SKUs each,
/// reported by SKU only, so a brand's market-day is never both brand-level and by SKU.
/// </summary>
internal static class BrandCatalog
{
    private static readonly (string Key, double Share)[] SmallBrands = [("aurora_cola", 0.5), ("green_valley", 0.3), ("sunny_snacks", 0.2)];

    private static readonly (string Key, double Share)[] LargeBrands =
        [("aurora_cola", 0.35), ("green_valley", 0.22), ("sunny_snacks", 0.18), ("crisp_peak", 0.14), ("morning_glow", 0.11)];

    private static readonly string[] Variants = ["classic", "zero", "lime", "berry", "family_pack", "mini", "multipack", "limited"];

    public static IReadOnlyList<Brand> Create(int seed, DemoSize size)
    {
        if (size == DemoSize.Small)
        {
            return [.. SmallBrands.Select(b => new Brand(b.Key, b.Share, []))];
        }

        var random = SeedDerivation.Stream(seed, "skus");
        return [.. LargeBrands.Select(b =>
        {
            var weights = Variants.Select(_ => random.Uniform(0.3, 1.0)).ToArray();
            var total = weights.Sum();
            var skus = Variants.Select((v, i) => new Sku(string.Create(CultureInfo.InvariantCulture, $"{b.Key}_{v}"), weights[i] / total)).ToArray();
            return new Brand(b.Key, b.Share, skus);
        })];
    }
}

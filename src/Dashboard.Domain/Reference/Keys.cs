using System.Collections.Frozen;

namespace Dashboard.Domain.Reference;

/// <summary>
/// The snake_case keys the import formats and the API use for the domain enums,
/// in one place so every boundary spells them the same way.
/// </summary>
public static class Keys
{
    private static readonly FrozenDictionary<string, Category> CategoryByKey = new Dictionary<string, Category>
    {
        ["digital_engagement"] = Category.DigitalEngagement,
        ["promotional"] = Category.Promotional,
        ["product_interaction"] = Category.ProductInteraction,
        ["retail_action"] = Category.RetailAction,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, IntentGroup> IntentByKey = new Dictionary<string, IntentGroup>
    {
        ["low"] = IntentGroup.Low,
        ["medium"] = IntentGroup.Medium,
        ["high"] = IntentGroup.High,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SourceSystem> SourceByKey = new Dictionary<string, SourceSystem>
    {
        ["crm"] = SourceSystem.Crm,
        ["ecommerce"] = SourceSystem.Ecommerce,
        ["social"] = SourceSystem.Social,
        ["in_store"] = SourceSystem.InStore,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IReadOnlyCollection<string> SourceKeys => SourceByKey.Keys;

    public static IReadOnlyCollection<string> CategoryKeys => CategoryByKey.Keys;

    public static IReadOnlyCollection<string> IntentKeys => IntentByKey.Keys;

    public static string ToKey(this Category value) => value switch
    {
        Category.DigitalEngagement => "digital_engagement",
        Category.Promotional => "promotional",
        Category.ProductInteraction => "product_interaction",
        Category.RetailAction => "retail_action",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToKey(this IntentGroup value) => value switch
    {
        IntentGroup.Low => "low",
        IntentGroup.Medium => "medium",
        IntentGroup.High => "high",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToKey(this SourceSystem value) => value switch
    {
        SourceSystem.Crm => "crm",
        SourceSystem.Ecommerce => "ecommerce",
        SourceSystem.Social => "social",
        SourceSystem.InStore => "in_store",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
    };

    public static string ToKey(this Hemisphere value) => value == Hemisphere.South ? "S" : "N";

    public static bool TryParseCategory(string key, out Category value) => CategoryByKey.TryGetValue(key, out value);

    public static bool TryParseIntentGroup(string key, out IntentGroup value) => IntentByKey.TryGetValue(key, out value);

    public static bool TryParseSource(string key, out SourceSystem value) => SourceByKey.TryGetValue(key, out value);
}

namespace Dashboard.DemoData.World;

/// <summary>Fixed free-text answers per event; some hold commas and quotes so the files exercise CSV quoting.</summary>
internal static class SurveyReasons
{
    public static IReadOnlyDictionary<string, string[]> ByEvent { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["social_follow"] = ["Liked the posts", "Friends follow them, so I did too", "For the \"giveaway\" contest", "Funny videos"],
        ["newsletter_signup"] = ["Wanted recipes and offers", "Got 10% off, why not", "My sister recommended it", "For the \"members only\" news"],
        ["recipe_download"] = ["Needed an idea for dinner", "Looked easy, quick and cheap", "Party snacks, \"crowd pleaser\"", "Kids asked for it"],
        ["coupon_download"] = ["Saving money", "Two for one, great deal", "The \"weekend saver\" coupon", "I always check for coupons"],
        ["loyalty_enrollment"] = ["Points on every purchase", "Free drink after 10, nice", "Cashier suggested it", "Birthday \"treat\" offer"],
        ["sampling_request"] = ["Wanted to try before buying", "Free sample, obviously", "Curious about the new flavour", "Allergies, so I test first"],
        ["product_review"] = ["Wanted to share my opinion", "It was great, honestly", "Had a problem, \"leaked\" bottle", "Asked by e-mail"],
        ["product_video_view"] = ["It autoplayed", "Saw the ad, looked fun", "Wanted to see how it's made", "Influencer \"unboxing\""],
        ["add_to_cart"] = ["Running low at home", "On sale, so I stocked up", "Planned weekly shop", "Saw the \"new\" label"],
        ["kiosk_interaction"] = ["Was waiting in line", "Kids wanted to play", "Looking for a price, size or flavour", "Screen said \"tap to win\""],
        ["scan_to_win"] = ["Chance to win a trip", "Quick, free, easy", "Friend won, so I tried", "The \"instant prize\" sign"],
        ["shelf_scan"] = ["Checked ingredients", "Compared prices, sizes", "Wanted nutrition info", "Scanned the \"eco\" badge"],
    };
}

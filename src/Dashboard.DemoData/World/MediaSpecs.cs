namespace Dashboard.DemoData.World;

/// <summary>One channel–event link of the planted media effect: actions per market-size unit per day at full saturation.</summary>
internal sealed record EventCap(string Event, double Cap);

/// <summary>The fixed, hand-chosen part of a paid channel's planted effect (the curve parameters are drawn from the seed).</summary>
internal sealed record PaidChannelSpec(string Channel, double SpendUsdPerSizeUnit, string Objective, IReadOnlyList<EventCap> Caps);

/// <summary>The planted model family's constants (METRICS.md: adstock, Hill, values over a lag).</summary>
internal static class MediaSpecs
{
    /// <summary>Paid channels in reference-data order; caps are chosen so media drives roughly a fifth of revenue.</summary>
    public static IReadOnlyList<PaidChannelSpec> PaidChannels { get; } =
    [
        new("paid_social", 700, "engagement", [new("social_follow", 300), new("product_video_view", 1200), new("newsletter_signup", 600), new("coupon_download", 450)]),
        new("paid_search", 650, "conversion", [new("add_to_cart", 500), new("coupon_download", 250)]),
        new("display", 400, "awareness", [new("recipe_download", 600), new("sampling_request", 120)]),
        new("online_video", 550, "awareness", [new("product_video_view", 1500), new("recipe_download", 400)]),
        new("email_crm", 120, "conversion", [new("coupon_download", 200), new("loyalty_enrollment", 60), new("newsletter_signup", 100)]),
        new("retail_media", 450, "conversion", [new("add_to_cart", 300), new("coupon_download", 150)]),
        new("influencer", 250, "engagement", [new("product_review", 150), new("social_follow", 400), new("sampling_request", 100)]),
        new("in_store", 350, "conversion", [new("kiosk_interaction", 800), new("scan_to_win", 300), new("shelf_scan", 700)]),
    ];

    public const string OrganicChannel = "organic";

    /// <summary>Revenue value in USD of one action of each type, summed over the lag kernel.</summary>
    public static IReadOnlyDictionary<string, double> ValueUsd { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["social_follow"] = 0.0,
        ["newsletter_signup"] = 3.0,
        ["recipe_download"] = 1.0,
        ["coupon_download"] = 6.0,
        ["loyalty_enrollment"] = 14.0,
        ["sampling_request"] = 4.0,
        ["product_review"] = 2.0,
        ["product_video_view"] = 0.2,
        ["add_to_cart"] = 9.0,
        ["kiosk_interaction"] = 0.8,
        ["scan_to_win"] = 2.5,
        ["shelf_scan"] = 1.5,
    };

    /// <summary>Organic (unpaid) actions per market-size unit per day, before seasonality and trend.</summary>
    public static IReadOnlyDictionary<string, double> OrganicPerSizeUnit { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        ["social_follow"] = 40,
        ["newsletter_signup"] = 60,
        ["recipe_download"] = 150,
        ["coupon_download"] = 120,
        ["loyalty_enrollment"] = 25,
        ["sampling_request"] = 30,
        ["product_review"] = 40,
        ["product_video_view"] = 400,
        ["add_to_cart"] = 250,
        ["kiosk_interaction"] = 150,
        ["scan_to_win"] = 60,
        ["shelf_scan"] = 120,
    };

    /// <summary>Worth nothing, yet correlated with sales: follows come partly from last week's buyers.</summary>
    public static IReadOnlyList<string> VanityEvents { get; } = ["social_follow"];

    /// <summary>Extra organic social follows per USD of the previous seven days' average daily revenue.</summary>
    public const double VanityFollowsPerRevenueUsd = 0.004;

    /// <summary>Events counted on the in-store calendar (weekend-heavy like sales), the rest are digital.</summary>
    public static IReadOnlySet<string> InStoreEvents { get; } = new HashSet<string>(StringComparer.Ordinal) { "kiosk_interaction", "scan_to_win", "shelf_scan" };

    public const int MaxLag = 14;

    public const double LagDecay = 0.75;

    /// <summary>Geometric decay over 0..14 days, normalised to sum to 1; the same for every event.</summary>
    public static double[] LagKernel()
    {
        var kernel = new double[MaxLag + 1];
        var total = 0.0;
        for (var lag = 0; lag <= MaxLag; lag++)
        {
            kernel[lag] = Math.Pow(LagDecay, lag);
            total += kernel[lag];
        }

        for (var lag = 0; lag <= MaxLag; lag++)
        {
            kernel[lag] /= total;
        }

        return kernel;
    }
}

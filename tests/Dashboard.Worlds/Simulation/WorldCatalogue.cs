namespace Dashboard.Worlds.Simulation;

/// <summary>The worlds of the study; docs/worlds.md writes out each one's equations and ranges.</summary>
public static class WorldCatalogue
{
    public static IReadOnlyList<WorldSpec> All { get; } =
    [
        new() { Name = "plain", Summary = "no feedback, geometric lags, every type worth something" },
        new() { Name = "feedback", Summary = "sign-ups, recipes and loyalty also follow the past week's sales; reviews caused by sales", Feedback = true, SalesCausedReviews = true },
        new() { Name = "delayed_peak", Summary = "delayed-peak lags (peak day 3-7) with tails past 28 days", Lag = LagFamily.DelayedPeak },
        new()
        {
            Name = "sales_caused", Summary = "reviews caused by past sales, base shocks persistent (AR 0.85-0.97)",
            SalesCausedReviews = true, Persistence = (0.85, 0.97), BaseNoise = (0.04, 0.08),
        },
        new() { Name = "vanity", Summary = "social follows driven by media, worth nothing", VanityFollows = true },
        new() { Name = "shared_channel", Summary = "sampling and scan-to-win driven by in-store spend alone", SharedChannelPair = true, VanityFollows = true },
        new() { Name = "rollout", Summary = "tracking rolled out market by market, some never; untracked actions still act", Rollout = true, VanityFollows = true },
        new() { Name = "promotions", Summary = "own price cuts and competitor promotions move sales and actions (context)", Promotions = true },
        new() { Name = "few_markets", Summary = "4 markets", Markets = 4 },
        new() { Name = "many_markets", Summary = "25 markets, values vary by market", Markets = 25, ValuesVaryByMarket = true },
        new() { Name = "heavy_noise", Summary = "base noise 15-25% a day, persistent", BaseNoise = (0.15, 0.25), Persistence = (0.5, 0.8), ActionNoise = 0.3 },
        new() { Name = "no_effect", Summary = "no micro-conversion is worth anything", NoEffect = true, VanityFollows = true },
        new()
        {
            Name = "biased_with_test", Summary = "one channel flown when a hidden demand is high (its fit biased up), and a six-week geo test of it",
            HiddenDemand = true, GeoTest = true,
        },
        new() { Name = "direct_media", Summary = "spend also moves sales directly, not through actions", DirectMedia = true, VanityFollows = true, Lag = LagFamily.DelayedPeak },
    ];

    public static WorldSpec Named(string name) =>
        All.FirstOrDefault(w => w.Name == name) ?? throw new ArgumentException($"no world '{name}'; worlds: {string.Join(", ", All.Select(w => w.Name))}");
}

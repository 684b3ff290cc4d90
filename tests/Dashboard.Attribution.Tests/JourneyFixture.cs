using Dashboard.Domain.Reference;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Attribution.Tests;

/// <summary>
/// Hand-made journeys in March 2025 (one in February's lookback, one in April). Every expected figure in the tests is
/// worked out on paper from the touches listed here.
/// </summary>
internal static class JourneyFixture
{
    public const int Social = 0, Email = 1, Search = 2, Display = 3, Organic = 4;
    public const int Newsletter = 0, Coupon = 1, Recipe = 2;
    private const int DE = 0, US = 1, EUR = 0, USD = 1;

    private static DateTime T(int month, int day, int hour = 10) => new(2025, month, day, hour, 0, 0, DateTimeKind.Utc);

    /// <param name="extraConversions">As many more one-touch paid-search purchases of 10 USD in the US on 20 March.</param>
    public static FactSnapshot Build(int extraConversions = 0)
    {
        var reference = new ReferenceSet(
            [new("emea", "EMEA"), new("north_america", "North America")],
            [new("DE", "Germany", 0, "EUR", Hemisphere.North), new("US", "United States", 1, "USD", Hemisphere.North)],
            [new("paid_social", "Paid social", true), new("email_crm", "E-mail", true), new("paid_search", "Paid search", true),
             new("display", "Display", true), new("organic", "Organic", false)],
            [
                new("newsletter_signup", "Newsletter sign-up", Category.DigitalEngagement, IntentGroup.Medium, SourceSystem.Crm),
                new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce),
                new("recipe_download", "Recipe download", Category.ProductInteraction, IntentGroup.Low, SourceSystem.Ecommerce),
            ],
            [""], [new("aurora", 0.4)], [""], ["EUR", "USD"]);

        const byte Visit = JourneyTable.Visit, Purchase = JourneyTable.Purchase, None = JourneyTable.NoCurrency;
        var j = new JourneyTableBuilder();
        // J1: four touches, a purchase of 100 USD on paid search on 7 March.
        j.Add("j1", US, T(3, 1), Social, Visit, 0, None);
        j.Add("j1", US, T(3, 3), Email, Newsletter, 0, None);
        j.Add("j1", US, T(3, 6), Search, Visit, 0, None);
        j.Add("j1", US, T(3, 7), Search, Purchase, 1_000_000, USD);
        // J2: one touch, the purchase itself (40 USD).
        j.Add("j2", US, T(3, 10, 12), Email, Purchase, 400_000, USD);
        // J3: two touches half a day apart in Germany; 50 EUR at 1.10 USD = 55 USD.
        j.Add("j3", DE, T(3, 11, 8), Display, Visit, 0, None);
        j.Add("j3", DE, T(3, 11, 20), Organic, Purchase, 500_000, EUR);
        // J4: the social touch is 40 days before the purchase, outside the 30-day lookback.
        j.Add("j4", US, T(2, 1, 9), Social, Visit, 0, None);
        j.Add("j4", US, T(3, 12, 9), Search, Visit, 0, None);
        j.Add("j4", US, T(3, 13, 9), Search, Purchase, 200_000, USD);
        // J5: two purchases, so two converting paths.
        j.Add("j5", US, T(3, 14, 0), Social, Visit, 0, None);
        j.Add("j5", US, T(3, 15, 0), Search, Purchase, 100_000, USD);
        j.Add("j5", US, T(3, 16, 0), Email, Newsletter, 0, None);
        j.Add("j5", US, T(3, 18, 0), Email, Purchase, 300_000, USD);
        // J6: no purchase: one non-converting path.
        j.Add("j6", US, T(3, 20), Social, Coupon, 0, None);
        j.Add("j6", US, T(3, 21), Email, Visit, 0, None);
        // J7: a purchase in April, outside March.
        j.Add("j7", US, T(4, 2), Search, Purchase, 500_000, USD);
        // J8, J9: visits only.
        j.Add("j8", DE, T(3, 25), Organic, Visit, 0, None);
        j.Add("j8", DE, T(3, 26), Organic, Visit, 0, None);
        j.Add("j9", US, T(3, 26), Display, Visit, 0, None);
        for (var x = 0; x < extraConversions; x++)
        {
            j.Add($"x{x}", US, T(3, 20), Search, Purchase, 100_000, USD);
        }

        // Sales: US 1,000 USD and DE 500 EUR in March, US 300 USD in February; aurora's gross margin is 0.4.
        var sales = new SalesTableBuilder();
        sales.Add(new DateOnly(2025, 3, 5), US, 0, 0, 10, 10, 10_000_000, USD);
        sales.Add(new DateOnly(2025, 3, 9), DE, 0, 0, 5, 5, 5_000_000, EUR);
        sales.Add(new DateOnly(2025, 2, 9), US, 0, 0, 3, 3, 3_000_000, USD);

        // Spend in March: US paid search 200 USD and e-mail 100 USD; DE display 50 EUR.
        var spend = new SpendTableBuilder();
        spend.Add(new DateOnly(2025, 3, 4), US, Search, 0, 2_000_000, USD);
        spend.Add(new DateOnly(2025, 3, 4), US, Email, 0, 1_000_000, USD);
        spend.Add(new DateOnly(2025, 3, 4), DE, Display, 0, 500_000, EUR);

        var fx = new FxRates();
        fx.Add("EUR", FxRates.MonthIndex(new DateOnly(2025, 3, 1)), 1.10);
        fx.Add("EUR", FxRates.MonthIndex(new DateOnly(2025, 4, 1)), 1.12);
        return new FactSnapshot
        {
            Reference = reference, MicroConversions = new MicroConversionTableBuilder().Build(), Sales = sales.Build(),
            Spend = spend.Build(), Traffic = new TrafficTableBuilder().Build(), Journeys = j.Build(), Fx = fx, Version = 1,
        };
    }
}

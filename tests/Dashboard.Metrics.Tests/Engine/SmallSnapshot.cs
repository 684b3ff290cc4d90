using Dashboard.Domain.Reference;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Metrics.Tests.Engine;

/// <summary>
/// A hand-made snapshot small enough to add up on paper. Every expected value in the engine tests is worked out
/// from the rows listed here, not from the engine.
/// </summary>
internal static class SmallSnapshot
{
    private static DateOnly D(int month, int day) => new(2025, month, day);

    public static FactSnapshot Build()
    {
        var reference = new ReferenceSet(
            [new("emea", "EMEA"), new("north_america", "North America")],
            [
                new("DE", "Germany", 0, "EUR", Hemisphere.North), new("FR", "France", 0, "EUR", Hemisphere.North),
                new("US", "United States", 1, "USD", Hemisphere.North), new("GB", "United Kingdom", 0, "GBP", Hemisphere.North),
            ],
            [new("paid_social", "Paid social", true), new("email_crm", "E-mail", true), new("organic", "Organic", false)],
            [
                new("newsletter_signup", "Newsletter sign-up", Category.DigitalEngagement, IntentGroup.Medium, SourceSystem.Crm),
                new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce),
            ],
            ["", "spring"],
            [new("aurora", 0.40)],
            [""],
            ["EUR", "USD", "GBP"]);
        const int DE = 0, FR = 1, US = 2, GB = 3, Social = 0, Email = 1, Organic = 2, None = 0, Spring = 1, Newsletter = 0, Coupon = 1;
        const int Crm = (int)SourceSystem.Crm, Shop = (int)SourceSystem.Ecommerce, EUR = 0, USD = 1, GBP = 2;

        var micro = new MicroConversionTableBuilder();
        micro.Add(D(3, 3), DE, Social, Spring, Newsletter, Crm, 10);
        micro.Add(D(3, 3), DE, Email, None, Coupon, Shop, 5);
        micro.Add(D(3, 9), FR, Social, None, Newsletter, Crm, 7);
        micro.Add(D(3, 10), US, Organic, None, Coupon, Shop, 20);
        micro.Add(D(2, 28), DE, Social, None, Newsletter, Crm, 4);
        micro.Add(D(3, 31), GB, Email, None, Newsletter, Crm, 3);

        var traffic = new TrafficTableBuilder();
        traffic.Add(D(3, 3), DE, Social, 100, 10, true);
        traffic.Add(D(3, 3), DE, Email, 50, 0, false);
        traffic.Add(D(3, 9), FR, Social, 70, 7, true);
        traffic.Add(D(3, 10), US, Organic, 200, 20, true);
        traffic.Add(D(2, 28), DE, Social, 40, 4, true);

        var sales = new SalesTableBuilder();
        sales.Add(D(3, 3), DE, 0, 0, 10, 30, 10_000_000, EUR);   // 1,000.00 EUR
        sales.Add(D(3, 10), US, 0, 0, 20, 50, 20_000_000, USD);  // 2,000.00 USD
        sales.Add(D(2, 28), DE, 0, 0, 5, 10, 5_000_000, EUR);    //   500.00 EUR
        sales.Add(D(3, 31), GB, 0, 0, 2, 4, 1_000_000, GBP);     //   100.00 GBP
        sales.Add(D(1, 15), GB, 0, 0, 1, 1, 500_000, GBP);       //    50.00 GBP, a month without any GBP rate

        var spend = new SpendTableBuilder();
        spend.Add(D(3, 3), DE, Social, Spring, 3_000_000, EUR);  // 300 EUR
        spend.Add(D(3, 3), DE, Email, None, 1_000_000, EUR);     // 100 EUR
        spend.Add(D(3, 10), US, Social, None, 4_000_000, USD);   // 400 USD
        spend.Add(D(2, 20), DE, Social, None, 2_000_000, EUR);   // 200 EUR

        var fx = new FxRates();
        fx.Add("EUR", FxRates.MonthIndex(D(2, 1)), 1.05);
        fx.Add("EUR", FxRates.MonthIndex(D(3, 1)), 1.10);
        fx.Add("GBP", FxRates.MonthIndex(D(3, 1)), 1.25);

        return new FactSnapshot
        {
            Reference = reference, MicroConversions = micro.Build(), Traffic = traffic.Build(), Sales = sales.Build(),
            Spend = spend.Build(), Fx = fx, Version = 1,
        };
    }
}

namespace Dashboard.Domain.Reference;

/// <summary>The reference data a new database is seeded with (DATA.md, "Reference data").</summary>
public static class DefaultReferenceData
{
    /// <summary>Gross margin a brand gets when it first appears.</summary>
    public const decimal DefaultGrossMargin = 0.40m;

    public static IReadOnlyList<Region> Regions { get; } =
    [
        new("emea", "EMEA"),
        new("north_america", "North America"),
        new("latin_america", "Latin America"),
        new("apac", "APAC"),
    ];

    public static IReadOnlyList<Market> Markets { get; } =
    [
        new("GB", "United Kingdom", "emea", "GBP", Hemisphere.North),
        new("DE", "Germany", "emea", "EUR", Hemisphere.North),
        new("FR", "France", "emea", "EUR", Hemisphere.North),
        new("ES", "Spain", "emea", "EUR", Hemisphere.North),
        new("IT", "Italy", "emea", "EUR", Hemisphere.North),
        new("NL", "Netherlands", "emea", "EUR", Hemisphere.North),
        new("PL", "Poland", "emea", "PLN", Hemisphere.North),
        new("SE", "Sweden", "emea", "SEK", Hemisphere.North),
        new("TR", "Türkiye", "emea", "TRY", Hemisphere.North),
        new("ZA", "South Africa", "emea", "ZAR", Hemisphere.South),
        new("AE", "United Arab Emirates", "emea", "AED", Hemisphere.North),
        new("US", "United States", "north_america", "USD", Hemisphere.North),
        new("CA", "Canada", "north_america", "CAD", Hemisphere.North),
        new("MX", "Mexico", "latin_america", "MXN", Hemisphere.North),
        new("BR", "Brazil", "latin_america", "BRL", Hemisphere.South),
        new("AR", "Argentina", "latin_america", "ARS", Hemisphere.South),
        new("CO", "Colombia", "latin_america", "COP", Hemisphere.North),
        new("CL", "Chile", "latin_america", "CLP", Hemisphere.South),
        new("JP", "Japan", "apac", "JPY", Hemisphere.North),
        new("CN", "China", "apac", "CNY", Hemisphere.North),
        new("IN", "India", "apac", "INR", Hemisphere.North),
        new("AU", "Australia", "apac", "AUD", Hemisphere.South),
        new("KR", "South Korea", "apac", "KRW", Hemisphere.North),
        new("ID", "Indonesia", "apac", "IDR", Hemisphere.North),
        new("TH", "Thailand", "apac", "THB", Hemisphere.North),
        new("PH", "Philippines", "apac", "PHP", Hemisphere.North),
    ];

    public static IReadOnlyList<Channel> Channels { get; } =
    [
        new("paid_social", "Paid social", true),
        new("paid_search", "Paid search", true),
        new("display", "Display", true),
        new("online_video", "Online video", true),
        new("email_crm", "E-mail / CRM", true),
        new("retail_media", "Retail media", true),
        new("influencer", "Influencer", true),
        new("in_store", "In-store", true),
        new("organic", "Organic", false),
    ];

    public static IReadOnlyList<MicroConversionDefinition> Definitions { get; } =
    [
        new("social_follow", "Social follow", Category.DigitalEngagement, IntentGroup.Low, SourceSystem.Social),
        new("newsletter_signup", "Newsletter sign-up", Category.DigitalEngagement, IntentGroup.Medium, SourceSystem.Crm),
        new("recipe_download", "Recipe download", Category.DigitalEngagement, IntentGroup.Low, SourceSystem.Ecommerce),
        new("coupon_download", "Coupon download", Category.Promotional, IntentGroup.High, SourceSystem.Ecommerce),
        new("loyalty_enrollment", "Loyalty enrolment", Category.Promotional, IntentGroup.High, SourceSystem.Crm),
        new("sampling_request", "Sampling request", Category.ProductInteraction, IntentGroup.Medium, SourceSystem.Ecommerce),
        new("product_review", "Product review", Category.ProductInteraction, IntentGroup.Medium, SourceSystem.Ecommerce),
        new("product_video_view", "Product video view", Category.ProductInteraction, IntentGroup.Low, SourceSystem.Social),
        new("add_to_cart", "Add to cart", Category.ProductInteraction, IntentGroup.High, SourceSystem.Ecommerce),
        new("kiosk_interaction", "Kiosk interaction", Category.RetailAction, IntentGroup.Low, SourceSystem.InStore),
        new("scan_to_win", "Scan to win", Category.RetailAction, IntentGroup.Medium, SourceSystem.InStore),
        new("shelf_scan", "Shelf scan", Category.RetailAction, IntentGroup.Medium, SourceSystem.InStore),
    ];

    /// <summary>Local event names that some markets' systems send (examples from real exports).</summary>
    public static IReadOnlyList<EventAlias> Aliases { get; } =
    [
        new("DE", "nl_anmeldung", "newsletter_signup"),
        new("DE", "gutschein_download", "coupon_download"),
        new("FR", "inscription_newsletter", "newsletter_signup"),
        new("FR", "telechargement_coupon", "coupon_download"),
        new("ES", "alta_newsletter", "newsletter_signup"),
        new("IT", "iscrizione_newsletter", "newsletter_signup"),
        new("BR", "cadastro_newsletter", "newsletter_signup"),
        new("BR", "download_cupom", "coupon_download"),
        new("MX", "descarga_cupon", "coupon_download"),
        new("JP", "line_follow", "social_follow"),
        new("NL", "nieuwsbrief_aanmelding", "newsletter_signup"),
        new("SE", "nyhetsbrev_anmalan", "newsletter_signup"),
    ];

    public static IReadOnlyList<Holiday> HolidaysFor(int fromYear, int toYear) => HolidayCalendar.For(Markets, fromYear, toYear);
}

namespace Dashboard.DemoData.World;

/// <summary>The planted effect of each context type on the base (non-media) revenue of its days.</summary>
internal static class ContextEffects
{
    public const string CompetitorPromo = "competitor_promo";
    public const string PriceChange = "price_change";
    public const string Holiday = "holiday";
    public const string StockOut = "stock_out";

    /// <summary>Base revenue × 0.92 on a competitor promotion day, whatever its depth.</summary>
    public const double CompetitorPromoFactor = 0.92;

    /// <summary>Base revenue × 0.70 on a stock-out day.</summary>
    public const double StockOutFactor = 0.70;

    /// <summary>Base revenue × 1.15 on a public holiday of the market's calendar (also in the seasonality).</summary>
    public const double HolidayFactor = 1.15;

    /// <summary>Base revenue × (1 + elasticity × value) while an own price change of relative size value runs.</summary>
    public const double PriceChangeRevenueElasticity = -0.8;
}

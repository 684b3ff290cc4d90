namespace Dashboard.DemoData.World;

/// <summary>Rounds local-currency money to how it is booked: cents, or whole units where the currency has no minor unit.</summary>
internal static class LocalMoney
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.Ordinal) { "JPY", "KRW", "CLP" };

    /// <summary>The amount in 1/10,000 units (Amount's scale), never negative.</summary>
    public static long Units(double amount, string currency)
    {
        if (amount <= 0 || double.IsNaN(amount))
        {
            return 0;
        }

        var step = ZeroDecimal.Contains(currency) ? 10_000L : 100L;
        return (long)Math.Round(amount * 10_000 / step, MidpointRounding.ToEven) * step;
    }

    public static long FromUsd(double usd, double usdRate, string currency) => Units(usd / usdRate, currency);
}

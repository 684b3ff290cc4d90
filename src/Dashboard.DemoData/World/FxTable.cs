using Dashboard.DemoData.Randomness;

namespace Dashboard.DemoData.World;

/// <summary>
/// Monthly USD rates per market currency: a plausible starting rate and a slow random walk, with
/// ARS and TRY depreciating strongly. Conversions use the rounded rate as written to fx_rates.csv,
/// so converting the files back to USD reproduces the planted USD values.
/// </summary>
internal sealed class FxTable
{
    // USD per unit at the start, yearly drift of the log rate, monthly volatility.
    private static readonly Dictionary<string, (double Rate, double Drift, double Volatility)> Starts = new(StringComparer.Ordinal)
    {
        ["USD"] = (1.0, 0, 0),
        ["EUR"] = (1.08, 0, 0.015),
        ["GBP"] = (1.27, 0, 0.015),
        ["PLN"] = (0.25, 0, 0.018),
        ["SEK"] = (0.095, 0, 0.018),
        ["TRY"] = (0.037, -0.30, 0.02),
        ["ZAR"] = (0.054, -0.03, 0.025),
        ["AED"] = (0.2723, 0, 0),
        ["CAD"] = (0.74, 0, 0.012),
        ["MXN"] = (0.057, 0, 0.02),
        ["BRL"] = (0.20, -0.04, 0.025),
        ["ARS"] = (0.0029, -0.55, 0.03),
        ["COP"] = (0.00025, -0.02, 0.02),
        ["CLP"] = (0.0011, -0.02, 0.02),
        ["JPY"] = (0.0067, -0.02, 0.018),
        ["CNY"] = (0.138, 0, 0.006),
        ["INR"] = (0.012, -0.02, 0.008),
        ["AUD"] = (0.66, 0, 0.015),
        ["KRW"] = (0.00075, 0, 0.015),
        ["IDR"] = (0.000064, -0.02, 0.012),
        ["THB"] = (0.028, 0, 0.012),
        ["PHP"] = (0.018, -0.01, 0.01),
    };

    private readonly Dictionary<string, decimal[]> ratesByCurrency;
    private readonly Dictionary<string, double[]> doubleRates;
    private readonly DateOnly firstMonth;

    private FxTable(DateOnly firstMonth, int months, Dictionary<string, decimal[]> rates)
    {
        this.firstMonth = firstMonth;
        Months = months;
        ratesByCurrency = rates;
        doubleRates = rates.ToDictionary(kv => kv.Key, kv => kv.Value.Select(r => (double)r).ToArray(), StringComparer.Ordinal);
        Currencies = [.. rates.Keys];
    }

    public IReadOnlyList<string> Currencies { get; }

    public int Months { get; }

    public DateOnly MonthStart(int month) => firstMonth.AddMonths(month);

    public decimal Rate(string currency, int month) => ratesByCurrency[currency][month];

    /// <summary>USD per unit of the currency in the date's month (clamped to the table's months).</summary>
    public double UsdRate(string currency, DateOnly date)
    {
        var month = ((date.Year - firstMonth.Year) * 12) + date.Month - firstMonth.Month;
        var rates = doubleRates[currency];
        return rates[Math.Clamp(month, 0, rates.Length - 1)];
    }

    public static FxTable Create(int seed, DateOnly from, DateOnly to, IEnumerable<string> currencies)
    {
        var first = new DateOnly(from.Year, from.Month, 1);
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;
        var rates = new Dictionary<string, decimal[]>(StringComparer.Ordinal);
        foreach (var currency in currencies.Prepend("USD").Distinct(StringComparer.Ordinal))
        {
            var (start, drift, volatility) = Starts.TryGetValue(currency, out var known) ? known : (1.0, 0, 0.01);
            var random = SeedDerivation.Stream(seed, "fx", currency);
            var series = new decimal[months];
            var log = Math.Log(start);
            for (var m = 0; m < months; m++)
            {
                series[m] = RoundSignificant(Math.Exp(log), 6);
                log += (drift / 12) + (volatility * random.Normal());
            }

            rates[currency] = series;
        }

        return new FxTable(first, months, rates);
    }

    private static decimal RoundSignificant(double value, int digits)
    {
        var exponent = (int)Math.Floor(Math.Log10(value));
        var decimals = Math.Clamp(digits - 1 - exponent, 0, 20);
        return Math.Round((decimal)value, decimals, MidpointRounding.ToEven);
    }
}

using Dashboard.DemoData.World;

namespace Dashboard.DemoData.Simulation;

/// <summary>
/// Per simulated day of one market (burn-in included): weekly and yearly seasonality (southern
/// markets shifted half a year), holiday flags and the trend. Index 0 is the first burn-in day.
/// </summary>
internal sealed class MarketCalendar
{
    // Monday..Sunday, each averaging 1: retail peaks at the weekend, digital is a little higher on weekdays.
    private static readonly double[] RetailWeek = [0.90, 0.88, 0.92, 0.97, 1.08, 1.20, 1.05];
    private static readonly double[] DigitalWeek = [1.04, 1.03, 1.02, 1.00, 0.96, 0.95, 1.00];

    public const double DigitalHolidayFactor = 1.10;

    public MarketCalendar(DemoWorld world, MarketProfile market)
    {
        var total = DemoWorld.BurnInDays + world.Days;
        Retail = new double[total];
        Digital = new double[total];
        SpendSeason = new double[total];
        Trend = new double[total];
        IsHoliday = new bool[total];
        var holidays = world.Holidays.Where(h => h.MarketCode == market.Code).Select(h => h.Date).ToHashSet();
        var shift = market.Market.Hemisphere == Domain.Reference.Hemisphere.South ? 182.6 : 0;
        for (var i = 0; i < total; i++)
        {
            var date = world.From.AddDays(i - DemoWorld.BurnInDays);
            var weekday = ((int)date.DayOfWeek + 6) % 7;
            var yearly = Yearly(date.DayOfYear + shift);
            Retail[i] = RetailWeek[weekday] * yearly;
            Digital[i] = DigitalWeek[weekday] * Math.Sqrt(yearly);
            SpendSeason[i] = 1 + (0.3 * (yearly - 1));
            var years = (i - DemoWorld.BurnInDays) / 365.25;
            Trend[i] = Math.Exp(market.AnnualGrowth * years);
            IsHoliday[i] = holidays.Contains(date);
        }
    }

    public double[] Retail { get; }

    public double[] Digital { get; }

    public double[] SpendSeason { get; }

    public double[] Trend { get; }

    public bool[] IsHoliday { get; }

    /// <summary>Peak around mid-December, a smaller summer bump, average 1.</summary>
    public static double Yearly(double dayOfYear) =>
        1 + (0.10 * Math.Cos(2 * Math.PI * (dayOfYear - 350) / 365.25)) + (0.05 * Math.Cos(4 * Math.PI * (dayOfYear - 200) / 365.25));
}

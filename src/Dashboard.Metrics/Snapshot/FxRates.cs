namespace Dashboard.Metrics.Snapshot;

/// <summary>How a month's rate was found (DATA.md "Money and FX").</summary>
public enum FxRateSource
{
    /// <summary>The month has its own rate.</summary>
    Exact,

    /// <summary>No rate for the month: the latest earlier month's rate is used, and flagged.</summary>
    CarriedForward,

    /// <summary>No rate for the month or before it: the converted figure is absent.</summary>
    Missing,
}

/// <summary>One rate lookup: US dollars per unit of the currency in a month.</summary>
public readonly record struct FxRate(double UsdPerUnit, FxRateSource Source, int RateMonth);

/// <summary>Monthly USD rates per currency, with the carry-forward rule resolved once at load.</summary>
public sealed class FxRates
{
    private readonly Dictionary<string, SortedList<int, double>> _byCurrency = new(StringComparer.Ordinal);

    /// <summary>Month index of a date: year × 12 + month − 1, so consecutive months are consecutive integers.</summary>
    public static int MonthIndex(DateOnly date) => (date.Year * 12) + date.Month - 1;

    public static int MonthIndex(int dayNumber) => MonthIndex(DateOnly.FromDayNumber(dayNumber));

    public static string MonthKey(int monthIndex) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{monthIndex / 12:0000}-{(monthIndex % 12) + 1:00}");

    public void Add(string currency, int monthIndex, double usdPerUnit)
    {
        if (!(usdPerUnit > 0) || double.IsInfinity(usdPerUnit))
        {
            throw new ArgumentOutOfRangeException(nameof(usdPerUnit), usdPerUnit, "a rate must be a positive number");
        }

        if (!_byCurrency.TryGetValue(currency, out var months))
        {
            _byCurrency[currency] = months = [];
        }

        months[monthIndex] = usdPerUnit;
    }

    public IReadOnlyCollection<string> Currencies => _byCurrency.Keys;

    /// <summary>The rate for a currency in a month. The US dollar is 1 by definition, whatever the table holds.</summary>
    public FxRate Resolve(string currency, int monthIndex)
    {
        if (currency == "USD")
        {
            return new FxRate(1.0, FxRateSource.Exact, monthIndex);
        }

        if (!_byCurrency.TryGetValue(currency, out var months) || months.Count == 0)
        {
            return new FxRate(0, FxRateSource.Missing, monthIndex);
        }

        if (months.TryGetValue(monthIndex, out var exact))
        {
            return new FxRate(exact, FxRateSource.Exact, monthIndex);
        }

        // The latest month before this one: binary search over the sorted keys.
        var keys = months.Keys;
        int lo = 0, hi = keys.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (keys[mid] < monthIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo == 0
            ? new FxRate(0, FxRateSource.Missing, monthIndex)
            : new FxRate(months.Values[lo - 1], FxRateSource.CarriedForward, keys[lo - 1]);
    }
}

using System.Globalization;
using Dashboard.Metrics.Snapshot;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// Per (currency, month) the factor from local money units (1/10,000) to the reporting currency, through USD rates of
/// the row's month (DATA.md). NaN marks a month with no usable rate: rows there make their group's sum absent.
/// </summary>
public sealed class FxFactors
{
    private readonly double[] _factor;
    private readonly int _firstMonth;
    private readonly int _months;
    private readonly int _firstDay;

    // Month slot of each day of the period: the hot loops look a factor up per row without any date arithmetic.
    private readonly int[] _monthOfDay;

    public FxFactors(FxRates fx, ReferenceSet reference, string reportingCurrency, int firstDay, int lastDay, ICollection<string> notes)
    {
        _firstMonth = FxRates.MonthIndex(firstDay);
        _months = FxRates.MonthIndex(lastDay) - _firstMonth + 1;
        _firstDay = firstDay;
        _monthOfDay = new int[lastDay - firstDay + 1];
        for (var day = firstDay; day <= lastDay; day++)
        {
            _monthOfDay[day - firstDay] = FxRates.MonthIndex(day) - _firstMonth;
        }

        _factor = new double[reference.Currencies.Count * _months];
        for (var m = 0; m < _months; m++)
        {
            var month = _firstMonth + m;
            var target = fx.Resolve(reportingCurrency, month);
            Note(target, reportingCurrency, month, notes);
            for (var c = 0; c < reference.Currencies.Count; c++)
            {
                var source = fx.Resolve(reference.Currencies[c], month);
                Note(source, reference.Currencies[c], month, notes);
                _factor[(c * _months) + m] = source.Source == FxRateSource.Missing || target.Source == FxRateSource.Missing
                    ? double.NaN
                    : source.UsdPerUnit / target.UsdPerUnit / 10_000.0;
            }
        }
    }

    /// <summary>The factor for a row of a currency on a day inside the period.</summary>
    public double Factor(int currency, int dayNumber) => _factor[(currency * _months) + _monthOfDay[dayNumber - _firstDay]];

    private static void Note(FxRate rate, string currency, int month, ICollection<string> notes)
    {
        if (rate.Source == FxRateSource.CarriedForward)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"no {currency} rate for {FxRates.MonthKey(month)}: the {FxRates.MonthKey(rate.RateMonth)} rate is used"));
        }
    }
}

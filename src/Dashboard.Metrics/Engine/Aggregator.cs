using Dashboard.Metrics.Snapshot;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// The hot loops (micro-conversions: <see cref="MicroAggregator"/>): one pass per fact table over the day slice of a period, adding each row into its cell.
/// No allocation per row, no dictionary, no lock: the snapshot is immutable.
/// </summary>
internal static class Aggregator
{
    /// <summary>Tracking coverage: which markets reported rows, per cell (numerator) and per cell without event dimensions (denominator).</summary>
    public static void Coverage(MicroConversionTable t, PeriodMap period, ColumnMaps maps, GroupLayout layout, int marketCount, Accumulators acc)
    {
        var cells = layout.Cells;
        if ((long)cells * marketCount > 64_000_000)
        {
            throw new MetricsQueryException("tracking coverage over this many groups is too large a question; group by fewer dimensions");
        }

        var reported = new bool[cells * marketCount];
        var any = new bool[cells * marketCount];
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var days = period.DayContribution;
        for (var i = start; i < end; i++)
        {
            var d = days[t.Day[i] - period.FirstDay];
            var m = maps.Market[t.Market[i]];
            if ((d | m) < 0)
            {
                continue;
            }

            var market = t.Market[i];
            any[((d + m) * marketCount) + market] = true;
            var e = maps.Event[t.Event[i]];
            if (e >= 0)
            {
                reported[((d + m + e) * marketCount) + market] = true;
                acc.Present[d + m + e] = true;
            }
        }

        acc.CoverageReporting = Count(reported, cells, marketCount);
        acc.CoverageAny = Count(any, cells, marketCount);
    }

    private static int[] Count(bool[] flags, int cells, int markets)
    {
        var counts = new int[cells];
        for (var cell = 0; cell < cells; cell++)
        {
            for (var m = 0; m < markets; m++)
            {
                counts[cell] += flags[(cell * markets) + m] ? 1 : 0;
            }
        }

        return counts;
    }

    /// <summary>Engagement value: each micro-conversion row's actions × its type's USD value, converted at the row's month.</summary>
    public static void Engagement(MicroConversionTable t, PeriodMap period, ColumnMaps maps, double[] usdToReportingByDay, double[] usdPerAction, int cells, Accumulators acc, bool markPresent)
    {
        var sums = acc.Engagement ??= new double[cells];
        var missing = acc.EngagementFxMissing ??= new bool[cells];
        var present = acc.Present;
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var days = period.DayContribution;
        for (var i = start; i < end; i++)
        {
            var d = days[t.Day[i] - period.FirstDay];
            var m = maps.Market[t.Market[i]];
            var c = maps.Channel[t.Channel[i]];
            var k = maps.Campaign[t.Campaign[i]];
            var e = maps.Event[t.Event[i]];
            var s = maps.Source[t.Source[i]];
            if ((d | m | c | k | e | s) < 0)
            {
                continue;
            }

            var cell = d + m + c + k + e + s;
            var factor = usdToReportingByDay[t.Day[i] - period.FirstDay];
            if (double.IsNaN(factor))
            {
                missing[cell] = true;
            }
            else
            {
                sums[cell] += t.Actions[i] * usdPerAction[t.Event[i]] * factor;
            }

            if (markPresent)
            {
                present[cell] = true;
            }
        }
    }

    public static void Traffic(TrafficTable t, PeriodMap period, ColumnMaps maps, int cells, Accumulators acc, bool markPresent)
    {
        var sessions = acc.Sessions ??= new double[cells];
        var nonPurchase = acc.NonPurchaseSessions ??= new double[cells];
        var present = acc.Present;
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var days = period.DayContribution;
        for (var i = start; i < end; i++)
        {
            var d = days[t.Day[i] - period.FirstDay];
            var m = maps.Market[t.Market[i]];
            var c = maps.Channel[t.Channel[i]];
            if ((d | m | c) < 0)
            {
                continue;
            }

            var cell = d + m + c;
            sessions[cell] += t.Sessions[i];
            nonPurchase[cell] += t.NonPurchaseSessions[i];
            if (markPresent)
            {
                present[cell] = true;
            }
        }
    }

    public static void Sales(SalesTable t, PeriodMap period, ColumnMaps maps, FxFactors fx, double[] brandMargin, int cells, Accumulators acc, bool markPresent)
    {
        var orders = acc.Orders ??= new double[cells];
        var units = acc.Units ??= new double[cells];
        var revenue = acc.Revenue ??= new double[cells];
        var missing = acc.RevenueFxMissing ??= new bool[cells];
        var marginRevenue = acc.MarginRevenue;
        var present = acc.Present;
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var days = period.DayContribution;
        for (var i = start; i < end; i++)
        {
            var d = days[t.Day[i] - period.FirstDay];
            var m = maps.Market[t.Market[i]];
            var b = maps.Brand[t.Brand[i]];
            var k = maps.Sku[t.Sku[i]];
            if ((d | m | b | k) < 0)
            {
                continue;
            }

            var cell = d + m + b + k;
            orders[cell] += t.Orders[i];
            units[cell] += t.Units[i];
            var factor = fx.Factor(t.Currency[i], t.Day[i]);
            if (double.IsNaN(factor))
            {
                missing[cell] = true;
            }
            else
            {
                var value = t.Revenue[i] * factor;
                revenue[cell] += value;
                if (marginRevenue is not null)
                {
                    marginRevenue[cell] += value * brandMargin[t.Brand[i]];
                }
            }

            if (markPresent)
            {
                present[cell] = true;
            }
        }
    }

    public static void Spend(SpendTable t, PeriodMap period, ColumnMaps maps, FxFactors fx, int cells, Accumulators acc, bool markPresent)
    {
        var spend = acc.Spend ??= new double[cells];
        var missing = acc.SpendFxMissing ??= new bool[cells];
        var present = acc.Present;
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var days = period.DayContribution;
        for (var i = start; i < end; i++)
        {
            var d = days[t.Day[i] - period.FirstDay];
            var m = maps.Market[t.Market[i]];
            var c = maps.Channel[t.Channel[i]];
            var k = maps.Campaign[t.Campaign[i]];
            if ((d | m | c | k) < 0)
            {
                continue;
            }

            var cell = d + m + c + k;
            var factor = fx.Factor(t.Currency[i], t.Day[i]);
            if (double.IsNaN(factor))
            {
                missing[cell] = true;
            }
            else
            {
                spend[cell] += t.Spend[i] * factor;
            }

            if (markPresent)
            {
                present[cell] = true;
            }
        }
    }
}

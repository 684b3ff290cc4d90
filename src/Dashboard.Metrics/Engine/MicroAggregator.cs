using Dashboard.Metrics.Snapshot;

namespace Dashboard.Metrics.Engine;

/// <summary>
/// The micro-conversion pass, the largest table: only the columns a query filters or groups on are read (a
/// heatmap of market × event reads 2 of the 6 code columns), and a long slice is split over the cores, each part
/// summing into its own cells, merged in a fixed order. Counts are integers, so the sums are exact in any order.
/// </summary>
internal static class MicroAggregator
{
    private const int MinRowsPerPart = 250_000;
    private const int MaxCellsToSplit = 1 << 16;

    public static void Run(MicroConversionTable t, PeriodMap period, ColumnMaps maps, int cells, Accumulators acc, bool markPresent)
    {
        var sums = acc.Actions ??= new double[cells];
        var present = acc.Present;
        var (start, end) = t.Slice(period.FirstDay, period.LastDay);
        var parts = Math.Min(Environment.ProcessorCount, (end - start) / MinRowsPerPart);
        if (parts < 2 || cells > MaxCellsToSplit)
        {
            Dispatch(t, period, maps, start, end, sums, present, markPresent);
            return;
        }

        var partSums = new double[parts][];
        var partPresent = new bool[parts][];
        Parallel.For(0, parts, p =>
        {
            partSums[p] = new double[cells];
            partPresent[p] = new bool[cells];
            var from = start + (int)((long)(end - start) * p / parts);
            var to = start + (int)((long)(end - start) * (p + 1) / parts);
            Dispatch(t, period, maps, from, to, partSums[p], partPresent[p], markPresent);
        });
        for (var p = 0; p < parts; p++)
        {
            for (var cell = 0; cell < cells; cell++)
            {
                sums[cell] += partSums[p][cell];
                present[cell] |= partPresent[p][cell];
            }
        }
    }

    private static void Dispatch(MicroConversionTable t, PeriodMap period, ColumnMaps maps, int start, int end, double[] sums, bool[] present, bool markPresent)
    {
        var args = new Args(t, period, maps, start, end, sums, present, markPresent);
        if (AllZero(period.DayContribution))
        {
            WithMarket<SkipDay>(args);
        }
        else
        {
            WithMarket<ReadDay>(args);
        }
    }

    private static void WithMarket<TDay>(in Args a)
        where TDay : struct, IDayColumn
    {
        if (AllZero(a.Maps.Market))
        {
            WithChannel<TDay, SkipByte>(a);
        }
        else
        {
            WithChannel<TDay, ReadByte>(a);
        }
    }

    private static void WithChannel<TDay, TMarket>(in Args a)
        where TDay : struct, IDayColumn
        where TMarket : struct, IByteColumn
    {
        if (AllZero(a.Maps.Channel))
        {
            WithCampaign<TDay, TMarket, SkipByte>(a);
        }
        else
        {
            WithCampaign<TDay, TMarket, ReadByte>(a);
        }
    }

    private static void WithCampaign<TDay, TMarket, TChannel>(in Args a)
        where TDay : struct, IDayColumn
        where TMarket : struct, IByteColumn
        where TChannel : struct, IByteColumn
    {
        if (AllZero(a.Maps.Campaign))
        {
            WithEvent<TDay, TMarket, TChannel, SkipUShort>(a);
        }
        else
        {
            WithEvent<TDay, TMarket, TChannel, ReadUShort>(a);
        }
    }

    private static void WithEvent<TDay, TMarket, TChannel, TCampaign>(in Args a)
        where TDay : struct, IDayColumn
        where TMarket : struct, IByteColumn
        where TChannel : struct, IByteColumn
        where TCampaign : struct, IUShortColumn
    {
        if (AllZero(a.Maps.Event))
        {
            WithSource<TDay, TMarket, TChannel, TCampaign, SkipByte>(a);
        }
        else
        {
            WithSource<TDay, TMarket, TChannel, TCampaign, ReadByte>(a);
        }
    }

    private static void WithSource<TDay, TMarket, TChannel, TCampaign, TEvent>(in Args a)
        where TDay : struct, IDayColumn
        where TMarket : struct, IByteColumn
        where TChannel : struct, IByteColumn
        where TCampaign : struct, IUShortColumn
        where TEvent : struct, IByteColumn
    {
        if (AllZero(a.Maps.Source))
        {
            Loop<TDay, TMarket, TChannel, TCampaign, TEvent, SkipByte>(a);
        }
        else
        {
            Loop<TDay, TMarket, TChannel, TCampaign, TEvent, ReadByte>(a);
        }
    }

    private static void Loop<TDay, TMarket, TChannel, TCampaign, TEvent, TSource>(in Args a)
        where TDay : struct, IDayColumn
        where TMarket : struct, IByteColumn
        where TChannel : struct, IByteColumn
        where TCampaign : struct, IUShortColumn
        where TEvent : struct, IByteColumn
        where TSource : struct, IByteColumn
    {
        var t = a.Table;
        var maps = a.Maps;
        var (dayColumn, market, channel, campaign, eventColumn, source, actions) = (t.Day, t.Market, t.Channel, t.Campaign, t.Event, t.Source, t.Actions);
        var (days, firstDay) = (a.Period.DayContribution, a.Period.FirstDay);
        var (marketMap, channelMap, campaignMap, eventMap, sourceMap) = (maps.Market, maps.Channel, maps.Campaign, maps.Event, maps.Source);
        var sums = a.Sums;
        var present = a.Present;
        var markPresent = a.MarkPresent;
        for (var i = a.Start; i < a.End; i++)
        {
            var d = TDay.Map(dayColumn, days, firstDay, i);
            var m = TMarket.Map(market, marketMap, i);
            var c = TChannel.Map(channel, channelMap, i);
            var k = TCampaign.Map(campaign, campaignMap, i);
            var e = TEvent.Map(eventColumn, eventMap, i);
            var s = TSource.Map(source, sourceMap, i);
            if ((d | m | c | k | e | s) < 0)
            {
                continue;
            }

            var cell = d + m + c + k + e + s;
            sums[cell] += actions[i];
            if (markPresent)
            {
                present[cell] = true;
            }
        }
    }

    /// <summary>A map of zeros adds nothing to any cell and excludes no row: its column need not be read.</summary>
    private static bool AllZero(int[] map) => !map.AsSpan().ContainsAnyExcept(0);

    private readonly record struct Args(
        MicroConversionTable Table, PeriodMap Period, ColumnMaps Maps, int Start, int End, double[] Sums, bool[] Present, bool MarkPresent);
}

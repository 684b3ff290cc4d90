namespace Dashboard.Metrics.Snapshot;

/// <summary>One known confounder on one market-day (DATA.md `context`): a competitor promotion, price change, stock-out, holiday.</summary>
public readonly record struct ContextDay(int Day, int Market, string Type, double? Value);

/// <summary>
/// What else moved sales besides media, per market and day: the imported context rows and the public holidays of the
/// reference calendar. Small, so it is read whole with each snapshot.
/// </summary>
public sealed class MarketContextFacts
{
    public static MarketContextFacts Empty { get; } = new([], []);

    public MarketContextFacts(IReadOnlyList<ContextDay> rows, IReadOnlyList<(int Market, int Day)> holidays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(holidays);
        Rows = rows;
        HolidaySet = [.. holidays.Select(h => Key(h.Market, h.Day)), .. rows.Where(r => r.Type == "holiday").Select(r => Key(r.Market, r.Day))];
    }

    public IReadOnlyList<ContextDay> Rows { get; }

    private HashSet<long> HolidaySet { get; }

    public bool IsHoliday(int market, int day) => HolidaySet.Contains(Key(market, day));

    private static long Key(int market, int day) => ((long)market << 32) | (uint)day;
}

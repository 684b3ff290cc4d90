namespace Dashboard.Metrics.Snapshot;

/// <summary>Collects micro-conversion rows in any order; builds a day-sorted columnar table.</summary>
public sealed class MicroConversionTableBuilder
{
    private readonly ColumnBuffer<int> _day = new();
    private readonly ColumnBuffer<byte> _market = new();
    private readonly ColumnBuffer<byte> _channel = new();
    private readonly ColumnBuffer<ushort> _campaign = new();
    private readonly ColumnBuffer<byte> _event = new();
    private readonly ColumnBuffer<byte> _source = new();
    private readonly ColumnBuffer<int> _actions = new();

    public void Add(DateOnly day, int market, int channel, int campaign, int eventCode, int source, long actions)
    {
        _day.Add(day.DayNumber);
        _market.Add(checked((byte)market));
        _channel.Add(checked((byte)channel));
        _campaign.Add(checked((ushort)campaign));
        _event.Add(checked((byte)eventCode));
        _source.Add(checked((byte)source));
        _actions.Add(checked((int)actions));
    }

    public MicroConversionTable Build()
    {
        var order = ColumnBuffer<int>.SortOrder(_day);
        return new()
        {
            Day = _day.ToArray(order), Market = _market.ToArray(order), Channel = _channel.ToArray(order), Campaign = _campaign.ToArray(order),
            Event = _event.ToArray(order), Source = _source.ToArray(order), Actions = _actions.ToArray(order),
        };
    }
}

public sealed class SalesTableBuilder
{
    private readonly ColumnBuffer<int> _day = new();
    private readonly ColumnBuffer<byte> _market = new();
    private readonly ColumnBuffer<ushort> _brand = new();
    private readonly ColumnBuffer<ushort> _sku = new();
    private readonly ColumnBuffer<int> _orders = new();
    private readonly ColumnBuffer<int> _units = new();
    private readonly ColumnBuffer<long> _revenue = new();
    private readonly ColumnBuffer<byte> _currency = new();

    public void Add(DateOnly day, int market, int brand, int sku, long orders, long units, long revenueUnits, int currency)
    {
        _day.Add(day.DayNumber);
        _market.Add(checked((byte)market));
        _brand.Add(checked((ushort)brand));
        _sku.Add(checked((ushort)sku));
        _orders.Add(checked((int)orders));
        _units.Add(checked((int)units));
        _revenue.Add(revenueUnits);
        _currency.Add(checked((byte)currency));
    }

    public SalesTable Build()
    {
        var order = ColumnBuffer<int>.SortOrder(_day);
        return new()
        {
            Day = _day.ToArray(order), Market = _market.ToArray(order), Brand = _brand.ToArray(order), Sku = _sku.ToArray(order),
            Orders = _orders.ToArray(order), Units = _units.ToArray(order), Revenue = _revenue.ToArray(order), Currency = _currency.ToArray(order),
        };
    }
}

public sealed class SpendTableBuilder
{
    private readonly ColumnBuffer<int> _day = new();
    private readonly ColumnBuffer<byte> _market = new();
    private readonly ColumnBuffer<byte> _channel = new();
    private readonly ColumnBuffer<ushort> _campaign = new();
    private readonly ColumnBuffer<long> _spend = new();
    private readonly ColumnBuffer<byte> _currency = new();

    public void Add(DateOnly day, int market, int channel, int campaign, long spendUnits, int currency)
    {
        _day.Add(day.DayNumber);
        _market.Add(checked((byte)market));
        _channel.Add(checked((byte)channel));
        _campaign.Add(checked((ushort)campaign));
        _spend.Add(spendUnits);
        _currency.Add(checked((byte)currency));
    }

    public SpendTable Build()
    {
        var order = ColumnBuffer<int>.SortOrder(_day);
        return new()
        {
            Day = _day.ToArray(order), Market = _market.ToArray(order), Channel = _channel.ToArray(order), Campaign = _campaign.ToArray(order),
            Spend = _spend.ToArray(order), Currency = _currency.ToArray(order),
        };
    }
}

public sealed class TrafficTableBuilder
{
    private readonly ColumnBuffer<int> _day = new();
    private readonly ColumnBuffer<byte> _market = new();
    private readonly ColumnBuffer<byte> _channel = new();
    private readonly ColumnBuffer<int> _sessions = new();
    private readonly ColumnBuffer<int> _nonPurchase = new();
    private readonly ColumnBuffer<bool> _reported = new();

    public void Add(DateOnly day, int market, int channel, long sessions, long nonPurchaseSessions, bool nonPurchaseReported)
    {
        _day.Add(day.DayNumber);
        _market.Add(checked((byte)market));
        _channel.Add(checked((byte)channel));
        _sessions.Add(checked((int)sessions));
        _nonPurchase.Add(checked((int)nonPurchaseSessions));
        _reported.Add(nonPurchaseReported);
    }

    public TrafficTable Build()
    {
        var order = ColumnBuffer<int>.SortOrder(_day);
        return new()
        {
            Day = _day.ToArray(order), Market = _market.ToArray(order), Channel = _channel.ToArray(order), Sessions = _sessions.ToArray(order),
            NonPurchaseSessions = _nonPurchase.ToArray(order), NonPurchaseReported = _reported.ToArray(order),
        };
    }
}

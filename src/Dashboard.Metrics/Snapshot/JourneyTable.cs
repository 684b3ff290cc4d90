namespace Dashboard.Metrics.Snapshot;

/// <summary>
/// Journey touches, columnar: a journey is one pseudonymous id within one market, its touches in time order at
/// <c>Start[j]..Start[j + 1]</c>. Events hold micro-conversion codes of the <see cref="ReferenceSet"/>, or
/// <see cref="Visit"/> / <see cref="Purchase"/>; revenue (1/10,000 of the currency) is on purchase touches only.
/// </summary>
public sealed class JourneyTable
{
    public const byte Visit = 254;
    public const byte Purchase = 255;

    /// <summary>Currency code of a touch without revenue.</summary>
    public const byte NoCurrency = 255;

    /// <summary>Touch times are whole seconds since this instant (UTC).</summary>
    public static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public const int SecondsPerDay = 86_400;

    /// <summary>Day number (<see cref="DateOnly.DayNumber"/>) of <see cref="Epoch"/>.</summary>
    public static readonly int EpochDayNumber = DateOnly.FromDateTime(Epoch).DayNumber;

    public static JourneyTable Empty { get; } = new() { Start = [0], Market = [], Second = [], Channel = [], Event = [], Revenue = [], Currency = [] };

    /// <summary>Offsets of each journey's first touch; one more entry than journeys.</summary>
    public required int[] Start { get; init; }

    /// <summary>Market code per journey.</summary>
    public required byte[] Market { get; init; }

    public required int[] Second { get; init; }
    public required byte[] Channel { get; init; }
    public required byte[] Event { get; init; }
    public required long[] Revenue { get; init; }
    public required byte[] Currency { get; init; }

    public int Journeys => Start.Length - 1;

    public int Touches => Second.Length;

    public long ColumnBytes =>
        ((long)Start.Length * 4) + Market.Length + ((long)Second.Length * 4) + Channel.Length + Event.Length + ((long)Revenue.Length * 8) + Currency.Length;

    /// <summary>The UTC calendar day of a touch time, as a <see cref="DateOnly.DayNumber"/>.</summary>
    public static int DayOf(int second) => EpochDayNumber + (int)Math.Floor(second / (double)SecondsPerDay);

    public static int SecondOf(DateTime utc)
    {
        var seconds = (utc - Epoch).Ticks / TimeSpan.TicksPerSecond;
        return seconds is >= int.MinValue and <= int.MaxValue
            ? (int)seconds
            : throw new ArgumentOutOfRangeException(nameof(utc), utc, "journey touches must lie within 68 years of 2000");
    }
}

/// <summary>Collects touches in any order; builds journeys with their touches in time order.</summary>
public sealed class JourneyTableBuilder
{
    private readonly Dictionary<(string Id, int Market), int> _journeys = [];
    private readonly List<byte> _journeyMarket = [];
    private readonly ColumnBuffer<int> _journey = new();
    private readonly ColumnBuffer<int> _second = new();
    private readonly ColumnBuffer<byte> _channel = new();
    private readonly ColumnBuffer<byte> _event = new();
    private readonly ColumnBuffer<long> _revenue = new();
    private readonly ColumnBuffer<byte> _currency = new();

    public void Add(string journeyId, int market, DateTime utc, int channel, int eventCode, long revenueUnits, int currency)
    {
        if (!_journeys.TryGetValue((journeyId, market), out var journey))
        {
            _journeys[(journeyId, market)] = journey = _journeyMarket.Count;
            _journeyMarket.Add(checked((byte)market));
        }

        _journey.Add(journey);
        _second.Add(JourneyTable.SecondOf(utc));
        _channel.Add(checked((byte)channel));
        _event.Add(checked((byte)eventCode));
        _revenue.Add(revenueUnits);
        _currency.Add(checked((byte)currency));
    }

    public JourneyTable Build()
    {
        var n = _journey.Count;
        var journeys = _journeyMarket.Count;
        var start = new int[journeys + 1];
        for (var i = 0; i < n; i++)
        {
            start[_journey[i] + 1]++;
        }

        for (var j = 0; j < journeys; j++)
        {
            start[j + 1] += start[j];
        }

        // Counting sort by journey (stable), then each journey's few touches by time.
        var next = start[..journeys];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[next[_journey[i]]++] = i;
        }

        for (var j = 0; j < journeys; j++)
        {
            for (var a = start[j] + 1; a < start[j + 1]; a++)
            {
                var item = order[a];
                var b = a - 1;
                while (b >= start[j] && _second[order[b]] > _second[item])
                {
                    order[b + 1] = order[b];
                    b--;
                }

                order[b + 1] = item;
            }
        }

        return new JourneyTable
        {
            Start = start, Market = [.. _journeyMarket], Second = _second.ToArray(order), Channel = _channel.ToArray(order),
            Event = _event.ToArray(order), Revenue = _revenue.ToArray(order), Currency = _currency.ToArray(order),
        };
    }
}

namespace Dashboard.Metrics.Engine;

/// <summary>
/// A partition of (day, market) into the scopes of one engine pass: a path ending on day <c>d</c> in market <c>m</c>
/// belongs to scope <c>DayGroup[d − FirstDay] × MarketGroups + MarketGroup[m]</c>, or to none when either is −1.
/// Each scope is one group's dates and markets, so each group's credit comes from its own journeys.
/// </summary>
public sealed record CreditPartition(int FirstDay, int[] DayGroup, int DayGroups, int[] MarketGroup, int MarketGroups)
{
    public int Scopes => DayGroups * MarketGroups;

    public int LastDay => FirstDay + DayGroup.Length - 1;

    /// <summary>The scope of a path, or −1.</summary>
    public int ScopeOf(int dayNumber, int market)
    {
        var offset = dayNumber - FirstDay;
        if (offset < 0 || offset >= DayGroup.Length)
        {
            return -1;
        }

        var (d, m) = (DayGroup[offset], MarketGroup[market]);
        return d < 0 || m < 0 ? -1 : (d * MarketGroups) + m;
    }
}

/// <summary>
/// Channel credit shares from the journeys (the attribution service implements it): what the engine multiplies
/// sales revenue by for attributed revenue, ROAS and ROI. The engine references no attribution code.
/// </summary>
public interface IChannelCreditSource
{
    /// <summary>Keys of the models a query may name.</summary>
    IReadOnlyList<string> Models { get; }

    /// <summary>
    /// Per scope of the partition, each channel's share of the credit (summing to 1), or null when the scope's
    /// journeys hold no conversion.
    /// </summary>
    /// <exception cref="MetricsQueryException">The model is not one of <see cref="Models"/>.</exception>
    double[]?[] Shares(CreditPartition partition, string model, string currency, ICollection<string> notes);
}

/// <summary>
/// The revenue value of one action of each micro-conversion type, in USD (the valuation implements it), for the
/// engine's engagement value. Null for a type without a value.
/// </summary>
public interface IEventValueSource
{
    /// <summary>Per event code of the snapshot's reference set.</summary>
    IReadOnlyList<double?> UsdPerAction();
}

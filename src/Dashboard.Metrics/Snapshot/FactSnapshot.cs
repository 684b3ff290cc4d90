namespace Dashboard.Metrics.Snapshot;

/// <summary>
/// An immutable, in-memory, columnar copy of the facts the engine computes from. A new snapshot is built after each
/// import and swapped in whole, so a query sees all of an import or none of it, and needs no lock.
/// </summary>
public sealed class FactSnapshot
{
    public required ReferenceSet Reference { get; init; }
    public required MicroConversionTable MicroConversions { get; init; }
    public required SalesTable Sales { get; init; }
    public required SpendTable Spend { get; init; }
    public required TrafficTable Traffic { get; init; }
    public required FxRates Fx { get; init; }

    /// <summary>Journey touches for attribution (a consented sample; not daily facts, so not in <see cref="FactRows"/>).</summary>
    public JourneyTable Journeys { get; init; } = JourneyTable.Empty;

    /// <summary>Context rows and holidays: the confounders the valuation controls for.</summary>
    public MarketContextFacts Context { get; init; } = MarketContextFacts.Empty;

    /// <summary>Campaign flights (name, channel, dates), for annotating trends.</summary>
    public IReadOnlyList<CampaignFlight> Flights { get; init; } = [];

    /// <summary>Survey answers: why consumers say they took an action.</summary>
    public SurveyFacts Surveys { get; init; } = SurveyFacts.Empty;

    /// <summary>The geo holdout tests, by name.</summary>
    public IReadOnlyList<HoldoutTestDefinition> HoldoutTests { get; init; } = [];

    /// <summary>Read-out tests stored to calibrate their channels' curves, in the order they were stored.</summary>
    public IReadOnlyList<LiftCalibration> Calibrations { get; init; } = [];

    /// <summary>Identifies the data this snapshot was built from (for example the last import id).</summary>
    public required long Version { get; init; }

    public long FactRows => (long)MicroConversions.Count + Sales.Count + Spend.Count + Traffic.Count;

    /// <summary>The last day with any daily fact, or null when there is none.</summary>
    public DateOnly? LastDay
    {
        get
        {
            var last = new[] { MicroConversions, Sales, Spend, (FactTable)Traffic }.Where(t => t.Count > 0).Select(t => t.Day[^1]).DefaultIfEmpty(-1).Max();
            return last < 0 ? null : DateOnly.FromDayNumber(last);
        }
    }

    /// <summary>Bytes held by the fact columns (not the small dictionaries): the figure the memory budget is about.</summary>
    public long ColumnBytes =>
        Bytes(MicroConversions.Day, MicroConversions.Market, MicroConversions.Channel, MicroConversions.Campaign, MicroConversions.Event, MicroConversions.Source, MicroConversions.Actions)
        + Bytes(Sales.Day, Sales.Market, Sales.Brand, Sales.Sku, Sales.Orders, Sales.Units, Sales.Revenue, Sales.Currency)
        + Bytes(Spend.Day, Spend.Market, Spend.Channel, Spend.Campaign, Spend.Spend, Spend.Currency)
        + Bytes(Traffic.Day, Traffic.Market, Traffic.Channel, Traffic.Sessions, Traffic.NonPurchaseSessions, Traffic.NonPurchaseReported);

    private static long Bytes(params Array[] columns) =>
        columns.Sum(c => (long)Buffer.ByteLength(c));
}

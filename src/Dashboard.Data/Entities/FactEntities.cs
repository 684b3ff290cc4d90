using Dashboard.Domain.Money;

namespace Dashboard.Data.Entities;

/// <summary>
/// Every imported row carries the import that wrote it and, once a later import replaces it, that import's id.
/// Replaced rows are kept (not updated in place) so an import can be rolled back exactly; only rows with
/// <see cref="SupersededBy"/> null are current, and the natural-key indexes are unique over those.
/// </summary>
public abstract class ImportedRow
{
    public long Id { get; set; }
    public int ImportId { get; set; }
    public int? SupersededBy { get; set; }
}

/// <summary>A fact of one market and day.</summary>
public interface IDated
{
    DateOnly Date { get; }
    int MarketId { get; }
}

public sealed class MicroConversionFact : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public int ChannelId { get; set; }
    public int CampaignId { get; set; }
    public int DefinitionId { get; set; }
    public string Source { get; set; } = "";
    public long Count { get; set; }
}

public sealed class SalesFact : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public int BrandId { get; set; }

    /// <summary>Empty for brand-level sales.</summary>
    public string Sku { get; set; } = "";
    public long Orders { get; set; }
    public long Units { get; set; }
    public Amount Revenue { get; set; }
    public string Currency { get; set; } = "";
}

public sealed class SpendFact : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public int ChannelId { get; set; }
    public int CampaignId { get; set; }
    public Amount Spend { get; set; }
    public string Currency { get; set; } = "";
}

public sealed class TrafficFact : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public int ChannelId { get; set; }
    public long Sessions { get; set; }
    public long NonPurchaseSessions { get; set; }

    /// <summary>False when the source did not report non-purchase sessions (stored as 0 and flagged).</summary>
    public bool NonPurchaseReported { get; set; }
}

/// <summary>One touch of a pseudonymous journey. No other personal field exists.</summary>
public sealed class JourneyTouch : ImportedRow
{
    public string JourneyId { get; set; } = "";
    public int MarketId { get; set; }
    public DateTime TimestampUtc { get; set; }
    public int ChannelId { get; set; }

    /// <summary>A standard micro-conversion key, "visit" or "purchase".</summary>
    public string Event { get; set; } = "";
    public Amount Revenue { get; set; }
    public string Currency { get; set; } = "";
}

public sealed class ContextFact : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public string Type { get; set; } = "";
    public double? Value { get; set; }
    public string Note { get; set; } = "";
}

public sealed class HoldoutTestMarket : ImportedRow
{
    public string Test { get; set; } = "";
    public int MarketId { get; set; }
    public string Group { get; set; } = "";
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }

    /// <summary>Channel key under test; empty when the test is not about one channel.</summary>
    public string Channel { get; set; } = "";
}

public sealed class SurveyResponse : ImportedRow, IDated
{
    public DateOnly Date { get; set; }
    public int MarketId { get; set; }
    public int DefinitionId { get; set; }
    public string RespondentId { get; set; } = "";
    public string Reason { get; set; } = "";
    public int Score { get; set; }
}

public sealed class FxRate : ImportedRow
{
    /// <summary>"YYYY-MM".</summary>
    public string Month { get; set; } = "";
    public string Currency { get; set; } = "";
    public double UsdRate { get; set; }
}

/// <summary>A campaign's flight as last imported (name, channel, dates, objective).</summary>
public sealed class CampaignFlight : ImportedRow
{
    public int CampaignId { get; set; }
    public string Name { get; set; } = "";
    public int ChannelId { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public string Objective { get; set; } = "";
}

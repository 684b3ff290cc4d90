namespace Dashboard.Data.Entities;

public sealed class RegionRow
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class MarketRow
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int RegionId { get; set; }
    public string Currency { get; set; } = "";

    /// <summary>"N" or "S".</summary>
    public string Hemisphere { get; set; } = "N";
}

public sealed class ChannelRow
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public bool IsPaid { get; set; }
}

public sealed class DefinitionRow
{
    public int Id { get; set; }
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string IntentGroup { get; set; } = "";
    public string DefaultSource { get; set; } = "";

    /// <summary>What counts as one action, in the words of the people who track it.</summary>
    public string Description { get; set; } = "";
}

public sealed class AliasRow
{
    public int Id { get; set; }
    public int MarketId { get; set; }
    public string Alias { get; set; } = "";
    public int DefinitionId { get; set; }
}

public sealed class HolidayRow
{
    public int Id { get; set; }
    public int MarketId { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
}

public sealed class BrandRow
{
    public int Id { get; set; }
    public string Key { get; set; } = "";

    /// <summary>Gross margin as a fraction, in basis points (4000 = 0.40) so it stays exact on every provider.</summary>
    public int GrossMarginBp { get; set; }
}

/// <summary>A campaign's identity; created the first time a fact names it. Its flight comes from a `campaigns` import.</summary>
public sealed class CampaignRow
{
    public int Id { get; set; }

    /// <summary>Empty for organic or unattributed activity.</summary>
    public string Key { get; set; } = "";
}

namespace Dashboard.Domain.Reference;

/// <summary>Category of a micro-conversion definition (DATA.md).</summary>
public enum Category
{
    DigitalEngagement,
    Promotional,
    ProductInteraction,
    RetailAction,
}

/// <summary>How close an action is to purchase; the purchase itself is the macro conversion.</summary>
public enum IntentGroup
{
    Low,
    Medium,
    High,
}

/// <summary>The system a fact comes from.</summary>
public enum SourceSystem
{
    Crm,
    Ecommerce,
    Social,
    InStore,
}

/// <summary>Hemisphere of a market: yearly seasonality is shifted half a year in the south.</summary>
public enum Hemisphere
{
    North,
    South,
}

namespace Dashboard.Domain.Reference;

public sealed record Region(string Key, string Name);

public sealed record Market(string Code, string Name, string RegionKey, string Currency, Hemisphere Hemisphere);

/// <summary>A marketing channel; <see cref="IsPaid"/> is false for organic traffic, which has no spend.</summary>
public sealed record Channel(string Key, string Name, bool IsPaid);

/// <summary>A standard micro-conversion definition: the key every market's local event name maps onto.</summary>
public sealed record MicroConversionDefinition(
    string Key,
    string Name,
    Category Category,
    IntentGroup IntentGroup,
    SourceSystem DefaultSource);

/// <summary>A market's local event name for a standard definition (for example DE nl_anmeldung → newsletter_signup).</summary>
public sealed record EventAlias(string MarketCode, string Alias, string DefinitionKey);

public sealed record Holiday(string MarketCode, DateOnly Date, string Name);

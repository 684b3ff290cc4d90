namespace Dashboard.Data.Quality;

/// <summary>The last date of one kind's data from one source in one market (source: the micro-conversion's system, or the kind itself).</summary>
public sealed record Freshness(string Kind, string Source, string Market, string Region, DateOnly Last, long Rows);

/// <summary>One journey id that two or more markets report (a journey is one id within one market).</summary>
public sealed record CrossMarketJourney(string JourneyId, IReadOnlyList<string> Markets, long Touches);

/// <summary>Spend of one campaign, channel and day reported with the same amount by two or more markets: probably counted twice.</summary>
public sealed record DuplicatedSpend(DateOnly Date, string Channel, string Campaign, decimal Spend, string Currency, IReadOnlyList<string> Markets);

/// <summary>An event name refused by imports because it is neither a key nor an alias, with where it was seen.</summary>
public sealed record UnmappedEvent(string Name, long Occurrences, IReadOnlyList<int> Imports, string Hint);

/// <summary>A month and currency that money is stored in, without its own exchange rate.</summary>
public sealed record MissingRate(string Month, string Currency, long Rows, string? CarriedFrom);

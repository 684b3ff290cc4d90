namespace Dashboard.Data.Inventory;

/// <summary>Current rows of one import kind: how many, the dates they cover, in how many markets.</summary>
public sealed record KindInventory(string Kind, string Description, long Rows, DateOnly? First, DateOnly? Last, int Markets);

/// <summary>One market's data of one kind.</summary>
public sealed record Coverage(long Rows, DateOnly First, DateOnly Last);

public sealed record MarketCoverage(string Code, string Name, string Region, IReadOnlyDictionary<string, Coverage> ByKind);

public sealed record ImportSummary(
    int Id, string Kind, string FileName, string User, DateTime StartedUtc, DateTime? FinishedUtc, string Outcome,
    long RowsRead, long Inserted, long Replaced, int ErrorCount, string Via, string Template, DateTime? RolledBackUtc)
{
    public TimeSpan? Duration => FinishedUtc - StartedUtc;
}

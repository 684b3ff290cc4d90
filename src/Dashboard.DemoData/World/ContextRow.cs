namespace Dashboard.DemoData.World;

/// <summary>One row of context.csv.</summary>
internal sealed record ContextRow(DateOnly Date, string Type, decimal? Value, string Note);

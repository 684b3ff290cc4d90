namespace Dashboard.DemoData.Model;

/// <summary>One row of context.csv.</summary>
internal sealed record ContextDay(DateOnly Date, string Type, decimal? Value, string Note);
